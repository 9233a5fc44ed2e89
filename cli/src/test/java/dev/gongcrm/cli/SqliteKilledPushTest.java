package dev.gongcrm.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** {@link KilledPushTest} with the ledger in an SQLite file, which the test reads while the push writes it. */
class SqliteKilledPushTest extends KilledPushTest {

    private Path file() {
        return folder.resolve("ledger.db");
    }

    @Override
    String ledger() {
        return file().toString();
    }

    @Override
    Map<String, String> ledgerEnvironment() {
        return Map.of();
    }

    @Override
    Connection connect() throws SQLException {
        // opening a missing file would create it, before the push does
        return Files.exists(file()) ? DriverManager.getConnection("jdbc:sqlite:" + file()) : null;
    }

    @Override
    String insertionOrder() {
        return "rowid";
    }
}
