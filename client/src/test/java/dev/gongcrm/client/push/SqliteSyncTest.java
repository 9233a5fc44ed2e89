package dev.gongcrm.client.push;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link SyncTest} with an SQLite ledger. */
class SqliteSyncTest extends SyncTest {

    @Override
    Ledger openLedger() {
        return Ledger.open(folder.resolve("ledger.db"));
    }

    /**
     * A ledger from before version 4 kept no object's mandatory fields (V4 leaves the tombstone null), so
     * a deletion of an object it recorded then carries none: Gong rejects such a line.
     */
    @Test
    void objectsRecordedBeforeTheLedgerKeptTheirFieldsAreNotDeletedWithoutThem() throws Exception {
        push();
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("ledger.db"));
             var statement = db.createStatement()) {
            statement.executeUpdate("UPDATE objects SET tombstone = NULL, value_hash = NULL");
        }
        deals.removeIf(line -> line.contains("\"deal-7\""));
        writeDeals();

        Push.Outcome outcome = push(Severity.ERROR, Set.of(ObjectType.DEAL), null, false);

        assertFalse(outcome.upload().failed(), outcome.upload()::toString);
        TypeCounts deals = outcome.counts().get(ObjectType.DEAL);
        assertEquals(List.of(1L, 0L, 1L), List.of(deals.missing(), deals.deleted(), deals.undeletable()));
        assertTrue(outcome.plan().stream().noneMatch(step -> step.selection() == PlanStep.Selection.DELETIONS));
        assertTrue(TypeCounts.describe(List.of(deals), "--delete-missing ").contains("1 deal is in Gong but not in "
                + "this export, and not deleted: the ledger recorded them before it kept the fields a deletion must "
                + "carry; send each with isDeleted: true and those fields in a file of your own"));
    }
}
