package dev.gongcrm.validator.fix;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code duplicate-object} in one file: a line equal to an earlier line is dropped (after the line fixes, so
 * {@code .000Z} and {@code Z} copies count as equal; equal lines have the same objectId). Different versions
 * of one objectId are left for the validation to report, or with {@code --keep latest} only the one with the
 * latest modifiedDate (the last of equal ones) is kept.
 *
 * <p>Memory: a line is remembered by 128 bits of its SHA-256 in an open-addressing table (about 32 bytes a
 * line, so a 200 MB file fits a small heap); {@code --keep latest} also keeps an entry per objectId.
 */
final class DuplicateObjectFix {

    static final String RULE = "duplicate-object";

    /** The latest version of one object, and whether it has several. */
    private static final class Latest {
        long instant = Long.MIN_VALUE;
        long high;
        long low;
        boolean several;
    }

    private final boolean keepLatest;
    private final Map<String, Latest> latest = new HashMap<>();
    // the digests of the lines seen: slot i holds (high[i], low[i]); (0, 0) marks an empty slot
    private long[] high = new long[1 << 12];
    private long[] low = new long[1 << 12];
    private int size;
    private boolean severalVersions;

    DuplicateObjectFix(boolean keepLatest) {
        this.keepLatest = keepLatest;
    }

    /**
     * Notes a line of an object; true when it repeats an earlier line exactly.
     *
     * @param instant the line's modifiedDate in epoch seconds, or {@link dev.gongcrm.validator.time.IsoDates#INVALID}
     */
    boolean isExactRepeat(String objectId, String line, long instant) {
        ByteBuffer digest = sha256(line);
        long h = digest.getLong(0);
        long l = digest.getLong(8) | 1; // never (0, 0), the empty slot
        if (!add(h, l)) {
            return true;
        }
        if (keepLatest) {
            Latest versions = latest.get(objectId);
            if (versions == null) {
                versions = new Latest();
                latest.put(objectId, versions);
            } else {
                versions.several = true;
                severalVersions = true;
            }
            if (instant >= versions.instant) {
                versions.instant = instant;
                versions.high = h;
                versions.low = l;
            }
        }
        return false;
    }

    /** With {@code --keep latest}: whether some objectId has different versions (then a second pass drops them). */
    boolean hasSeveralVersions() {
        return severalVersions;
    }

    /** With {@code --keep latest}, on a line kept by the first pass: whether it is an older version of its object. */
    boolean isSuperseded(String objectId, String line) {
        Latest versions = latest.get(objectId);
        if (versions == null || !versions.several) {
            return false;
        }
        ByteBuffer digest = sha256(line);
        return versions.high != digest.getLong(0) || versions.low != (digest.getLong(8) | 1);
    }

    /** Adds a digest to the table; false when it was there. */
    private boolean add(long h, long l) {
        if ((size + 1) * 2 > high.length) {
            grow();
        }
        int mask = high.length - 1;
        for (int slot = (int) (h ^ (h >>> 32)) & mask; ; slot = (slot + 1) & mask) {
            if (high[slot] == 0 && low[slot] == 0) {
                high[slot] = h;
                low[slot] = l;
                size++;
                return true;
            }
            if (high[slot] == h && low[slot] == l) {
                return false;
            }
        }
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        high = new long[oldHigh.length * 2];
        low = new long[oldLow.length * 2];
        size = 0;
        for (int i = 0; i < oldHigh.length; i++) {
            if (oldHigh[i] != 0 || oldLow[i] != 0) {
                add(oldHigh[i], oldLow[i]);
            }
        }
    }

    private static ByteBuffer sha256(String line) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(line.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
