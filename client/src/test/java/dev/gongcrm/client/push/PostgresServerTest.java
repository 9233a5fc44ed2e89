package dev.gongcrm.client.push;

import dev.gongcrm.client.push.PostgresServer.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.postgresql.PGConnection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PostgreSQL the ledger tests run against behaves as the shared ledger will rely on. */
class PostgresServerTest {

    private static final long PUSH_LOCK = 19;

    @Test
    void eachTestHasItsOwnEmptyDatabase() throws SQLException {
        Database first = PostgresServer.database();
        Database second = PostgresServer.database();
        assertNotEquals(first.name(), second.name());
        try (Connection one = first.connect(); Connection other = second.connect()) {
            one.createStatement().execute("CREATE TABLE runs (id integer)");
            one.createStatement().execute("INSERT INTO runs VALUES (1)");
            assertEquals(0, count(other, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
            assertEquals(1, count(one, "SELECT count(*) FROM runs"));
            // the ledger gets an ordinary role, as a team gives its pipelines, not a superuser
            assertEquals(0, count(one, "SELECT count(*) FROM pg_roles WHERE rolname = current_user AND rolsuper"));
        }
        assertEquals("jdbc:postgresql://127.0.0.1:" + first.port() + "/" + first.name(), first.jdbcUrl());
        assertEquals("postgresql://127.0.0.1:" + first.port() + "/" + first.name(), first.url());
        assertFalse(first.toString().contains(first.password()), first.toString());
    }

    @Test
    void onlyTheRightPasswordLogsIn() throws SQLException {
        Database database = PostgresServer.database();
        try (Connection right = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            assertEquals(1, count(right, "SELECT 1"));
        }
        SQLException wrong = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password() + "x"));
        assertEquals("28P01", wrong.getSQLState(), wrong.getMessage());
        assertTrue(wrong.getMessage().contains("password authentication failed for user \"" + database.user() + "\""),
                wrong.getMessage());
    }

    @Test
    void anAdvisoryLockIsHeldUntilItsConnectionCloses() throws SQLException {
        Database database = PostgresServer.database();
        try (Connection second = database.connect()) {
            try (Connection first = database.connect()) {
                assertTrue(tryLock(first));
                assertFalse(tryLock(second));
                SQLException waitedOut = assertThrows(SQLException.class, () -> lock(second, "100ms"));
                assertEquals("55P03", waitedOut.getSQLState(), waitedOut.getMessage());
            }
            // the server releases the lock when it sees the close: wait for it, bounded, instead of racing it
            lock(second, "30s");
            try (Connection third = database.connect()) {
                assertFalse(tryLock(third));
            }
        }
    }

    @Test
    void aTerminatedConnectionLosesItsLock() throws SQLException {
        Database database = PostgresServer.database();
        try (Connection killed = database.connect(); Connection next = database.connect()) {
            assertTrue(tryLock(killed));
            assertTrue(PostgresServer.shared().terminate(killed.unwrap(PGConnection.class).getBackendPID()));
            assertTrue(tryLock(next));
            assertThrows(SQLException.class, () -> count(killed, "SELECT 1"));
        }
        try (Connection first = database.connect(); Connection second = database.connect()) {
            assertEquals(2, PostgresServer.shared().terminateConnections(database));
            assertThrows(SQLException.class, () -> count(first, "SELECT 1"));
            assertThrows(SQLException.class, () -> count(second, "SELECT 1"));
        }
    }

    @Test
    void aRestartCutsConnectionsAndKeepsCommittedData() throws SQLException {
        Database database = PostgresServer.database();
        PostgresServer server = PostgresServer.shared();
        try (Connection before = database.connect()) {
            before.createStatement().execute("CREATE TABLE steps (file text)");
            before.createStatement().execute("INSERT INTO steps VALUES ('accounts.ldjson')");
            server.stop();
            assertThrows(SQLException.class, () -> count(before, "SELECT 1"));
            SQLException down = assertThrows(SQLException.class, database::connect);
            assertEquals("08001", down.getSQLState(), down.getMessage());
            server.start();
        }
        try (Connection after = database.connect()) {
            assertEquals(1, count(after, "SELECT count(*) FROM steps WHERE file = 'accounts.ldjson'"));
        }
    }

    @Test
    void withoutPostgresTheTestsAreSkippedAndInCiTheyFail(@TempDir Path empty) {
        PostgresServer.Unavailable notThere = assertThrows(PostgresServer.Unavailable.class,
                () -> PostgresServer.binaries(Map.of(PostgresServer.BIN, empty.toString())));
        assertEquals(PostgresServer.BIN + " is " + empty + ", which does not hold initdb, postgres and pg_ctl",
                notThere.getMessage());

        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> PostgresServer.skipOrFail(notThere.getMessage(), Map.of()));
        assertTrue(skipped.getMessage().startsWith("PostgreSQL tests skipped: " + notThere.getMessage()),
                skipped.getMessage());
        assertTrue(skipped.getMessage().contains("apt-get install postgresql"), skipped.getMessage());

        AssertionFailedError failed = assertThrows(AssertionFailedError.class,
                () -> PostgresServer.skipOrFail(notThere.getMessage(), Map.of(PostgresServer.REQUIRE, "1")));
        assertTrue(failed.getMessage().contains(PostgresServer.REQUIRE + " is set: " + notThere.getMessage()),
                failed.getMessage());
        assertTrue(failed.getMessage().contains("apt-get install postgresql"), failed.getMessage());
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (ResultSet locked = connection.createStatement().executeQuery(
                "SELECT pg_try_advisory_lock(" + PUSH_LOCK + ")")) {
            locked.next();
            return locked.getBoolean(1);
        }
    }

    private static void lock(Connection connection, String timeout) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = '" + timeout + "'");
            statement.execute("SELECT pg_advisory_lock(" + PUSH_LOCK + ")");
        }
    }

    private static long count(Connection connection, String query) throws SQLException {
        try (ResultSet result = connection.createStatement().executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
