package dev.gongcrm.client.ledger;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a PostgreSQL ledger's failure tells a person, by the server's SQLSTATE: one line, where, what it
 * means and what to do, never the password. (SharedLedgerTest meets the same failures on a real server,
 * where which of two states a cut connection gives depends on timing.)
 */
class LedgerDatabaseTest {

    private static final LedgerLocation LEDGER = LedgerLocation.parse("postgresql://ci@db.example.com:5432/ledger", null);
    private static final String PASSWORD = "hunter2-secret";
    private static final String RESUME = "; nothing of the change was recorded: run the command again to go on where "
            + "it stopped";

    private static String failure(String sqlState, String said) {
        String message = LedgerDatabase.failure(LEDGER, LedgerDatabase.Dialect.POSTGRESQL, PASSWORD,
                new SQLException(said, sqlState)).getMessage();
        assertFalse(message.contains("\n"), "one line: " + message);
        assertFalse(message.contains(PASSWORD), message);
        assertTrue(message.startsWith("ledger postgresql://ci@db.example.com:5432/ledger: "), message);
        return message;
    }

    @Test
    void aRefusedPasswordSaysWhereItComesFromAndNotToRunAgainAsItIs() {
        String message = failure("28P01", "FATAL: password authentication failed for user \"ci\"");
        assertEquals("ledger postgresql://ci@db.example.com:5432/ledger: the database refused the user or password "
                + "(FATAL: password authentication failed for user \"ci\"); name the user in the URL and give its "
                + "password in GONGCRM_LEDGER_PASSWORD, PGPASSWORD or ~/.pgpass", message);
    }

    @Test
    void aMissingDatabaseSaysToCreateIt() {
        assertEquals("ledger postgresql://ci@db.example.com:5432/ledger: the database does not exist (FATAL: database "
                + "\"ledger\" does not exist); create it first (CREATE DATABASE), gongcrm creates its tables",
                failure("3D000", "FATAL: database \"ledger\" does not exist"));
    }

    @Test
    void aConnectionTheServerEndedOrLostSaysSoAndThatTheNextPushResumes() {
        assertEquals("ledger postgresql://ci@db.example.com:5432/ledger: the database server ended the connection (it "
                + "shut down or restarted, or an administrator ended the session) (FATAL: terminating connection due "
                + "to administrator command)" + RESUME,
                failure("57P01", "FATAL: terminating connection due to administrator command"));
        assertTrue(failure("08006", "An I/O error occurred while sending to the backend.").endsWith(
                "cannot reach the database, or it closed the connection (is the server up, and the host and port "
                + "right?) (An I/O error occurred while sending to the backend.)" + RESUME));
    }

    @Test
    void theServersDetailLinesAndThePasswordAreLeftOut() {
        String message = failure("53100", "ERROR: could not extend file for " + PASSWORD + ": No space left on device\n"
                + "  Hint: Check free disk space.");
        assertEquals("ledger postgresql://ci@db.example.com:5432/ledger: the database server's disk is full (ERROR: "
                + "could not extend file for [redacted]: No space left on device)" + RESUME, message);
    }
}
