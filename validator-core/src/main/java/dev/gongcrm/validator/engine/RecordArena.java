package dev.gongcrm.validator.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Append-only records (a long value, then a key as UTF-8 bytes) in 1 MiB regions: the first two on the
 * heap, the others in a temporary file mapped into memory. Millions of ids then cost the heap only the
 * few bytes of their slot in {@link IdMap}; their bytes live in pages the operating system may write out
 * and read back, and a small bundle never touches the disk.
 *
 * <p>A record is found by its address: its region (16 bits) then its offset in the region (20 bits).
 * Keys are encoded as {@link String#getBytes} would in UTF-8, but for a lone surrogate, which is kept as
 * the three bytes of its code unit so that no two keys share an encoding.
 */
final class RecordArena implements AutoCloseable {

    static final int ADDRESS_BITS = 36;
    private static final int OFFSET_BITS = 20;
    private static final int REGION_SIZE = 1 << OFFSET_BITS;
    private static final int MAX_REGIONS = 1 << (ADDRESS_BITS - OFFSET_BITS);
    private static final int HEAP_REGIONS = 2;

    private final Path spillFolder;
    private final List<ByteBuffer> regions = new ArrayList<>();
    private ByteBuffer region;
    private int used;
    private FileChannel spill;
    private long spillLength;
    private long heapBytes;
    private boolean spillRefused;

    /** Spilling to a temporary file in that folder. */
    RecordArena(Path spillFolder) {
        this.spillFolder = spillFolder;
    }

    /** Appends a record and returns its address, never 0. */
    long append(String key, long value) {
        int keyBytes = utf8Length(key);
        int needed = Long.BYTES + (keyBytes < 255 ? 1 : 5) + keyBytes;
        if (region == null || used + needed > region.capacity()) {
            newRegion(needed);
        }
        long address = (long) (regions.size() - 1) << OFFSET_BITS | used;
        ByteBuffer at = region;
        at.putLong(used, value);
        int i = used + Long.BYTES;
        if (keyBytes < 255) {
            at.put(i++, (byte) keyBytes);
        } else {
            at.put(i++, (byte) 255);
            at.putInt(i, keyBytes);
            i += Integer.BYTES;
        }
        for (int k = 0; k < key.length(); k++) {
            char c = key.charAt(k);
            if (c < 0x80) {
                at.put(i++, (byte) c);
            } else if (c < 0x800) {
                at.put(i++, (byte) (0xC0 | c >>> 6));
                at.put(i++, (byte) (0x80 | c & 0x3F));
            } else if (Character.isHighSurrogate(c) && k + 1 < key.length()
                    && Character.isLowSurrogate(key.charAt(k + 1))) {
                int point = Character.toCodePoint(c, key.charAt(++k));
                at.put(i++, (byte) (0xF0 | point >>> 18));
                at.put(i++, (byte) (0x80 | point >>> 12 & 0x3F));
                at.put(i++, (byte) (0x80 | point >>> 6 & 0x3F));
                at.put(i++, (byte) (0x80 | point & 0x3F));
            } else {
                at.put(i++, (byte) (0xE0 | c >>> 12));
                at.put(i++, (byte) (0x80 | c >>> 6 & 0x3F));
                at.put(i++, (byte) (0x80 | c & 0x3F));
            }
        }
        used = i;
        return address;
    }

    long value(long address) {
        return regionOf(address).getLong(offsetOf(address));
    }

    void setValue(long address, long value) {
        regionOf(address).putLong(offsetOf(address), value);
    }

    /** Whether the record at that address has this key: its bytes compared as {@link #append} wrote them. */
    boolean hasKey(long address, String key) {
        ByteBuffer stored = regionOf(address);
        int i = offsetOf(address) + Long.BYTES;
        int length = stored.get(i++) & 0xFF;
        if (length == 255) {
            length = stored.getInt(i);
            i += Integer.BYTES;
        }
        int end = i + length;
        for (int k = 0; k < key.length(); k++) {
            char c = key.charAt(k);
            if (c < 0x80) {
                if (i >= end || stored.get(i++) != (byte) c) {
                    return false;
                }
            } else {
                int point = Character.isHighSurrogate(c) && k + 1 < key.length()
                        && Character.isLowSurrogate(key.charAt(k + 1)) ? Character.toCodePoint(c, key.charAt(++k)) : c;
                int width = point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
                if (i + width > end) {
                    return false;
                }
                int lead = width == 2 ? 0xC0 | point >>> 6 : width == 3 ? 0xE0 | point >>> 12 : 0xF0 | point >>> 18;
                if (stored.get(i++) != (byte) lead) {
                    return false;
                }
                for (int shift = 6 * (width - 2); shift >= 0; shift -= 6) {
                    if (stored.get(i++) != (byte) (0x80 | point >>> shift & 0x3F)) {
                        return false;
                    }
                }
            }
        }
        return i == end;
    }

    /** Bytes of records held on the heap. */
    long heapBytes() {
        return heapBytes;
    }

    /** Bytes of records in the temporary file. */
    long fileBytes() {
        return spillLength;
    }

    @Override
    public void close() throws IOException {
        if (spill != null) {
            spill.close();
        }
    }

    private ByteBuffer regionOf(long address) {
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
        int size = Math.max(REGION_SIZE, needed + 1);
        region = regions.size() < HEAP_REGIONS || spillRefused ? onHeap(size) : inFile(size);
        regions.add(region);
        used = regions.size() == 1 ? 1 : 0;
    }

    private ByteBuffer onHeap(int size) {
        heapBytes += size;
        return ByteBuffer.allocate(size);
    }

    private ByteBuffer inFile(int size) {
        try {
            if (spill == null) {
                spill = openSpill();
                if (spill == null) {
                    spillRefused = true;
                    return onHeap(size);
                }
            }
            // written, not only mapped: a full disk is then an error here, not a crash on a later access
            ByteBuffer zeros = ByteBuffer.allocate(size);
            while (zeros.hasRemaining()) {
                spill.write(zeros, spillLength + zeros.position());
            }
            ByteBuffer mapped = spill.map(FileChannel.MapMode.READ_WRITE, spillLength, size);
            spillLength += size;
            return mapped;
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot keep the bundle's ids in a temporary file in "
                    + spillFolder + ": " + e.getMessage(), e));
        }
    }

    /** The temporary file, deleted at once where the system allows (a killed run leaves nothing); null when none can be made. */
    private FileChannel openSpill() {
        Path file;
        try {
            file = Files.createTempFile(spillFolder, "gongcrm-ids-", ".tmp");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
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
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the file was just made by us and is empty; nothing more can be done
            }
            return null;
        }
    }

    private static int utf8Length(String key) {
        int bytes = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < key.length() && Character.isLowSurrogate(key.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
