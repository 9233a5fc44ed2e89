package dev.gongcrm.validator.engine;

import java.io.IOException;
import java.nio.file.Path;

/**
 * String keys (ids) to long values, for the millions of ids of a large bundle in a small heap: open
 * addressing over one {@code long} a key, holding a fingerprint of its hash and where the key and its
 * value are in a {@link RecordArena}, whose bytes are off the heap once they pass two megabytes. The heap
 * keeps 8 bytes a slot at a load of 3/8 to 3/4: 11 to 21 bytes an id.
 *
 * <p>Exact, whatever the hashes: the fingerprint only spares comparisons; a key is compared byte for byte
 * with the stored one before its value is taken, so two ids of one hash are two entries, never one.
 *
 * <p>Keys are hashed and compared as the bytes {@link RecordArena#encode} gives them, so that a key still
 * lying in its line (an ASCII reference, {@link #get(byte[], int, int)}) is looked up without a String.
 */
final class IdMap implements AutoCloseable {

    static final long ABSENT = Long.MIN_VALUE;

    /** Segments by the hash's top bits: a segment grows alone, so growth never holds two copies of the whole table. */
    private static final int SEGMENT_BITS = 6;
    private static final int FINGERPRINT_BITS = Long.SIZE - RecordArena.ADDRESS_BITS;
    private static final long ADDRESS_MASK = (1L << RecordArena.ADDRESS_BITS) - 1;

    private final KeyHash hasher;
    private final RecordArena arena;
    private final Segment[] segments = new Segment[1 << SEGMENT_BITS];
    private int size;

    /**
     * One part of the table: linear probing over slots of (fingerprint, address), 0 when empty. A slot's
     * place comes from its fingerprint's low bits, so the table doubles without reading a key again.
     */
    private static final class Segment {
        long[] slots = new long[16];
        int size;

        void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            int mask = slots.length - 1;
            for (long entry : old) {
                if (entry != 0) {
                    int slot = (int) (entry >>> RecordArena.ADDRESS_BITS) & mask;
                    while (slots[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    slots[slot] = entry;
                }
            }
        }
    }

    /** A hash of a key's bytes {@code [from, from + length)}. */
    interface KeyHash {
        long hash(byte[] key, int from, int length);
    }

    /** Keys past what the allowance leaves on the heap go to a temporary file in that folder. */
    IdMap(Path spillFolder, HeapAllowance allowance) {
        this(spillFolder, allowance, IdMap::hash);
    }

    /** With another hash function: a test's that makes every key collide. */
    IdMap(Path spillFolder, HeapAllowance allowance, KeyHash hasher) {
        this.arena = new RecordArena(spillFolder, allowance);
        this.hasher = hasher;
    }

    /** Stores the value and returns the previous one, or {@link #ABSENT}. */
    long put(String key, long value) {
        byte[] bytes = RecordArena.encode(key);
        long hash = hasher.hash(bytes, 0, bytes.length);
        long fingerprint = fingerprint(hash);
        int index = (int) (hash >>> (Long.SIZE - SEGMENT_BITS));
        Segment segment = segments[index];
        if (segment == null) {
            segment = segments[index] = new Segment();
        }
        if ((segment.size + 1) * 4 > segment.slots.length * 3) {
            segment.grow();
        }
        long[] slots = segment.slots;
        int mask = slots.length - 1;
        int slot = (int) fingerprint & mask;
        for (; slots[slot] != 0; slot = (slot + 1) & mask) {
            long address = slots[slot] & ADDRESS_MASK;
            if (slots[slot] >>> RecordArena.ADDRESS_BITS == fingerprint && arena.hasKey(address, bytes, 0, bytes.length)) {
                long previous = arena.value(address);
                arena.setValue(address, value);
                return previous;
            }
        }
        slots[slot] = fingerprint << RecordArena.ADDRESS_BITS | arena.append(bytes, value);
        segment.size++;
        size++;
        return ABSENT;
    }

    long get(String key) {
        byte[] bytes = RecordArena.encode(key);
        return get(bytes, 0, bytes.length);
    }

    /** The value of the key whose bytes, as {@link RecordArena#encode} gives them, are {@code key[from, from + length)}. */
    long get(byte[] key, int from, int length) {
        long hash = hasher.hash(key, from, length);
        Segment segment = segments[(int) (hash >>> (Long.SIZE - SEGMENT_BITS))];
        if (segment == null) {
            return ABSENT;
        }
        long fingerprint = fingerprint(hash);
        long[] slots = segment.slots;
        int mask = slots.length - 1;
        for (int slot = (int) fingerprint & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            long address = slots[slot] & ADDRESS_MASK;
            if (slots[slot] >>> RecordArena.ADDRESS_BITS == fingerprint && arena.hasKey(address, key, from, length)) {
                return arena.value(address);
            }
        }
        return ABSENT;
    }

    int size() {
        return size;
    }

    /** Bytes of heap the map holds: its slots, and the keys and values on the heap. */
    long heapBytes() {
        long slots = 0;
        for (Segment segment : segments) {
            slots += segment == null ? 0 : (long) segment.slots.length * Long.BYTES;
        }
        return slots + arena.heapBytes();
    }

    /** Bytes of the keys and values in the temporary file. */
    long fileBytes() {
        return arena.fileBytes();
    }

    @Override
    public void close() throws IOException {
        arena.close();
    }

    /** The hash's bits below the segment's: never 0, which marks an empty slot. */
    private static long fingerprint(long hash) {
        long bits = hash >>> (Long.SIZE - SEGMENT_BITS - FINGERPRINT_BITS) & ((1L << FINGERPRINT_BITS) - 1);
        return bits == 0 ? 1 : bits;
    }

    /** 64 well-mixed bits of the key's bytes (FNV-1a, then MurmurHash3's finaliser). */
    private static long hash(byte[] key, int from, int length) {
        long hash = 0xcbf29ce484222325L;
        for (int i = from; i < from + length; i++) {
            hash = (hash ^ (key[i] & 0xFF)) * 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        return hash ^ hash >>> 33;
    }
}
