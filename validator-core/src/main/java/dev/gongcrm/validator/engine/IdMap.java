package dev.gongcrm.validator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * String keys (ids) to long values, for the millions of ids of a large bundle: open addressing over one
 * {@code long[]} of (64-bit hash, value) pairs, and the keys themselves as UTF-8 bytes in an append-only
 * arena of 1 MiB chunks. About 40 bytes an id instead of the 120 to 140 of a {@code String} per key, and a
 * lookup touches two or three cache lines instead of five (hash, key reference, String, its bytes, value).
 *
 * <p>Exact, whatever the hashes: a key is compared byte for byte with the one stored before its value is
 * taken, so two ids of one hash are two entries, never one.
 */
final class IdMap {

    static final long ABSENT = Long.MIN_VALUE;

    private static final int CHUNK_BITS = 20;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;

    /** Segments by the hash's top bits: a segment grows alone, so growth never holds two copies of the whole table. */
    private static final int SEGMENT_BITS = 6;

    private final ToLongFunction<String> hasher;
    private final Segment[] segments = new Segment[1 << SEGMENT_BITS];
    private int size;

    /** The keys: a length (one byte, or 255 and four more from 255 on) then the UTF-8 bytes, chunk after chunk. */
    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] chunk;
    private int used;

    /** One part of the table: open addressing with linear probing, at most two thirds full. */
    private static final class Segment {
        /** Slot i: its key's hash at 2i (0: empty), its value at 2i + 1. */
        long[] slots = new long[2 * 16];
        /** Slot i: where its key is in the arena (chunk << CHUNK_BITS | offset). */
        int[] keyAt = new int[16];
        int size;

        /** Twice the slots; the keys stay where they are in the arena, their hashes need no computing again. */
        void grow() {
            long[] oldSlots = slots;
            int[] oldKeyAt = keyAt;
            slots = new long[oldSlots.length * 2];
            keyAt = new int[oldKeyAt.length * 2];
            int mask = keyAt.length - 1;
            for (int old = 0; old < oldKeyAt.length; old++) {
                long hash = oldSlots[2 * old];
                if (hash == 0) {
                    continue;
                }
                int slot = (int) hash & mask;
                while (slots[2 * slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[2 * slot] = hash;
                slots[2 * slot + 1] = oldSlots[2 * old + 1];
                keyAt[slot] = oldKeyAt[old];
            }
        }
    }

    IdMap() {
        this(IdMap::hash);
    }

    /** With another hash function: a test's that makes every key collide. */
    IdMap(ToLongFunction<String> hasher) {
        this.hasher = hasher;
    }

    /** Stores the value and returns the previous one, or {@link #ABSENT}. */
    long put(String key, long value) {
        long hash = nonZero(hasher.applyAsLong(key));
        int index = (int) (hash >>> (Long.SIZE - SEGMENT_BITS));
        Segment segment = segments[index];
        if (segment == null) {
            segment = segments[index] = new Segment();
        }
        if ((segment.size + 1) * 3 > segment.keyAt.length * 2) {
            segment.grow();
        }
        long[] slots = segment.slots;
        int mask = segment.keyAt.length - 1;
        int slot = (int) hash & mask;
        while (slots[2 * slot] != 0) {
            if (slots[2 * slot] == hash && sameKey(key, segment.keyAt[slot])) {
                long previous = slots[2 * slot + 1];
                slots[2 * slot + 1] = value;
                return previous;
            }
            slot = (slot + 1) & mask;
        }
        slots[2 * slot] = hash;
        slots[2 * slot + 1] = value;
        segment.keyAt[slot] = append(key);
        segment.size++;
        size++;
        return ABSENT;
    }

    long get(String key) {
        long hash = nonZero(hasher.applyAsLong(key));
        Segment segment = segments[(int) (hash >>> (Long.SIZE - SEGMENT_BITS))];
        if (segment == null) {
            return ABSENT;
        }
        long[] slots = segment.slots;
        int mask = segment.keyAt.length - 1;
        for (int slot = (int) hash & mask; slots[2 * slot] != 0; slot = (slot + 1) & mask) {
            if (slots[2 * slot] == hash && sameKey(key, segment.keyAt[slot])) {
                return slots[2 * slot + 1];
            }
        }
        return ABSENT;
    }

    int size() {
        return size;
    }

    /** Appends the key (its length, then its UTF-8 bytes) and returns where it starts. */
    private int append(String key) {
        int bytes = utf8Length(key);
        int needed = (bytes < 255 ? 1 : 5) + bytes;
        if (chunk == null || used + needed > chunk.length) {
            if (chunks.size() == 1 << (Integer.SIZE - CHUNK_BITS)) {
                throw new IllegalStateException("more than 4 GiB of ids");
            }
            // a key longer than a chunk (a malformed export's megabyte "id") gets a chunk of its own
            chunk = new byte[Math.max(CHUNK_SIZE, needed)];
            chunks.add(chunk);
            used = 0;
        }
        int at = (chunks.size() - 1) << CHUNK_BITS | used;
        if (bytes < 255) {
            chunk[used++] = (byte) bytes;
        } else {
            chunk[used++] = (byte) 255;
            for (int shift = 24; shift >= 0; shift -= 8) {
                chunk[used++] = (byte) (bytes >>> shift);
            }
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x80) {
                chunk[used++] = (byte) c;
            } else if (c < 0x800) {
                chunk[used++] = (byte) (0xC0 | c >>> 6);
                chunk[used++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < key.length()
                    && Character.isLowSurrogate(key.charAt(i + 1))) {
                int point = Character.toCodePoint(c, key.charAt(++i));
                chunk[used++] = (byte) (0xF0 | point >>> 18);
                chunk[used++] = (byte) (0x80 | point >>> 12 & 0x3F);
                chunk[used++] = (byte) (0x80 | point >>> 6 & 0x3F);
                chunk[used++] = (byte) (0x80 | point & 0x3F);
            } else {
                // from U+0800, a lone surrogate too: the three bytes of the code unit, as sameKey reads it
                chunk[used++] = (byte) (0xE0 | c >>> 12);
                chunk[used++] = (byte) (0x80 | c >>> 6 & 0x3F);
                chunk[used++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return at;
    }

    /** Whether the key stored at {@code at} is this one: the UTF-8 bytes {@link #append} wrote, compared as written. */
    private boolean sameKey(String key, int at) {
        byte[] stored = chunks.get(at >>> CHUNK_BITS);
        int i = at & (CHUNK_SIZE - 1);
        int length = stored[i++] & 0xFF;
        if (length == 255) {
            length = 0;
            for (int b = 0; b < 4; b++) {
                length = length << 8 | stored[i++] & 0xFF;
            }
        }
        int end = i + length;
        for (int k = 0; k < key.length(); k++) {
            char c = key.charAt(k);
            if (c < 0x80) {
                if (i >= end || stored[i++] != (byte) c) {
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
                if (stored[i++] != (byte) lead) {
                    return false;
                }
                for (int shift = 6 * (width - 2); shift >= 0; shift -= 6) {
                    if (stored[i++] != (byte) (0x80 | point >>> shift & 0x3F)) {
                        return false;
                    }
                }
            }
        }
        return i == end;
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

    /** 64 well-mixed bits of the key's characters (FNV-1a, then MurmurHash3's finaliser). */
    private static long hash(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash = (hash ^ key.charAt(i)) * 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        return hash ^ hash >>> 33;
    }

    /** 0 marks an empty slot. */
    private static long nonZero(long hash) {
        return hash == 0 ? 1 : hash;
    }
}
