package dev.gongcrm.client.ledger;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The ledger's layout, versioned: the migrations under {@code dev/gongcrm/client/ledger/migration/},
 * the same for both kinds of database but for a few placeholders, applied by Flyway, all pending ones in one transaction. A ledger
 * written by a newer gongcrm (a version this one does not know) is refused before anything is written.
 * An SQLite ledger of gongcrm 0.1, which knew only {@code PRAGMA user_version}, is taken as version 1;
 * its {@code user_version} follows the layout's version, so that 0.1 refuses a newer ledger too.
 */
public final class LedgerMigrations {

    /** The layout this code writes: the highest migration it has. */
    public static final int VERSION = 5;
    private static final String HISTORY_TABLE = "ledger_migrations";
    private static final String MIGRATIONS = "classpath:dev/gongcrm/client/ledger/migration";

    private LedgerMigrations() {
    }

    /**
     * Brings the ledger to {@link #VERSION}, or refuses one from a newer gongcrm; {@code write}: false
     * only reads, and an older ledger stays at its version.
     *
     * @return the version of the ledger's tables now
     */
    public static int prepare(LedgerDatabase database, boolean write) {
        if (database.dialect() == LedgerDatabase.Dialect.SQLITE) {
            checkSqliteFile(database);
        }
        if (isCurrent(database)) {
            return VERSION;
        }
        // runners that start at once on a new shared ledger would each see tables without history, mid-way
        // through another's migration, and take them for a gongcrm 0.1 ledger: one gongcrm at a time
        boolean shared = write && database.dialect() == LedgerDatabase.Dialect.POSTGRESQL;
        if (shared) {
            lockMigrations(database, true);
        }
        int version;
        try {
            if (shared) {
                refuseOtherTables(database);
            }
            version = migrate(database, write);
        } finally {
            if (shared) {
                lockMigrations(database, false);
            }
        }
        if (write && database.dialect() == LedgerDatabase.Dialect.SQLITE) {
            markSqliteFile(database);
        }
        return version;
    }

    /**
     * Whether the ledger's history says it is at this version, every migration done (and, for SQLite, its
     * user_version follows): then there is nothing for Flyway to do, and a push does not wait the
     * half-second Flyway takes to start. Anything else (no history yet, a failed or newer migration)
     * goes through Flyway, which says what it is.
     */
    private static boolean isCurrent(LedgerDatabase database) {
        int highest = 0;
        try (Statement statement = database.connection().createStatement()) {
            if (database.dialect() == LedgerDatabase.Dialect.SQLITE && intPragma(statement, "user_version") != VERSION) {
                return false;
            }
            try (ResultSet rows = statement.executeQuery("SELECT version, success FROM " + HISTORY_TABLE)) {
                while (rows.next()) {
                    String version = rows.getString(1);
                    if (!rows.getBoolean(2)) {
                        return false;
                    }
                    if (version != null) {
                        highest = Math.max(highest, Integer.parseInt(version));
                    }
                }
            }
        } catch (SQLException | NumberFormatException noHistoryOrOdd) {
            if (database.dialect() == LedgerDatabase.Dialect.POSTGRESQL) {
                rollBackFailedRead(database);
            }
            return false;
        }
        return highest == VERSION;
    }

    /** A failed statement aborts PostgreSQL's open transaction, if any; Flyway must find the connection usable. */
    private static void rollBackFailedRead(LedgerDatabase database) {
        try {
            if (!database.connection().getAutoCommit()) {
                database.connection().rollback();
            }
        } catch (SQLException ignored) {
            // Flyway opens its own connection; this one only read
        }
    }

    /** @return the version of the ledger's tables now */
    private static int migrate(LedgerDatabase database, boolean write) {
        Flyway flyway = flyway(database);
        try {
            MigrationInfoService info = flyway.info();
            MigrationInfo[] future = Arrays.stream(info.all())
                    .filter(migration -> migration.getState().name().startsWith("FUTURE")).toArray(MigrationInfo[]::new);
            if (future.length > 0) {
                throw newer(database.location(), future[future.length - 1].getVersion().toString());
            }
            if (!write) {
                return version(info, database);
            }
            if (info.pending().length > 0) {
                flyway.migrate();
            }
            return VERSION;
        } catch (FlywayException e) {
            throw new LedgerException("ledger " + database.location().describe() + ": cannot bring its tables to version "
                    + VERSION + " (" + LedgerDatabase.said(e.getMessage(), database.password()) + "); nothing was changed", e);
        }
    }

    /**
     * Takes ({@code lock}) or gives back the PostgreSQL ledger's migration lock: one 64-bit key, a key space
     * apart from the two-key holds of the pushes. Waiting is bounded by the connection's statement timeout.
     */
    private static void lockMigrations(LedgerDatabase database, boolean lock) {
        try (PreparedStatement statement = database.connection().prepareStatement(
                lock ? "SELECT pg_advisory_lock(?)" : "SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, LedgerDatabase.APPLICATION_ID);
            statement.executeQuery().close();
        } catch (SQLException e) {
            if (lock) {
                throw database.failure(e);
            }
            // the connection is gone, and the lock with it
        }
    }

    /**
     * A database that holds tables, views or sequences but no ledger is someone else's: Flyway would take it
     * for a gongcrm 0.1 ledger, or refuse it in its own words. Said before anything is written.
     */
    private static void refuseOtherTables(LedgerDatabase database) {
        List<String> others = new ArrayList<>();
        try (Statement statement = database.connection().createStatement();
             ResultSet rows = statement.executeQuery("SELECT c.relname FROM pg_class c JOIN pg_namespace n "
                     + "ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN "
                     + "('r', 'p', 'v', 'm', 'f', 'S') AND NOT EXISTS (SELECT 1 FROM pg_class h WHERE "
                     + "h.relnamespace = n.oid AND h.relname = '" + HISTORY_TABLE + "') ORDER BY c.relname")) {
            while (rows.next()) {
                others.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw database.failure(e);
        }
        if (!others.isEmpty()) {
            throw new LedgerException("ledger " + database.location().describe() + ": the database holds other tables ("
                    + String.join(", ", others.subList(0, Math.min(3, others.size())))
                    + (others.size() > 3 ? " and " + (others.size() - 3) + " more" : "") + ") and no gongcrm ledger; "
                    + "give the ledger a database of its own (CREATE DATABASE gongcrm); nothing was changed", null);
        }
    }

    /** The version of a ledger that is only read: its last migration, or 1 for a gongcrm 0.1 ledger (no history). */
    private static int version(MigrationInfoService info, LedgerDatabase database) {
        MigrationInfo current = info.current();
        if (current != null && current.getVersion() != null) {
            return Integer.parseInt(current.getVersion().toString());
        }
        return database.dialect() == LedgerDatabase.Dialect.SQLITE ? 1 : 0;
    }

    private static Flyway flyway(LedgerDatabase database) {
        // Flyway talks on the terminal or through whatever logger it finds; a push says what matters itself
        LogFactory.setLogCreator(type -> SilentLog.INSTANCE);
        String url;
        String user = null;
        if (database.location() instanceof LedgerLocation.Postgres postgres) {
            url = postgres.jdbcUrl() + query(postgres.parameters());
            user = userOf(database);
        } else {
            url = "jdbc:sqlite:" + ((LedgerLocation.SqliteFile) database.location()).file().toAbsolutePath();
        }
        return Flyway.configure(LedgerMigrations.class.getClassLoader())
                .dataSource(url, user, database.password())
                .locations(MIGRATIONS)
                .placeholders(database.dialect().placeholders())
                .table(HISTORY_TABLE)
                // a gongcrm 0.1 ledger has its tables and no history: it is version 1 (0.1 wrote only SQLite)
                .baselineOnMigrate(database.dialect() == LedgerDatabase.Dialect.SQLITE)
                .baselineVersion(MigrationVersion.fromVersion("1"))
                .baselineDescription("gongcrm 0.1 ledger")
                .group(true)
                .cleanDisabled(true)
                .load();
    }

    private static String userOf(LedgerDatabase database) {
        try {
            return database.connection().getMetaData().getUserName();
        } catch (SQLException e) {
            throw database.failure(e);
        }
    }

    private static String query(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        return "?" + parameters.entrySet().stream().map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** An SQLite file that holds something else, or a gongcrm 0.1 ledger newer than it could know, is refused. */
    private static void checkSqliteFile(LedgerDatabase database) {
        try (Statement statement = database.connection().createStatement()) {
            int applicationId = intPragma(statement, "application_id");
            int userVersion = intPragma(statement, "user_version");
            boolean empty;
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
                empty = !rows.next() || rows.getInt(1) == 0;
            }
            if (!empty && applicationId != LedgerDatabase.APPLICATION_ID) {
                throw new LedgerException("ledger " + database.location().describe() + " is an SQLite file, but not a "
                        + "gongcrm ledger; name another file with --ledger", null);
            }
            if (userVersion > VERSION) {
                throw newer(database.location(), Integer.toString(userVersion));
            }
        } catch (SQLException e) {
            throw database.failure(e);
        }
    }

    private static void markSqliteFile(LedgerDatabase database) {
        try (Statement statement = database.connection().createStatement()) {
            if (intPragma(statement, "user_version") != VERSION) {
                statement.execute("PRAGMA application_id = " + LedgerDatabase.APPLICATION_ID);
                statement.execute("PRAGMA user_version = " + VERSION);
            }
        } catch (SQLException e) {
            throw database.failure(e);
        }
    }

    private static int intPragma(Statement statement, String pragma) throws SQLException {
        try (ResultSet rows = statement.executeQuery("PRAGMA " + pragma)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static LedgerException newer(LedgerLocation location, String version) {
        return new LedgerException("ledger " + location.describe() + " was written by a newer gongcrm (ledger version "
                + version + "; this one reads up to " + VERSION + "); upgrade gongcrm. Nothing was written", null);
    }

    private enum SilentLog implements Log {
        INSTANCE;

        @Override
        public void debug(String message) {
        }

        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void error(String message) {
        }

        @Override
        public void error(String message, Exception e) {
        }

        @Override
        public void notice(String message) {
        }
    }
}
