package dev.gongcrm.client.push;

import dev.gongcrm.client.ledger.LedgerException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link PushRunnerTest} with an SQLite ledger, and what only an SQLite file can go through. */
class SqlitePushRunnerTest extends PushRunnerTest {

    @Override
    Ledger openLedger(String name) {
        return Ledger.open(folder.resolve(name + ".db"));
    }

    @Test
    void aLedgerFromANewerVersionOrACorruptFileIsAClearErrorAndIsLeftAlone() throws Exception {
        Path corrupt = Files.writeString(folder.resolve("corrupt.db"), "this is not SQLite, just bytes ".repeat(200));
        LedgerException error = assertThrows(LedgerException.class, () -> Ledger.open(corrupt));
        assertTrue(error.getMessage().contains("corrupt"), error.getMessage());
        assertEquals("this is not SQLite, just bytes ".repeat(200), Files.readString(corrupt));

        Path newer = folder.resolve("newer.db");
        Ledger.open(newer).close();
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + newer);
             var statement = db.createStatement()) {
            statement.execute("PRAGMA user_version = " + (Ledger.VERSION + 1));
        }
        error = assertThrows(LedgerException.class, () -> Ledger.open(newer));
        assertTrue(error.getMessage().contains("newer gongcrm"), error.getMessage());
    }

    @Test
    void theLedgerIsAnSqliteFileWithTheObjectsGongHolds() throws Exception {
        push(VALID);
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("ledger.db"));
             var rows = db.createStatement().executeQuery(
                     "SELECT object_type, count(*) FROM objects GROUP BY object_type ORDER BY object_type")) {
            List<String> counts = new ArrayList<>();
            while (rows.next()) {
                counts.add(rows.getString(1) + "=" + rows.getInt(2));
            }
            long deals;
            try (Stream<String> lines = Files.lines(VALID.resolve("deals.ldjson"))) {
                deals = lines.filter(l -> !l.isBlank()).count();
            }
            assertTrue(counts.contains("DEAL=" + deals), counts::toString);
            assertEquals(6, counts.size(), counts::toString);
        }
    }
}
