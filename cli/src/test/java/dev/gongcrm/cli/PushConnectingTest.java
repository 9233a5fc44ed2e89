package dev.gongcrm.cli;

import dev.gongcrm.client.MisbehavingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A push opens its ledger before it makes its API client: what fails there fails before any call to Gong. */
class PushConnectingTest {

    @TempDir
    Path folder;

    private Path bundle() throws Exception {
        Path bundle = Files.createDirectories(folder.resolve("bundle"));
        Files.copy(Path.of("..", "examples", "valid-bundle", "stages.ldjson"), bundle.resolve("stages.ldjson"));
        return bundle;
    }

    private static Set<Thread> watchdogs() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().equals("gongcrm-watchdog"))
                .collect(Collectors.toSet());
    }

    /**
     * A ledger that cannot be opened is said at once: Gong is not asked for anything (from a server that
     * stops answering, the integrations lookup would be a minute per attempt, retried, under the default
     * --timeout of 30m), and no client is left open.
     */
    @Test
    void aLedgerThatCannotBeOpenedIsSaidBeforeGongIsCalled() throws Exception {
        Path bundle = bundle();
        Path notALedger = Files.createDirectories(folder.resolve("a-folder"));
        Set<Thread> before = watchdogs();
        try (MisbehavingServer server = new MisbehavingServer(line -> new MisbehavingServer.HeadersThenNothing())) {
            Map<String, String> environment = Map.of("GONG_BASE_URL", server.baseUrl(), "GONG_ACCESS_KEY", "key",
                    "GONG_ACCESS_KEY_SECRET", "secret", "GONGCRM_CALLS_PER_SECOND", "0");
            StringWriter err = new StringWriter();
            int exit = GongCrm.run(new String[] {"push", bundle.toString(), "--integration", "42", "--ledger",
                    notALedger.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err), environment);
            assertEquals(2, exit, err.toString());
            assertTrue(err.toString().contains("is a folder"), err.toString());
            assertEquals(List.of(), server.requests(), "Gong was called although the push could not go on");
        }
        Set<Thread> made = watchdogs();
        made.removeAll(before);
        assertEquals(Set.of(), made, "a client was made and never closed");
    }

    /** GONG_INTEGRATION_ID that is not a number is refused before a client is made: none is left open. */
    @Test
    void aNamedIntegrationThatIsNotANumberIsRefusedBeforeAClientIsMade() throws Exception {
        Path bundle = bundle();
        Set<Thread> before = watchdogs();
        Map<String, String> environment = Map.of("GONG_BASE_URL", "http://127.0.0.1:9", "GONG_ACCESS_KEY", "key",
                "GONG_ACCESS_KEY_SECRET", "secret", "GONGCRM_CALLS_PER_SECOND", "0", "GONG_INTEGRATION_ID", "forty-two");
        StringWriter err = new StringWriter();
        int exit = GongCrm.run(new String[] {"push", bundle.toString(), "--ledger",
                folder.resolve("ledger.db").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err),
                environment);
        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("GONG_INTEGRATION_ID must be a number"), err.toString());
        Set<Thread> made = watchdogs();
        made.removeAll(before);
        assertEquals(Set.of(), made, "a client was made and never closed");
        assertTrue(Files.notExists(folder.resolve("ledger.db")), "the ledger was written by a push that cannot run");
    }
}
