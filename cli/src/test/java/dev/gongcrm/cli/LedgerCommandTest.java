package dev.gongcrm.cli;

import dev.gongcrm.client.push.TestBundles;
import dev.gongcrm.emulator.Emulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gongcrm ledger show} and {@code ledger copy}: what a ledger records, and moving it to another store. */
class LedgerCommandTest {

    @TempDir
    Path folder;

    private Emulator emulator;
    private Map<String, String> environment;

    @BeforeEach
    void start() {
        emulator = Emulator.builder().processingDelay(Duration.ofMillis(10)).build().start();
        environment = EmulatorEnvironment.of(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = GongCrm.run(args, new PrintWriter(out), new PrintWriter(err), environment);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path bundle(String name) throws Exception {
        return TestBundles.copy(TestBundles.VALID, folder.resolve(name));
    }

    @Test
    void showSaysWhatThePushRecordedAndCopyMovesItToAnotherRunnersLedger() throws Exception {
        assertEquals(0, run("integration", "register", "--name", "Home CRM", "--owner-email", "ops@example.com").exit());
        Path first = bundle("first");
        Run push = run("push", first.toString(), "--settle", "0s", "--poll-interval", "10ms");
        assertEquals(0, push.exit(), push.err());

        Run show = run("ledger", "show", first.toString());
        assertEquals(0, show.exit(), show.err());
        assertTrue(show.out().contains("Integration " + Emulator.DEFAULT_INTEGRATION_ID), show.out());
        assertTrue(show.out().contains("  last push: DONE, started "), show.out());
        assertTrue(show.out().contains("  DEAL " + first.resolve("deals.ldjson") + ": DONE as gongcrm-deal-"), show.out());
        assertTrue(show.out().contains("  3 LEAD objects in Gong"), show.out());
        JsonNode json = JsonMapper.builder().build().readTree(run("ledger", "show", first.toString(), "--json").out());
        assertEquals(Emulator.DEFAULT_INTEGRATION_ID, json.path("integrations").get(0).path("integrationId").asLong());
        assertEquals("DONE", json.path("integrations").get(0).path("lastRun").path("outcome").asString());

        Path shared = folder.resolve("shared.db");
        Run copy = run("ledger", "copy", "--from", first.resolve(".gongcrm/ledger.db").toString(), "--to",
                shared.toString());
        assertEquals(0, copy.exit(), copy.err());
        assertTrue(copy.out().contains(": 1 runs, 8 steps, "), copy.out());
        Run again = run("ledger", "copy", "--from", first.resolve(".gongcrm/ledger.db").toString(), "--to",
                shared.toString());
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("already records integration " + Emulator.DEFAULT_INTEGRATION_ID), again.err());

        // another runner: the same export in a fresh folder, with the copied ledger
        Path second = bundle("second");
        Run nothing = run("push", second.toString(), "--ledger", shared.toString(), "--settle", "0s");
        assertEquals(0, nothing.exit(), nothing.err());
        assertTrue(nothing.out().contains("Nothing to send"), nothing.out());
    }

    @Test
    void showCountsTheObjectsGongDidNotStore() throws Exception {
        assertEquals(0, run("integration", "register", "--name", "Home CRM", "--owner-email", "ops@example.com").exit());
        Path bundle = bundle("bundle");
        Path leads = bundle.resolve("leads.ldjson");
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(leads));
        lines.set(2, lines.get(2).replaceFirst("\"modifiedDate\": \"[^\"]+\"", "\"modifiedDate\": \"yesterday\""));
        Files.write(leads, lines);
        Run push = run("push", bundle.toString(), "--settle", "0s", "--poll-interval", "10ms", "--fail-on", "never");
        assertEquals(1, push.exit(), push.out() + push.err());

        Run show = run("ledger", "show", bundle.toString());
        assertTrue(show.out().contains("  2 LEAD objects in Gong"), show.out());
        assertTrue(show.out().contains("  1 LEAD object FAILED (the next push sends it again)"), show.out());
    }

    @Test
    void aLedgerThatIsNotThereIsOneLine() {
        Run show = run("ledger", "show", folder.toString());
        assertEquals(2, show.exit());
        assertTrue(show.err().startsWith("gongcrm: error: no ledger at " + folder.resolve(".gongcrm/ledger.db")),
                show.err());
    }
}
