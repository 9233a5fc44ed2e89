package dev.gongcrm.validator.engine;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Append-only records (a long value, then a key as UTF-8 bytes) in regions of up to 1 MiB: on the heap while the
 * run's {@link HeapAllowance} lasts, then in a temporary file mapped into memory. Millions of ids then cost
 * the heap only the few bytes of their slot in {@link IdMap}; their bytes live in pages the operating system
 * may write out and read back, and a bundle of ordinary size never touches the disk (nor pays for the
 * slower first runs of mapped-buffer code before the JIT has compiled it).
 *
 * <p>A record is found by its address: its region (16 bits) then its offset in the region (20 bits).
 * Keys are encoded as {@link String#getBytes} would in UTF-8, but for a lone surrogate, which is kept as
 * the three bytes of its code unit so that no two keys share an encoding.
 */
final class RecordArena implements AutoCloseable {

    static final int ADDRESS_BITS = 36;
    private static final int OFFSET_BITS = 20;
    private static final int REGION_SIZE = 1 << OFFSET_BITS;
    /** The first region's size: each next one doubles it, up to {@link #REGION_SIZE} (a map of 8 stages takes 16 KB). */
    private static final int FIRST_REGION_BITS = 14;
    private static final int MAX_REGIONS = 1 << (ADDRESS_BITS - OFFSET_BITS);
    private static final int LONG_KEY = 255;

    private final Path spillFolder;
    private final HeapAllowance allowance;
    private final List<Region> regions = new ArrayList<>();
    /** Where the records of each region but the last end (the last: {@link #used}). */
    private final List<Integer> regionEnds = new ArrayList<>();
    private Region region;
    private int used;
    private FileChannel spill;
    private long spillLength;
    private long heapRecordBytes;
    private long fileRecordBytes;
    /** What this arena took of the allowance: given back when it closes. */
    private long heapRegionBytes;
    private boolean spillRefused;
    /** The last reason a run could not use its temporary file: one line, read when the heap runs out. */
    private static volatile String refusal;

    /** Spilling to a temporary file in that folder once the allowance is spent. */
    RecordArena(Path spillFolder, HeapAllowance allowance) {
        this.spillFolder = spillFolder;
        this.allowance = allowance;
    }

    /**
     * The bytes a key is stored as: its UTF-8, but for a lone surrogate, kept as the three bytes of its code
     * unit (where {@link String#getBytes} would write '?') so that no two keys share them.
     */
    static byte[] encode(String key) {
        byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
        if (utf8.length == key.length() && !contains(utf8, (byte) '?')) {
            return utf8;
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.isSurrogate(key.charAt(i))) {
                return encodeCodeUnits(key);
            }
        }
        return utf8;
    }

    private static int recordSize(int keyLength) {
        return Long.BYTES + lengthSize(keyLength) + keyLength;
    }

    /** Appends a record and returns its address, never 0. */
    long append(byte[] key, long value) {
        int needed = recordSize(key.length);
        if (region == null || used + needed > region.capacity()) {
            newRegion(needed);
        }
        long address = (long) (regions.size() - 1) << OFFSET_BITS | used;
        region.putLong(used, value);
        int at = used + Long.BYTES;
        if (key.length < LONG_KEY) {
            region.put(at++, (byte) key.length);
        } else {
            region.put(at++, (byte) LONG_KEY);
            region.putInt(at, key.length);
            at += Integer.BYTES;
        }
        region.put(at, key);
        used = at + key.length;
        if (region instanceof Region.OnHeap) {
            heapRecordBytes += needed;
        } else {
            fileRecordBytes += needed;
        }
        return address;
    }

    long value(long address) {
        return regionOf(address).getLong(offsetOf(address));
    }

    void setValue(long address, long value) {
        regionOf(address).putLong(offsetOf(address), value);
    }

    /** Whether the record at that address has the key {@code key[from, from + length)}, as {@link #encode} gives it. */
    boolean hasKey(long address, byte[] key, int from, int length) {
        Region stored = regionOf(address);
        int lengthAt = offsetOf(address) + Long.BYTES;
        return keyLength(stored, lengthAt) == length && stored.holds(lengthAt + lengthSize(length), key, from, length);
    }

    /** The key of the record at that address. */
    byte[] key(long address) {
        Region stored = regionOf(address);
        int lengthAt = offsetOf(address) + Long.BYTES;
        byte[] key = new byte[keyLength(stored, lengthAt)];
        stored.get(lengthAt + lengthSize(key.length), key);
        return key;
    }

    /** A key's length as its record writes it: one byte, or 255 and four more from 255 on. */
    private static int keyLength(Region stored, int at) {
        int length = stored.get(at) & 0xFF;
        return length == LONG_KEY ? stored.getInt(at + 1) : length;
    }

    private static int lengthSize(int keyLength) {
        return keyLength < LONG_KEY ? 1 : 1 + Integer.BYTES;
    }

    /** What {@link #forEach} hands over: a record's value and key. */
    interface RecordVisitor {
        void visit(long value, byte[] key);
    }

    /** Every record, in the order they were appended. */
    void forEach(RecordVisitor visitor) {
        for (int r = 0; r < regions.size(); r++) {
            int end = r == regions.size() - 1 ? used : regionEnds.get(r);
            for (int at = r == 0 ? 1 : 0; at < end; ) {
                long address = (long) r << OFFSET_BITS | at;
                byte[] key = key(address);
                visitor.visit(value(address), key);
                at += recordSize(key.length);
            }
        }
    }

    /** A text that may be null, as {@link #readNullable} reads it back: its length (-1: null), then its bytes. */
    static void writeNullable(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
        } else {
            byte[] bytes = encode(text);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    static String readNullable(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return decode(bytes, 0);
    }

    /** The text of bytes {@link #encode} gave, from {@code from} to the end. */
    static String decode(byte[] bytes, int from) {
        boolean surrogates = false;
        for (int i = from; i < bytes.length && !surrogates; i++) {
            // 0xED leads the three bytes of U+D000 to U+DFFF, among them the lone surrogates encode keeps
            surrogates = bytes[i] == (byte) 0xED;
        }
        if (!surrogates) {
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder(bytes.length - from);
        for (int i = from; i < bytes.length; ) {
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                text.append((char) lead);
                i++;
            } else if (lead < 0xE0) {
                text.append((char) ((lead & 0x1F) << 6 | bytes[i + 1] & 0x3F));
                i += 2;
            } else if (lead < 0xF0) {
                text.append((char) ((lead & 0x0F) << 12 | (bytes[i + 1] & 0x3F) << 6 | bytes[i + 2] & 0x3F));
                i += 3;
            } else {
                text.appendCodePoint((lead & 0x07) << 18 | (bytes[i + 1] & 0x3F) << 12 | (bytes[i + 2] & 0x3F) << 6
                        | bytes[i + 3] & 0x3F);
                i += 4;
            }
        }
        return text.toString();
    }

    /** Bytes of the records on the heap (their regions hold up to a megabyte more). */
    long heapBytes() {
        return heapRecordBytes;
    }

    /** Bytes of the records in the temporary file. */
    long fileBytes() {
        return fileRecordBytes;
    }

    /**
     * Gives its heap back to the allowance and its file back to the disk: the mapped regions are unmapped now,
     * not whenever they are collected, so that a long-lived JVM (a Maven build) frees the space at once and
     * Windows can delete the file. Nothing may read the arena once it is closed: its reader threads are
     * stopped before.
     */
    @Override
    public void close() throws IOException {
        allowance.giveBack(heapRegionBytes);
        heapRegionBytes = 0;
        for (Region closing : regions) {
            if (closing instanceof Region.Mapped mapped && !allowance.keepsMappedRegions()) {
                mapped.unmap();
            }
        }
        regions.clear();
        region = null;
        if (spill != null) {
            spill.close();
        }
    }

    private Region regionOf(long address) {
        return regions.get((int) (address >>> OFFSET_BITS));
    }

    private static int offsetOf(long address) {
        return (int) address & (REGION_SIZE - 1);
    }

    /**
     * A record that does not fit in a region (an id of more than a megabyte, from a malformed export) gets
     * a region of its own; the first region starts one byte in, so that no address is 0.
     */
    private void newRegion(int needed) {
        if (regions.size() == MAX_REGIONS) {
            throw new IllegalStateException("more than 64 GiB of ids");
        }
        int size = Math.max(needed + 1, 1 << Math.min(OFFSET_BITS, FIRST_REGION_BITS + regions.size()));
        if (region != null) {
            regionEnds.add(used);
        }
        if (spillRefused || allowance.take(size)) {
            region = new Region.OnHeap(size);
            heapRegionBytes += spillRefused ? 0 : size;
        } else {
            region = inFile(size);
        }
        regions.add(region);
        used = regions.size() == 1 ? 1 : 0;
    }

    /**
     * A region of the temporary file; where none can be made (no such folder, no permission, a full disk),
     * a region on the heap, the reason kept for the out-of-memory message that may follow.
     */
    private Region inFile(int size) {
        try {
            if (spill == null) {
                spill = openSpill();
            }
            // written, not only mapped: a full disk is then an exception here, not a crash on a later access
            ByteBuffer zeros = ByteBuffer.allocate(size);
            while (zeros.hasRemaining()) {
                spill.write(zeros, spillLength + zeros.position());
            }
            ByteBuffer mapped = spill.map(FileChannel.MapMode.READ_WRITE, spillLength, size);
            spillLength += size;
            return new Region.Mapped(mapped);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            spillRefused = true;
            refusal = "the ids could not go to a temporary file in " + spillFolder + " (" + e + ")";
            return new Region.OnHeap(size);
        }
    }

    /** A new run starts without the reason an earlier run of this JVM had. */
    static void forgetRefusal() {
        refusal = null;
    }

    /** Why a run kept ids on the heap past its allowance, for the out-of-memory message; empty when none did. */
    static java.util.Optional<String> refusal() {
        return java.util.Optional.ofNullable(refusal);
    }

    /** The temporary file, deleted at once where the system allows: a killed run leaves nothing. */
    private FileChannel openSpill() throws IOException {
        Path file = Files.createTempFile(spillFolder, "gongcrm-ids-", ".tmp");
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
            try {
                Files.deleteIfExists(file);
            } catch (IOException stillOpen) {
                // Windows: deleted when the channel closes
            }
            return channel;
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static boolean contains(byte[] bytes, byte wanted) {
        for (byte b : bytes) {
            if (b == wanted) {
                return true;
            }
        }
        return false;
    }

    private static byte[] encodeCodeUnits(String key) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(key.length() * 3);
        for (int k = 0; k < key.length(); k++) {
            char c = key.charAt(k);
            if (c < 0x80) {
                out.write(c);
            } else if (c < 0x800) {
                out.write(0xC0 | c >>> 6);
                out.write(0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && k + 1 < key.length()
                    && Character.isLowSurrogate(key.charAt(k + 1))) {
                int point = Character.toCodePoint(c, key.charAt(++k));
                out.write(0xF0 | point >>> 18);
                out.write(0x80 | point >>> 12 & 0x3F);
                out.write(0x80 | point >>> 6 & 0x3F);
                out.write(0x80 | point & 0x3F);
            } else {
                out.write(0xE0 | c >>> 12);
                out.write(0x80 | c >>> 6 & 0x3F);
                out.write(0x80 | c & 0x3F);
            }
        }
        return out.toByteArray();
    }

}
