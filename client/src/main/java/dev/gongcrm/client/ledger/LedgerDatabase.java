package dev.gongcrm.client.ledger;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/**
 * A connection to the database a ledger lives in, and what differs between the two kinds: how the
 * connection is made and bounded in time, how rows keep their order, how a push holds an integration,
 * and how a failure is told to a person.
 */
public final class LedgerDatabase implements AutoCloseable {

    /** Marks an SQLite file as a gongcrm ledger ('gcrm'); also the first key of PostgreSQL advisory locks. */
    public static final int APPLICATION_ID = 0x6763726D;
    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    /** Longer than any statement of a push takes; a server that stops answering is given up after it. */
    private static final int SOCKET_TIMEOUT_SECONDS = 120;
    private static final String STATEMENT_TIMEOUT = "60s";
    /**
     * SQLite's page cache for the connection a push writes with (its default is 2 MB): a push records each
     * object it sends twice, as being sent and then as Gong took it, and the second finds the pages here.
     */
    private static final int WRITER_CACHE_KIB = 32 * 1024;

    /** The kind of database. */
    public enum Dialect {
        SQLITE("rowid", Map.of("orderColumn", "", "id", "INTEGER", "count", "INTEGER")),
        POSTGRESQL("seq", Map.of("orderColumn", "\n  seq               BIGSERIAL NOT NULL,", "id", "BIGINT ",
                "count", "BIGINT "));

        private final String orderColumn;
        private final Map<String, String> placeholders;

        Dialect(String orderColumn, Map<String, String> placeholders) {
            this.orderColumn = orderColumn;
            this.placeholders = placeholders;
        }

        /** The column that orders a table's rows as they were inserted. */
        public String orderColumn() {
            return orderColumn;
        }

        /** What the migrations' placeholders stand for on this kind of database: the one thing they differ in. */
        Map<String, String> placeholders() {
            return placeholders;
        }
    }

    private final LedgerLocation location;
    private final Dialect dialect;
    private final Connection connection;
    private final String password;
    /** What the connection was made with (the password among them, never shown): a reader is made with them too. */
    private final String url;
    private final Properties properties;

    private LedgerDatabase(LedgerLocation location, Dialect dialect, Connection connection, String password, String url,
                           Properties properties) {
        this.location = location;
        this.dialect = dialect;
        this.connection = connection;
        this.password = password;
        this.url = url;
        this.properties = properties;
    }

    /**
     * Connects. {@code sqlite}: the settings of an SQLite file (read-only...); {@code environment}:
     * where a database's password comes from.
     */
    public static LedgerDatabase connect(LedgerLocation location, SQLiteConfig sqlite, Map<String, String> environment) {
        if (location instanceof LedgerLocation.SqliteFile file) {
            if (java.nio.file.Files.isDirectory(file.file())) {
                throw new LedgerException("ledger " + file.file() + " is a folder; name a file, e.g. "
                        + file.file().resolve("ledger.db"), null);
            }
            String path = file.file().toString().equals(":memory:") ? ":memory:" : file.file().toAbsolutePath().toString();
            return sqlite(location, "jdbc:sqlite:" + path, sqlite.toProperties(), WRITER_CACHE_KIB);
        }
        LedgerLocation.Postgres database = (LedgerLocation.Postgres) location;
        String password = database.password(environment).orElse(null);
        Properties properties = new Properties();
        properties.putAll(database.parameters());
        properties.setProperty("user", database.user(environment));
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        // a server that takes the connection and then says nothing (paused, overloaded) is given up as soon
        properties.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "gongcrm");
        return postgres(database, properties, password);
    }

    /**
     * @param cacheKib the most memory SQLite keeps pages in; 0 for its default
     */
    private static LedgerDatabase sqlite(LedgerLocation location, String url, Properties properties, int cacheKib) {
        try {
            Connection connection = DriverManager.getConnection(url, properties);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 10000");
                if (cacheKib > 0) {
                    statement.execute("PRAGMA cache_size = -" + cacheKib);
                }
            }
            return new LedgerDatabase(location, Dialect.SQLITE, connection, null, url, properties);
        } catch (SQLException e) {
            throw failure(location, Dialect.SQLITE, null, e);
        }
    }

    private static LedgerDatabase postgres(LedgerLocation.Postgres location, Properties properties, String password) {
        try {
            Connection connection = DriverManager.getConnection(location.jdbcUrl(), properties);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET statement_timeout = '" + STATEMENT_TIMEOUT + "'");
            }
            return new LedgerDatabase(location, Dialect.POSTGRESQL, connection, password, location.jdbcUrl(), properties);
        } catch (SQLException e) {
            throw failure(location, Dialect.POSTGRESQL, password, e);
        }
    }

    /** A second connection to the same database, that only reads, for work on another thread while this one goes on. */
    public LedgerDatabase reader() {
        if (dialect == Dialect.POSTGRESQL) {
            return postgres((LedgerLocation.Postgres) location, properties, password);
        }
        SQLiteConfig config = new SQLiteConfig(properties);
        config.setReadOnly(true);
        return sqlite(location, url, config.toProperties(), 0);
    }

    public Connection connection() {
        return connection;
    }

    public Dialect dialect() {
        return dialect;
    }

    public LedgerLocation location() {
        return location;
    }

    /** The password this connection was made with, for tools that open their own (migrations); or null. */
    public String password() {
        return password;
    }

    /** The failure as one line that says what happened and where, without the password. */
    public LedgerException failure(SQLException e) {
        return failure(location, dialect, password, e);
    }

    static LedgerException failure(LedgerLocation location, Dialect dialect, String password, SQLException e) {
        String where = "ledger " + location.describe();
        String said = said(e.getMessage(), password);
        if (dialect == Dialect.SQLITE) {
            int code = e instanceof SQLiteException sqlite ? sqlite.getResultCode().code & 0xFF : -1;
            if (code == SQLiteErrorCode.SQLITE_FULL.code) {
                Path folder = ((LedgerLocation.SqliteFile) location).file().toAbsolutePath().getParent();
                return new LedgerException("the disk holding " + where + " is full" + (folder == null ? ""
                        : " (" + folder + ")") + ": nothing of the change was recorded; free space there, or name "
                        + "another ledger with --ledger, and run push again to resume", e);
            }
            if (code == SQLiteErrorCode.SQLITE_NOTADB.code || code == SQLiteErrorCode.SQLITE_CORRUPT.code) {
                return new LedgerException(where + " is not a gongcrm ledger or is corrupt (" + said + "); move it "
                        + "away to start a new one, which forgets what earlier pushes sent", e);
            }
            return new LedgerException(where + ": " + said, e);
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        // refused at the door: running again changes nothing until the user fixes what is named
        if (state.equals("28P01") || state.equals("28000")) {
            return new LedgerException(where + ": the database refused the user or password (" + said + "); name the "
                    + "user in the URL and give its password in " + LedgerLocation.PASSWORD_VARIABLE
                    + ", PGPASSWORD or ~/.pgpass", e);
        }
        if (said.contains("no password was provided")) {
            return new LedgerException(where + ": the database asks for a password and none was given; set "
                    + LedgerLocation.PASSWORD_VARIABLE + " (or PGPASSWORD, or ~/.pgpass)", e);
        }
        if (state.equals("3D000")) {
            return new LedgerException(where + ": the database does not exist (" + said + "); create it first "
                    + "(CREATE DATABASE), gongcrm creates its tables", e);
        }
        String meaning = state.startsWith("08") ? "cannot reach the database, or it closed the connection (is the "
                        + "server up, and the host and port right?)"
                : state.equals("53100") ? "the database server's disk is full"
                : state.equals("57014") ? "a statement took longer than " + STATEMENT_TIMEOUT + " and was cancelled"
                // what pg_terminate_backend sends, and what every session gets from a server that shuts down
                : state.equals("57P01") ? "the database server ended the connection (it shut down or restarted, or "
                        + "an administrator ended the session)"
                : state.equals("57P02") || state.equals("57P03") ? "the database server is shutting down or restarting"
                : null;
        return new LedgerException(where + ": " + (meaning == null ? said : meaning + " (" + said + ")")
                + "; nothing of the change was recorded: run the command again to go on where it stopped", e);
    }

    /**
     * What the database said, fit for a one-line message: its first line (PostgreSQL adds Detail, Hint and
     * Where lines), without the password.
     */
    static String said(String text, String password) {
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        if (line.isEmpty()) {
            return "no detail";
        }
        return password == null || password.isEmpty() ? line : line.replace(password, "[redacted]");
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing is pending: every change was committed in its own transaction
        }
    }
}
