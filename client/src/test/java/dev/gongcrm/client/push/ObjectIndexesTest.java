package dev.gongcrm.client.push;

import dev.gongcrm.client.ledger.LedgerException;
import dev.gongcrm.validator.ObjectType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ledger's indexes a push reads on a second connection while it validates: the same as read on its own. */
class ObjectIndexesTest {

    private static final long INTEGRATION = 7;
    private static final String DEAL = "{\"objectId\": \"d1\", \"modifiedDate\": \"2024-01-01T00:00:00Z\"}\n";

    @TempDir
    Path folder;

    /** A ledger that recorded one deal as stored. */
    private Ledger ledgerWithADeal(Path file) throws Exception {
        Ledger ledger = Ledger.open(file);
        Path sent = Files.writeString(folder.resolve("sent.ldjson"), DEAL);
        ledger.finished(INTEGRATION, "request-1", RequestEnding.done(), ObjectType.DEAL,
                new PlanStep.Content(sent, 0, Files.size(sent), "objectId", null, Set.of()), null, Instant.now());
        return ledger;
    }

    private static long valueHash() {
        byte[] bytes = DEAL.getBytes(StandardCharsets.UTF_8);
        return ObjectLine.read(bytes, 0, bytes.length, "objectId", Set.of()).valueHash();
    }

    @Test
    void theTypesAskedForAreReadOnASecondConnectionAndOthersOnThePushsOwn() throws Exception {
        try (Ledger ledger = ledgerWithADeal(folder.resolve("ledger.db"));
             ObjectIndexes indexes = ledger.objectIndexes(INTEGRATION, List.of(ObjectType.STAGE, ObjectType.DEAL))) {
            assertEquals(ObjectIndex.Decision.UNCHANGED, indexes.of(ObjectType.DEAL).decide("d1", valueHash()));
            assertTrue(indexes.of(ObjectType.STAGE).isEmpty());
            assertTrue(indexes.of(ObjectType.ACCOUNT).isEmpty(), "not asked for in advance: read when asked");
        }
    }

    @Test
    void whatStopsTheSecondConnectionStopsThePushThatWantsTheIndex() throws Exception {
        Path file = folder.resolve("ledger.db");
        try (Ledger ledger = ledgerWithADeal(file)) {
            Files.delete(file); // the push's connection keeps the file open; a new one finds none
            try (ObjectIndexes indexes = ledger.objectIndexes(INTEGRATION, List.of(ObjectType.DEAL))) {
                LedgerException stopped = assertThrows(LedgerException.class, () -> indexes.of(ObjectType.DEAL));
                assertTrue(stopped.getMessage().contains(file.toString()), stopped.getMessage());
            }
        }
    }
}
