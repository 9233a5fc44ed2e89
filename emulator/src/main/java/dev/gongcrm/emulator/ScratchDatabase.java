package dev.gongcrm.emulator;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** An SQLite file of the emulator's work folder: what the emulated Gong keeps off the heap. */
final class ScratchDatabase {

    private ScratchDatabase() {
    }

    /** Opens (creating) the file and runs {@code ddl}; {@code what} names the store in the error. */
    static Connection open(Path file, String what, String... ddl) {
        try {
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement statement = db.createStatement()) {
                // a scratch store: it goes with the emulator, so durability buys nothing
                statement.execute("PRAGMA journal_mode = OFF");
                statement.execute("PRAGMA synchronous = OFF");
                // SQLite's page cache is native memory: small, as the point is to keep memory bounded
                statement.execute("PRAGMA cache_size = -8000");
                for (String sql : ddl) {
                    statement.execute(sql);
                }
            } catch (SQLException e) {
                db.close();
                throw e;
            }
            return db;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the emulator's " + what + " " + file + ": " + e.getMessage(), e);
        }
    }
}
