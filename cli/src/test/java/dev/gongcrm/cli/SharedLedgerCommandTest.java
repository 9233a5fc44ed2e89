package dev.gongcrm.cli;

import dev.gongcrm.client.ledger.LedgerLocation;
import dev.gongcrm.client.push.PostgresLedgers;
import dev.gongcrm.client.push.PostgresServer;
import dev.gongcrm.client.push.TestBundles;
import dev.gongcrm.emulator.Emulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commands with a ledger in PostgreSQL, as runners without local state use it: each runner a folder of
 * its own, the password in the environment, never on the command line.
 */
class SharedLedgerCommandTest {

    @TempDir
    Path folder;

    private PostgresServer.Database database;
    private Emulator emulator;
    private Map<String, String> environment;

    @BeforeEach
    void start() {
        database = PostgresServer.database();
        emulator = Emulator.builder().processingDelay(Duration.ofMillis(10)).build().start();
        environment = EmulatorEnvironment.of(emulator);
        environment.putAll(PostgresLedgers.environment(database));
        assertEquals(0, run("integration", "register", "--name", "Home CRM", "--owner-email", "ops@example.com").exit());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** A run of the command line with the runner's environment: one line per failure, no password, no stack trace. */
    private Run run(Object... args) {
        return runIn(environment, args);
    }

    private Run runIn(Map<String, String> environment, Object... args) {
        Run run = Run.runIn(environment, args);
        assertFalse((run.out() + run.err()).contains(database.password()), "the ledger's password was printed");
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertTrue(run.err().lines().filter(line -> line.startsWith("gongcrm: error: ")).count() <= 1, run.err());
        return run;
    }

    private Path runner(String name) throws Exception {
        return TestBundles.copy(TestBundles.VALID, folder.resolve(name));
    }

    @Test
    void validateInAThirdFolderResolvesADealsAccountThatAPushFromAnotherFolderSent() throws Exception {
        String ledger = PostgresLedgers.url(database);
        Run push = run("push", runner("runner-1"), "--ledger", ledger, "--settle", "0s", "--poll-interval", "10ms");
        assertEquals(0, push.exit(), push.out() + push.err());

        Path deals = TestBundles.copy(TestBundles.VALID, folder.resolve("runner-3"), "deals.ldjson");
        Run validate = run("validate", deals, "--ledger", ledger);
        assertEquals(0, validate.exit(), validate.out() + validate.err());
        assertFalse(validate.out().contains("unresolved-reference"), validate.out());
        assertFalse(validate.out().contains("unknown-field"), "the deal schema of the first push counts: "
                + validate.out());

        // the ledger was asked, not ignored: an account no push sent is still unknown
        Path otherAccount = TestBundles.copy(TestBundles.VALID, folder.resolve("runner-4"), "deals.ldjson");
        Path otherDeals = otherAccount.resolve("deals.ldjson");
        Files.writeString(otherDeals, Files.readString(otherDeals).replace("\"accountId\": \"5ybyh6n6n65\"",
                "\"accountId\": \"never-pushed\""));
        Run unresolved = run("validate", otherAccount, "--ledger", ledger);
        assertEquals(GongCrm.FINDINGS, unresolved.exit(), unresolved.out());
        assertTrue(unresolved.out().contains("error[unresolved-reference] field 'accountId' names account "
                + "'never-pushed'"), unresolved.out());

        Map<String, String> wrongPassword = new HashMap<>(environment);
        wrongPassword.put(LedgerLocation.PASSWORD_VARIABLE, "not-" + database.password());
        Run refused = runIn(wrongPassword, "validate", deals, "--ledger", ledger);
        assertEquals(GongCrm.USAGE, refused.exit());
        assertTrue(refused.err().startsWith("gongcrm: error: ledger " + ledger + ": the database refused the user or "
                + "password"), refused.err());
    }

    @Test
    void copyMovesALocalLedgerIntoTheSharedOneWhichShowPrintsAndAnotherRunnerUses() throws Exception {
        Path first = runner("runner-1");
        Run push = run("push", first, "--settle", "0s", "--poll-interval", "10ms");
        assertEquals(0, push.exit(), push.out() + push.err());
        String ledger = PostgresLedgers.url(database);

        Run copy = run("ledger", "copy", "--from", first.resolve(".gongcrm/ledger.db"), "--to", ledger);
        assertEquals(0, copy.exit(), copy.err());
        assertTrue(copy.out().contains(" into " + ledger + ": 1 runs, 8 steps, "), copy.out());

        Run show = run("ledger", "show", "--ledger", ledger, "--json");
        assertEquals(0, show.exit(), show.err());
        JsonNode json = JsonMapper.builder().build().readTree(show.out());
        assertEquals(ledger, json.path("ledger").asString());
        JsonNode integration = json.path("integrations").get(0);
        assertEquals(Emulator.DEFAULT_INTEGRATION_ID, integration.path("integrationId").asLong());
        assertEquals("DONE", integration.path("lastRun").path("outcome").asString());
        assertEquals(8, integration.path("files").size(), integration.toString());
        assertEquals(3, integration.path("objects").path("LEAD").asLong(), integration.toString());

        // another runner, no local state: the copied record is what it goes by
        Run nothing = run("push", runner("runner-2"), "--ledger", ledger, "--settle", "0s");
        assertEquals(0, nothing.exit(), nothing.err());
        assertTrue(nothing.out().contains("Nothing to send"), nothing.out());
        assertEquals(8, emulator.arrivals().size(), emulator.arrivals()::toString);
    }
}
