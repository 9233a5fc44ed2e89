package dev.gongcrm.client.ledger;

import dev.gongcrm.client.push.Ledger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ledger's layout is versioned: a gongcrm 0.1 ledger (tables and {@code user_version} 1, no
 * migration history) is brought to the current version with what it holds; a ledger from a newer
 * gongcrm is refused, and not a byte of it is written.
 */
class LedgerMigrationsTest {

    private static final long INTEGRATION = 42;

    @TempDir
    Path folder;

    /** A ledger as gongcrm 0.1 wrote it, with one DONE step. */
    private Path ledgerOfVersionOne() throws Exception {
        Path file = folder.resolve("ledger.db");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = db.createStatement();
             InputStream v1 = LedgerMigrations.class.getResourceAsStream("migration/V1__steps_objects_schemas.sql")) {
            String script = new String(v1.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> placeholder : LedgerDatabase.Dialect.SQLITE.placeholders().entrySet()) {
                script = script.replace("${" + placeholder.getKey() + "}", placeholder.getValue());
            }
            for (String sql : script.split(";")) {
                if (!sql.replaceAll("--[^\n]*", "").isBlank()) {
                    statement.execute(sql);
                }
            }
            statement.execute("INSERT INTO steps (integration_id, client_request_id, file, content_hash, kind, "
                    + "object_type, part, bytes, objects, status, started_at) VALUES (" + INTEGRATION + ", 'c1', "
                    + "'accounts.ldjson', 'h1', 'OBJECTS', 'ACCOUNT', 1, 10, 1, 'DONE', '2026-01-01T00:00:00Z')");
            statement.execute("PRAGMA application_id = " + LedgerDatabase.APPLICATION_ID);
            statement.execute("PRAGMA user_version = 1");
        }
        return file;
    }

    private static int intPragma(Path file, String pragma) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA " + pragma)) {
            return rows.getInt(1);
        }
    }

    @Test
    void aLedgerOfVersionOneIsMigratedWithWhatItHolds() throws Exception {
        Path file = ledgerOfVersionOne();
        try (Ledger ledger = Ledger.open(file)) {
            assertEquals("c1", ledger.steps(INTEGRATION).get(0).clientRequestId());
        }
        assertEquals(Ledger.VERSION, intPragma(file, "user_version"), "gongcrm 0.1 reads user_version: it must refuse");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = db.createStatement();
             ResultSet runs = statement.executeQuery("SELECT count(*) FROM runs")) {
            assertEquals(0, runs.getInt(1));
        }
    }

    @Test
    void aNewLedgerHasEveryTableAndTheCurrentVersion() throws Exception {
        Path file = folder.resolve("new/ledger.db");
        try (Ledger ledger = Ledger.open(file)) {
            assertEquals(0, ledger.integrations().size());
        }
        assertEquals(Ledger.VERSION, intPragma(file, "user_version"));
        assertEquals(LedgerDatabase.APPLICATION_ID, intPragma(file, "application_id"));
    }

    @Test
    void aLedgerFromANewerGongcrmIsRefusedAndNotWritten() throws Exception {
        Path file = folder.resolve("ledger.db");
        try (Ledger ledger = Ledger.open(file)) {
            assertTrue(ledger.integrations().isEmpty());
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = db.createStatement()) {
            statement.execute("INSERT INTO ledger_migrations (installed_rank, version, description, type, script, "
                    + "checksum, installed_by, installed_on, execution_time, success) VALUES (99, '" + (Ledger.VERSION + 1)
                    + "', 'from the future', 'SQL', 'V" + (Ledger.VERSION + 1) + "__future.sql', 0, 'gongcrm 9', "
                    + "'2030-01-01 00:00:00', 1, 1)");
        }
        byte[] before = Files.readAllBytes(file);

        LedgerException refused = assertThrows(LedgerException.class, () -> Ledger.open(file));
        assertTrue(refused.getMessage().contains("was written by a newer gongcrm (ledger version " + (Ledger.VERSION + 1) + "; this one reads up "
                + "to " + Ledger.VERSION + "); upgrade gongcrm. Nothing was written"), refused.getMessage());
        assertThrows(LedgerException.class, () -> Ledger.openReadOnly(file));
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aLedgerUrlNeverCarriesItsPassword() {
        IllegalArgumentException inUrl = assertThrows(IllegalArgumentException.class,
                () -> LedgerLocation.parse("postgresql://gongcrm:hunter2-secret@db.example.com/ledger", null));
        assertTrue(inUrl.getMessage().contains("GONGCRM_LEDGER_PASSWORD"), inUrl.getMessage());
        assertTrue(!inUrl.getMessage().contains("hunter2"), inUrl.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LedgerLocation.parse("jdbc:postgresql://db.example.com/ledger?user=u&password=hunter2", null));

        IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
                () -> LedgerLocation.parse("postgresql://ci@db.example.com:notaport/ledger", null));
        assertTrue(port.getMessage().contains("the port must be a number"), port.getMessage());

        LedgerLocation.Postgres libpq = (LedgerLocation.Postgres) LedgerLocation.parse(
                "postgresql://ci@db.example.com/ledger?sslmode=require", null);
        assertEquals("jdbc:postgresql://db.example.com:5432/ledger", libpq.jdbcUrl());
        assertEquals(Map.of("sslmode", "require"), libpq.parameters());
        assertEquals("ci", libpq.user(Map.of()));
        LedgerLocation.Postgres jdbc = (LedgerLocation.Postgres) LedgerLocation.parse(
                "jdbc:postgresql://db.example.com:6543/ledger?user=ci", null);
        assertEquals("postgresql://ci@db.example.com:6543/ledger", jdbc.describe());
    }

    @Test
    void thePasswordComesFromTheEnvironmentThenPgpass() throws Exception {
        LedgerLocation.Postgres ledger = (LedgerLocation.Postgres) LedgerLocation.parse(
                "postgresql://ci@db.example.com:5432/ledger", null);
        Path pgpass = Files.writeString(folder.resolve("pgpass"), "# a comment\nother.example.com:*:*:*:wrong\n"
                + "db.example.com:5432:ledger:ci:from\\:pgpass\n");
        assertEquals("from-env", ledger.password(Map.of("GONGCRM_LEDGER_PASSWORD", "from-env", "PGPASSWORD", "x"))
                .orElseThrow());
        assertEquals("libpq", ledger.password(Map.of("PGPASSWORD", "libpq")).orElseThrow());
        assertEquals("from:pgpass", ledger.password(Map.of("PGPASSFILE", pgpass.toString())).orElseThrow());
        assertTrue(ledger.password(Map.of("PGPASSFILE", folder.resolve("none").toString())).isEmpty());
    }
}
