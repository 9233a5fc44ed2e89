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

/**
 * {@code push --timeout} bounds every call of the push, the integration's lookup before the first step
 * included, against a server that sends headers and then nothing (a minute per attempt and five
 * retries without it). The bound asserted is loose, far below what the per-call timeouts would allow.
 */
class PushDeadlineTest {

    @TempDir
    Path folder;

    @Test
    void theIntegrationsLookupEndsAtTheDeadlineToo() throws Exception {
        Path bundle = Files.createDirectories(folder.resolve("bundle"));
        Files.copy(Path.of("..", "examples", "valid-bundle", "stages.ldjson"), bundle.resolve("stages.ldjson"));
        try (MisbehavingServer server = new MisbehavingServer(line -> new MisbehavingServer.HeadersThenNothing())) {
            Map<String, String> environment = Map.of("GONG_BASE_URL", server.baseUrl(), "GONG_ACCESS_KEY", "key",
                    "GONG_ACCESS_KEY_SECRET", "secret", "GONGCRM_CALLS_PER_SECOND", "0");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> GongCrm.run(new String[] {"push",
                    bundle.toString(), "--integration", "42", "--timeout", "2s", "--ledger",
                    folder.resolve("ledger.db").toString()}, new PrintWriter(out), new PrintWriter(err), environment));
            assertEquals(2, exit, err.toString());
            assertTrue(err.toString().contains("did not finish within its deadline of 2 s: the server stopped "
                    + "answering"), err.toString());
        }
    }

    /** Every API command is bounded in total by its --timeout too, not only per attempt. */
    @Test
    void anApiCommandEndsAtItsDeadline() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(line -> new MisbehavingServer.Drip())) {
            Map<String, String> environment = Map.of("GONG_BASE_URL", server.baseUrl(), "GONG_ACCESS_KEY", "key",
                    "GONG_ACCESS_KEY_SECRET", "secret", "GONGCRM_CALLS_PER_SECOND", "0");
            StringWriter err = new StringWriter();
            int exit = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> GongCrm.run(new String[] {"integration",
                    "list", "--timeout", "2s"}, new PrintWriter(new StringWriter()), new PrintWriter(err), environment));
            assertEquals(2, exit, err.toString());
            assertTrue(err.toString().contains("did not finish within its deadline of 2 s"), err.toString());
        }
    }

    @Test
    void theEmulatorsExportLineQuotesWhatAShellWouldTakeApart() {
        assertEquals("gongcrm", ShellWords.quoted("gongcrm"));
        assertEquals("'Zq8W??>>secret'", ShellWords.quoted("Zq8W??>>secret"));
        assertEquals("'it'\\''s'", ShellWords.quoted("it's"));
    }
}
