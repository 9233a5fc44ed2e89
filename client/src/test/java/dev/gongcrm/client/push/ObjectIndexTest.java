package dev.gongcrm.client.push;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a push decides for each object from what the ledger knows, and what it counts as missing. */
class ObjectIndexTest {

    @Test
    void eachObjectIsNewChangedUnchangedOrToRetry() {
        ObjectIndex index = new ObjectIndex(4);
        index.put("stored", 1L, null, ObjectIndex.Outcome.STORED, false);
        index.put("failed", 2L, null, ObjectIndex.Outcome.FAILED, false);
        index.put("uncertain", 3L, null, ObjectIndex.Outcome.UNCERTAIN, false);
        index.put("old", null, null, ObjectIndex.Outcome.STORED, false);

        assertEquals(ObjectIndex.Decision.UNCHANGED, index.decide("stored", 1L));
        assertEquals(ObjectIndex.Decision.RETRY, index.decide("failed", 2L));
        assertEquals(ObjectIndex.Decision.RETRY, index.decide("uncertain", 3L));
        assertEquals(ObjectIndex.Decision.CHANGED, index.decide("old", 4L), "no hash known: sent once more");
        assertEquals(ObjectIndex.Decision.NEW, index.decide("never", 5L));
    }

    @Test
    void anObjectAlreadyPlannedIsUnchangedTheSecondTimeUnlessItsValueDiffers() {
        ObjectIndex index = new ObjectIndex(0);
        index.put("changed", 1L, null, ObjectIndex.Outcome.STORED, false);
        assertEquals(ObjectIndex.Decision.NEW, index.decide("a", 7L));
        assertEquals(ObjectIndex.Decision.UNCHANGED, index.decide("a", 7L));
        assertEquals(ObjectIndex.Decision.CHANGED, index.decide("a", 8L));
        assertEquals(ObjectIndex.Decision.CHANGED, index.decide("changed", 2L));
        assertEquals(ObjectIndex.Decision.UNCHANGED, index.decide("changed", 2L));
    }

    @Test
    void twoIdsOfOneFingerprintAreAlwaysSentAndNeverMissing() {
        ObjectIndex index = new ObjectIndex(2);
        // a collision of fingerprints looks, to the index, like the same id twice
        index.put("twin", 1L, null, ObjectIndex.Outcome.STORED, false);
        index.put("twin", 1L, null, ObjectIndex.Outcome.STORED, false);
        assertFalse(index.isMissing("twin"));
        assertEquals(0, index.missing());
        assertEquals(ObjectIndex.Decision.CHANGED, index.decide("twin", 1L));
        assertEquals(ObjectIndex.Decision.CHANGED, index.decide("twin", 1L));
    }

    @Test
    void missingAreTheStoredObjectsNotSeenAndNotDeleted() {
        ObjectIndex index = new ObjectIndex(1);
        for (int i = 0; i < 10_000; i++) {
            index.put("id-" + i, (long) i, null, ObjectIndex.Outcome.STORED, false);
        }
        index.put("failed", 1L, null, ObjectIndex.Outcome.FAILED, false);
        index.put("deleted", 1L, null, ObjectIndex.Outcome.STORED, true);
        index.put("deletion failed", 1L, null, ObjectIndex.Outcome.FAILED, true);
        for (int i = 0; i < 10_000; i += 2) {
            index.decide("id-" + i, i);
        }
        assertEquals(10_003, index.size());
        assertEquals(5_001, index.missing(), "the odd ids, and the failed deletion");
        assertTrue(index.isMissing("id-1"));
        assertFalse(index.isMissing("id-2"), "seen");
        assertFalse(index.isMissing("failed"), "Gong does not hold it");
        assertFalse(index.isMissing("deleted"), "its deletion was sent");
        assertTrue(index.isMissing("deletion failed"), "its deletion is sent again");
    }

    @Test
    void aLineOfTheBytesLastSentAndStoredIsUnchangedWithoutItsValue() {
        ObjectIndex index = new ObjectIndex(4);
        index.put("stored", 1L, 10L, ObjectIndex.Outcome.STORED, false);
        index.put("failed", 2L, 20L, ObjectIndex.Outcome.FAILED, false);
        index.put("uncertain", 3L, 30L, ObjectIndex.Outcome.UNCERTAIN, false);
        index.put("no line", 4L, null, ObjectIndex.Outcome.STORED, false);
        index.put("no value", null, 50L, ObjectIndex.Outcome.STORED, false);

        assertTrue(index.unchangedLine(ObjectLine.fingerprint("stored"), 10L));
        assertFalse(index.isMissing("stored"), "seen, as decide marks it");
        assertFalse(index.unchangedLine(ObjectLine.fingerprint("stored"), 11L), "other bytes: decided by value");
        assertFalse(index.unchangedLine(ObjectLine.fingerprint("failed"), 20L), "Gong failed it: sent again");
        assertFalse(index.unchangedLine(ObjectLine.fingerprint("uncertain"), 30L));
        assertFalse(index.unchangedLine(ObjectLine.fingerprint("no line"), 0L), "the ledger kept no line hash");
        assertFalse(index.unchangedLine(ObjectLine.fingerprint("no value"), 50L));
        assertFalse(index.unchangedLine(ObjectLine.fingerprint("never"), 10L));
    }

    @Test
    void aLineAfterTheSameObjectChangedInThisBundleIsNotUnchangedByItsOldBytes() {
        ObjectIndex index = new ObjectIndex(1);
        index.put("twice", 1L, 10L, ObjectIndex.Outcome.STORED, false);
        assertEquals(ObjectIndex.Decision.CHANGED, index.decide("twice", 2L));
        assertFalse(index.unchangedLine(ObjectLine.fingerprint("twice"), 10L),
                "the object's value in this push is the changed one, whatever bytes the ledger last had");
        assertEquals(ObjectIndex.Decision.CHANGED, index.decide("twice", 1L));
    }

    @Test
    void anObjectWhoseValueInGongIsUnknownIsAChangeWhateverItsValue() {
        ObjectIndex index = new ObjectIndex(2);
        index.put("sent", 1L, 10L, ObjectIndex.Outcome.STORED, false);
        index.put("gone", 1L, 10L, ObjectIndex.Outcome.STORED, false);
        index.put("deleted", 1L, 10L, ObjectIndex.Outcome.STORED, true);
        index.pending(ObjectLine.fingerprint("deleted"));
        index.pending(ObjectLine.fingerprint("sent"));
        index.pending(ObjectLine.fingerprint("gone"));
        index.pending(ObjectLine.fingerprint("new"));

        assertFalse(index.unchangedLine(ObjectLine.fingerprint("sent"), 10L));
        assertEquals(ObjectIndex.Decision.CHANGED, index.decide("sent", 1L), "the export went back to what the ledger had");
        assertTrue(index.isMissing("gone"), "Gong holds it in some version: a full export without it deletes it");
        assertTrue(index.isPending("gone"));
        assertTrue(index.isMissing("deleted"), "a pending request may have brought it back");
        assertFalse(index.isPending("never"));
        assertEquals(ObjectIndex.Decision.NEW, index.decide("new", 1L));
    }
}
