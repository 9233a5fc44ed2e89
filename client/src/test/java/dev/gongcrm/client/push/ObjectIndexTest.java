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
        index.put("stored", 1L, ObjectIndex.Outcome.STORED, false);
        index.put("failed", 2L, ObjectIndex.Outcome.FAILED, false);
        index.put("uncertain", 3L, ObjectIndex.Outcome.UNCERTAIN, false);
        index.put("old", null, ObjectIndex.Outcome.STORED, false);

        assertEquals(ObjectIndex.Decision.UNCHANGED, index.decide("stored", 1L));
        assertEquals(ObjectIndex.Decision.RETRY, index.decide("failed", 2L));
        assertEquals(ObjectIndex.Decision.RETRY, index.decide("uncertain", 3L));
        assertEquals(ObjectIndex.Decision.CHANGED, index.decide("old", 4L), "no hash known: sent once more");
        assertEquals(ObjectIndex.Decision.NEW, index.decide("never", 5L));
    }

    @Test
    void anObjectAlreadyPlannedIsUnchangedTheSecondTimeUnlessItsValueDiffers() {
        ObjectIndex index = new ObjectIndex(0);
        index.put("changed", 1L, ObjectIndex.Outcome.STORED, false);
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
        index.put("twin", 1L, ObjectIndex.Outcome.STORED, false);
        index.put("twin", 1L, ObjectIndex.Outcome.STORED, false);
        assertFalse(index.isMissing("twin"));
        assertEquals(0, index.missing());
        assertEquals(ObjectIndex.Decision.CHANGED, index.decide("twin", 1L));
        assertEquals(ObjectIndex.Decision.CHANGED, index.decide("twin", 1L));
    }

    @Test
    void missingAreTheStoredObjectsNotSeenAndNotDeleted() {
        ObjectIndex index = new ObjectIndex(1);
        for (int i = 0; i < 10_000; i++) {
            index.put("id-" + i, (long) i, ObjectIndex.Outcome.STORED, false);
        }
        index.put("failed", 1L, ObjectIndex.Outcome.FAILED, false);
        index.put("deleted", 1L, ObjectIndex.Outcome.STORED, true);
        index.put("deletion failed", 1L, ObjectIndex.Outcome.FAILED, true);
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
}
