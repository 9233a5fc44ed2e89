package dev.gongcrm.client.push;

/**
 * What the ledger knows of one type's objects, for a push to tell each object of the bundle new,
 * changed, unchanged or to retry: per object id (as its 64-bit {@link ObjectLine#fingerprint}), the
 * hash of its value and of its line as last sent, and how Gong took it. Open addressing over primitive
 * arrays (25 bytes a slot, at most 3 in 4 slots used), so that half a million objects take a few
 * megabytes, not the ids' strings.
 * Two ids of one fingerprint are both marked ambiguous and always sent: a collision costs one upload
 * of an object, never a change left unsent.
 */
final class ObjectIndex {

    enum Outcome { STORED, FAILED, UNCERTAIN }

    /** What a push does with one object of the bundle. */
    enum Decision { NEW, CHANGED, UNCHANGED, RETRY }

    private static final byte EMPTY = 0;
    private static final byte AMBIGUOUS = (byte) 0x80;
    private static final byte SEEN = 0x40;
    private static final byte DELETED = 0x20;
    private static final byte UNKNOWN_VALUE = 0x10;
    private static final byte UNKNOWN_LINE = 0x08;
    /** Sent in a request Gong has not answered for: Gong may hold it, in any version. */
    private static final byte PENDING = 0x04;
    private static final Outcome[] OUTCOMES = Outcome.values();

    private long[] keys;
    private long[] values;
    private long[] lines;
    /** 0 for an empty slot, else 1 + the outcome's ordinal, with the flags above. */
    private byte[] states;
    private int size;

    ObjectIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected + expected / 3)) << 1;
        keys = new long[capacity];
        values = new long[capacity];
        lines = new long[capacity];
        states = new byte[capacity];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /**
     * @param valueHash the hash of the value as last sent, or null when the ledger has none (recorded
     *     before it kept one): the object counts as changed
     * @param lineHash the {@link ObjectLine#lineHash} of its line as last sent, or null when the ledger has none
     * @param deleted whether what was last sent deleted it (then it is not missing from an export)
     */
    void put(String objectId, Long valueHash, Long lineHash, Outcome outcome, boolean deleted) {
        put(ObjectLine.fingerprint(objectId), valueHash, lineHash, outcome, deleted);
    }

    /** {@link #put(String, Long, Long, Outcome, boolean)} by the id's {@link ObjectLine#fingerprint}. */
    void put(long key, Long valueHash, Long lineHash, Outcome outcome, boolean deleted) {
        if (size * 4 >= keys.length * 3) {
            grow();
        }
        int slot = slot(key);
        if (states[slot] != EMPTY) {
            states[slot] |= AMBIGUOUS;
            return;
        }
        keys[slot] = key;
        values[slot] = valueHash == null ? 0 : valueHash;
        lines[slot] = lineHash == null ? 0 : lineHash;
        states[slot] = (byte) (1 + outcome.ordinal() | (deleted ? DELETED : 0) | (valueHash == null ? UNKNOWN_VALUE : 0)
                | (lineHash == null ? UNKNOWN_LINE : 0));
        size++;
    }

    /**
     * What to do with this object of the bundle. It is then marked as seen ({@link #isMissing}), and one
     * to send is taken as stored with this value: the same object again later in the push is unchanged,
     * as the upload before it carries it.
     */
    Decision decide(String objectId, long valueHash) {
        return decide(ObjectLine.fingerprint(objectId), valueHash);
    }

    /** {@link #decide(String, long)} by the id's {@link ObjectLine#fingerprint}. */
    Decision decide(long key, long valueHash) {
        int slot = slot(key);
        byte state = states[slot];
        Decision decision;
        if (state == EMPTY) {
            decision = Decision.NEW;
        } else if ((state & (AMBIGUOUS | UNKNOWN_VALUE)) != 0 || values[slot] != valueHash) {
            decision = Decision.CHANGED;
        } else {
            decision = outcome(state) == Outcome.STORED ? Decision.UNCHANGED : Decision.RETRY;
        }
        if (decision == Decision.NEW) {
            if (size * 4 >= keys.length * 3) {
                grow();
                slot = slot(key);
            }
            keys[slot] = key;
            size++;
        }
        if (decision != Decision.UNCHANGED && (state & AMBIGUOUS) == 0) {
            values[slot] = valueHash;
            state = (byte) (1 + Outcome.STORED.ordinal() | UNKNOWN_LINE);
        }
        states[slot] = (byte) (state | SEEN);
        return decision;
    }

    /**
     * Whether the object whose id has this fingerprint was last sent as a line of this very
     * {@link ObjectLine#lineHash}, and Gong stored it: then it is unchanged, and marked seen as
     * {@link #decide} marks it, without its value being read. False says nothing: decide by its value.
     */
    boolean unchangedLine(long key, long lineHash) {
        int slot = slot(key);
        byte state = states[slot];
        if (state == EMPTY || (state & (AMBIGUOUS | UNKNOWN_VALUE | UNKNOWN_LINE)) != 0 || lines[slot] != lineHash
                || outcome(state) != Outcome.STORED) {
            return false;
        }
        states[slot] = (byte) (state | SEEN);
        return true;
    }

    /**
     * The object was sent in a request Gong has not answered for: Gong may hold it, in any version. Any
     * value of it is a change, and a full export without it deletes it. An id the index does not have is
     * new anyway.
     */
    void pending(long key) {
        int slot = slot(key);
        if (states[slot] != EMPTY && (states[slot] & AMBIGUOUS) == 0) {
            states[slot] |= PENDING | UNKNOWN_VALUE | UNKNOWN_LINE;
        }
    }

    /** Whether the object was sent in a request Gong has not answered for ({@link #pending}). */
    boolean isPending(String objectId) {
        return (states[slot(ObjectLine.fingerprint(objectId))] & (PENDING | AMBIGUOUS)) == PENDING;
    }

    /** How Gong took this object when its value as last sent is this one; null when it is another, or unknown. */
    Outcome outcomeOf(String objectId, long valueHash) {
        int slot = slot(ObjectLine.fingerprint(objectId));
        byte state = states[slot];
        if (state == EMPTY || (state & (AMBIGUOUS | UNKNOWN_VALUE)) != 0 || values[slot] != valueHash) {
            return null;
        }
        return outcome(state);
    }

    /**
     * Whether Gong holds this object and the bundle did not have it: the ledger has it as stored and not
     * deleted, or its deletion was sent and Gong failed it (or may not have taken it), so it is sent
     * again. An ambiguous fingerprint never counts as missing.
     */
    boolean isMissing(String objectId) {
        return isMissing(states[slot(ObjectLine.fingerprint(objectId))]);
    }

    /** How many objects {@link #isMissing} would say are missing. */
    long missing() {
        long missing = 0;
        for (byte state : states) {
            missing += isMissing(state) ? 1 : 0;
        }
        return missing;
    }

    private static boolean isMissing(byte state) {
        if (state == EMPTY || (state & (SEEN | AMBIGUOUS)) != 0) {
            return false;
        }
        if ((state & PENDING) != 0) {
            return true;
        }
        boolean stored = outcome(state) == Outcome.STORED;
        return (state & DELETED) == 0 ? stored : !stored;
    }

    private static Outcome outcome(byte state) {
        return OUTCOMES[(state & 0x03) - 1];
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int slot = (int) (key ^ key >>> 32) & mask;
        while (states[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        long[] oldLines = lines;
        byte[] oldStates = states;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        lines = new long[oldKeys.length * 2];
        states = new byte[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldStates[i] != EMPTY) {
                int slot = slot(oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
                lines[slot] = oldLines[i];
                states[slot] = oldStates[i];
            }
        }
    }
}
