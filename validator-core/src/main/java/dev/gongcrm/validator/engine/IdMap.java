package dev.gongcrm.validator.engine;

/**
 * String keys to long values in flat arrays (open addressing, linear probing): about half the
 * memory of a {@code HashMap<String, Long>} and no boxing, for the hundreds of thousands of ids of
 * a large file. Each slot keeps its key's hash, so that a probe reads a key only when hashes match.
 */
final class IdMap {

    static final long ABSENT = Long.MIN_VALUE;

    private int[] hashes = new int[1024];
    private String[] keys = new String[1024];
    private long[] values = new long[1024];
    private int size;

    /** Stores the value and returns the previous one, or {@link #ABSENT}. */
    long put(String key, long value) {
        if ((size + 1) * 3 > keys.length * 2) {
            grow();
        }
        int hash = hash(key);
        int mask = keys.length - 1;
        int slot = hash & mask;
        while (hashes[slot] != 0) {
            if (hashes[slot] == hash && keys[slot].equals(key)) {
                long previous = values[slot];
                values[slot] = value;
                return previous;
            }
            slot = (slot + 1) & mask;
        }
        hashes[slot] = hash;
        keys[slot] = key;
        values[slot] = value;
        size++;
        return ABSENT;
    }

    long get(String key) {
        int hash = hash(key);
        int mask = keys.length - 1;
        for (int slot = hash & mask; hashes[slot] != 0; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && keys[slot].equals(key)) {
                return values[slot];
            }
        }
        return ABSENT;
    }

    int size() {
        return size;
    }

    private void grow() {
        String[] oldKeys = keys;
        long[] oldValues = values;
        hashes = new int[oldKeys.length * 2];
        keys = new String[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    /** A well-mixed hash that is never 0, the mark of an empty slot. */
    private static int hash(String key) {
        int hash = key.hashCode() * 0x9E3779B1;
        hash ^= hash >>> 15;
        return hash == 0 ? 1 : hash;
    }
}
