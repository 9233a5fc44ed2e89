package dev.gongcrm.cli;

import dev.gongcrm.client.MisbehavingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A push makes its API client and asks Gong for the integration on another thread while its ledger opens ({@link ApiOptions.Connecting}). */
class PushConnectingTest {

    @TempDir
    Path folder;

    private Path bundle() throws Exception {
        Path bundle = Files.createDirectories(folder.resolve("bundle"));
        Files.copy(Path.of("..", "examples", "valid-bundle", "stages.ldjson"), bundle.resolve("stages.ldjson"));
        return bundle;
    }

    /**
     * A ledger that cannot be opened is said at once: the push does not wait for Gong's answer to the
     * integrations lookup it no longer needs (from a server that stops answering, that would be a minute per
     * attempt, retried, under the default --timeout of 30m).
     */
    @Test
    void aLedgerThatCannotBeOpenedIsSaidWithoutWaitingForGong() throws Exception {
        Path bundle = bundle();
        Path notALedger = Files.createDirectories(folder.resolve("a-folder"));
        try (MisbehavingServer server = new MisbehavingServer(line -> new MisbehavingServer.HeadersThenNothing())) {
            Map<String, String> environment = Map.of("GONG_BASE_URL", server.baseUrl(), "GONG_ACCESS_KEY", "key",
                    "GONG_ACCESS_KEY_SECRET", "secret", "GONGCRM_CALLS_PER_SECOND", "0");
            StringWriter err = new StringWriter();
            int exit = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> GongCrm.run(new String[] {"push",
                    bundle.toString(), "--integration", "42", "--ledger", notALedger.toString()},
                    new PrintWriter(new StringWriter()), new PrintWriter(err), environment),
                    "the ledger's failure waits for Gong's answer to the integrations lookup");
            assertEquals(2, exit, err.toString());
            assertTrue(err.toString().contains("is a folder"), err.toString());
        }
    }

    private static java.util.Set<Thread> watchdogs() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().equals("gongcrm-watchdog"))
                .collect(java.util.stream.Collectors.toSet());
    }

    /**
     * GONG_INTEGRATION_ID that is not a number is refused before a client is made: none is left open (its
     * watchdog thread, its connection pool). The wait gives a client made on another thread the time to show.
     */
    @Test
    void theClientIsClosedWhenTheNamedIntegrationIsNotANumber() throws Exception {
        Path bundle = bundle();
        java.util.Set<Thread> before = watchdogs();
        Map<String, String> environment = Map.of("GONG_BASE_URL", "http://127.0.0.1:9", "GONG_ACCESS_KEY", "key",
                "GONG_ACCESS_KEY_SECRET", "secret", "GONGCRM_CALLS_PER_SECOND", "0", "GONG_INTEGRATION_ID", "forty-two");
        StringWriter err = new StringWriter();
        int exit = GongCrm.run(new String[] {"push", bundle.toString(), "--ledger",
                folder.resolve("ledger.db").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err),
                environment);
        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("GONG_INTEGRATION_ID must be a number"), err.toString());
        Thread.sleep(3_000); // a client made on another thread has been made by now
        java.util.Set<Thread> made = watchdogs();
        made.removeAll(before);
        assertEquals(java.util.Set.of(), made, "a client was made and never closed");
    }
}
