package dev.gongcrm.cli;

import dev.gongcrm.client.Credentials;
import dev.gongcrm.client.GongCrmClient;
import dev.gongcrm.client.model.RequestStatus;
import dev.gongcrm.client.push.TestBundles;
import dev.gongcrm.emulator.Emulator;
import dev.gongcrm.validator.ObjectType;
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
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gongcrm verify} and {@code push --verify} against the emulator on loopback, which keeps each
 * object as uploaded: Gong is made to differ from the bundle by an upload the ledger does not see.
 */
class VerifyCommandTest {

    private static final Path VALID = TestBundles.VALID;
    private static final String SECRET = "s3cr3t-never-shown";

    @TempDir
    Path folder;

    private Emulator emulator;
    private Map<String, String> environment;
    private Path bundle;

    @BeforeEach
    void start() throws Exception {
        emulator = Emulator.builder().processingDelay(Duration.ofMillis(20)).credentials("key", SECRET).build().start();
        environment = Map.of("GONG_BASE_URL", emulator.baseUrl(), "GONG_ACCESS_KEY", "key",
                "GONG_ACCESS_KEY_SECRET", SECRET, "GONGCRM_CALLS_PER_SECOND", "0");
        Run registered = run("integration", "register", "--name", "Home CRM", "--owner-email", "ops@example.com");
        assertEquals(0, registered.exit(), registered.err());
        bundle = TestBundles.copy(VALID, folder.resolve("bundle"));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private Run runIn(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = GongCrm.run(args, new PrintWriter(out), new PrintWriter(err), env);
        assertFalse(out.toString().contains(SECRET) || err.toString().contains(SECRET), "a credential was printed");
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
        return new Run(exit, out.toString(), err.toString());
    }

    private Run run(String... args) {
        return runIn(environment, args);
    }

    private void push() {
        Run push = run("push", bundle.toString(), "--settle", "0s", "--poll-interval", "10ms");
        assertEquals(0, push.exit(), push.out() + push.err());
    }

    /** The deal of the bundle with another amount, uploaded with the client: the ledger does not learn of it. */
    private void changeTheDealBehindTheLedgersBack() throws Exception {
        String deal = Files.readAllLines(bundle.resolve("deals.ldjson")).get(0).replace("\"amount\": 7000",
                "\"amount\": 9000");
        Path file = Files.writeString(folder.resolve("changed-deal.ldjson"), deal + "\n");
        try (GongCrmClient gong = GongCrmClient.builder().baseUrl(emulator.baseUrl())
                .credentials(Credentials.basic("key", SECRET)).callsPerSecond(0).build()) {
            gong.uploadObjects(file, "behind-the-ledgers-back", Emulator.DEFAULT_INTEGRATION_ID, ObjectType.DEAL);
            assertEquals(RequestStatus.DONE, gong.awaitRequest("behind-the-ledgers-back",
                    Emulator.DEFAULT_INTEGRATION_ID, Duration.ofSeconds(30)).status());
        }
    }

    @Test
    void afterAPushEverySampledObjectIsInGongAsSent() {
        push();

        Run verify = run("verify", bundle.toString());

        assertEquals(0, verify.exit(), verify.out() + verify.err());
        assertTrue(verify.out().contains("No problems found (4 files, 5 objects checked)."), verify.out());
        assertTrue(verify.out().contains("Verified 1 of 1 stored DEAL object against Gong (1 call): 0 differences."),
                verify.out());
        assertTrue(verify.out().contains("Verified 2 of 2 stored LEAD objects against Gong (1 call): 0 differences."),
                verify.out());
        assertTrue(verify.out().contains("BUSINESS_USER and STAGE are not verified"), verify.out());
        assertTrue(verify.out().contains("4 calls to Gong's read endpoint in all"), verify.out());
    }

    @Test
    void aDealChangedBehindTheLedgersBackExitsOneNamingTheObjectAndField() throws Exception {
        push();
        changeTheDealBehindTheLedgersBack();

        Run verify = run("verify", bundle.toString());

        assertEquals(1, verify.exit(), verify.out() + verify.err());
        String line = Files.readAllLines(bundle.resolve("deals.ldjson")).get(0);
        assertTrue(verify.out().contains("deals.ldjson:1:" + (line.indexOf("\"amount\"") + 1) + ": error[verify-mismatch] "
                + "DEAL 8608553 differs in Gong: field 'amount' was sent as 7000, Gong has 9000"), verify.out());
        assertTrue(verify.out().contains("Verified 1 of 1 stored DEAL object against Gong (1 call): 1 difference."),
                verify.out());
    }

    /** A machine-read report keeps standard output to itself: the counts go to standard error. */
    @Test
    void theJsonReportHasTheFinding() throws Exception {
        push();
        changeTheDealBehindTheLedgersBack();

        Run verify = run("verify", bundle.toString(), "--format", "json", "--sample", "1");

        assertEquals(1, verify.exit(), verify.out() + verify.err());
        JsonNode report = JsonMapper.builder().build().readTree(verify.out());
        assertEquals(1, report.path("findings").size(), verify.out());
        JsonNode finding = report.path("findings").get(0);
        assertEquals("verify-mismatch", finding.path("rule").asString());
        assertEquals("error", finding.path("severity").asString());
        assertTrue(finding.path("file").asString().endsWith("deals.ldjson"), finding.toString());
        assertEquals(1, finding.path("line").asInt());
        assertEquals("8608553", finding.path("objectId").asString());
        assertTrue(verify.err().contains("Verified 1 of 1 stored DEAL object"), verify.err());
    }

    @Test
    void pushVerifyReadsBackAfterThePush() throws Exception {
        Run push = run("push", bundle.toString(), "--settle", "0s", "--poll-interval", "10ms", "--verify", "--sample",
                "10");
        assertEquals(0, push.exit(), push.out() + push.err());
        assertTrue(push.out().contains("all DONE."), push.out());
        assertTrue(push.out().contains("Verified 1 of 1 stored DEAL object against Gong (1 call): 0 differences."),
                push.out());

        changeTheDealBehindTheLedgersBack();
        Run again = run("push", bundle.toString(), "--poll-interval", "10ms", "--verify");
        assertEquals(1, again.exit(), "nothing to send, but Gong differs: " + again.out() + again.err());
        assertTrue(again.out().contains("Nothing to send"), again.out());
        assertTrue(again.out().contains("error[verify-mismatch] DEAL 8608553 differs in Gong: field 'amount'"),
                again.out());
    }

    @Test
    void usageLedgerAndCredentialProblemsExitTwoInOneLine() {
        Run pushBadSample = run("push", bundle.toString(), "--verify", "--sample", "0", "--settle", "0s");
        assertEquals(2, pushBadSample.exit());
        assertTrue(emulator.arrivals().isEmpty(), "a usage error sends nothing: " + emulator.arrivals());

        Run noLedger = run("verify", bundle.toString());
        assertEquals(2, noLedger.exit(), noLedger.out());
        assertTrue(noLedger.err().startsWith("gongcrm: error: no ledger at "), noLedger.err());
        assertEquals(1, noLedger.err().lines().count(), noLedger.err());

        push();
        Run tooMany = run("verify", bundle.toString(), "--sample", "101");
        assertEquals(2, tooMany.exit());
        assertTrue(tooMany.err().contains("--sample: the sample is 1 to 100 objects per type"), tooMany.err());

        Map<String, String> noCredentials = new HashMap<>(environment);
        noCredentials.remove("GONG_ACCESS_KEY");
        noCredentials.remove("GONG_ACCESS_KEY_SECRET");
        Run anonymous = runIn(noCredentials, "verify", bundle.toString());
        assertEquals(2, anonymous.exit());
        assertTrue(anonymous.err().contains("no credentials"), anonymous.err());
    }

    @Test
    void theHelpSaysTheReadEndpointIsADevelopmentPhaseToolAndTheExitCodes() {
        Run help = run("verify", "--help");
        assertEquals(0, help.exit());
        String text = help.out().replaceAll("\\s+", " ");
        assertTrue(text.contains("development-phase tool"), text);
        assertTrue(text.contains("Exit codes: 0 every object checked is in Gong as sent, 1 a difference or a missing "
                + "object, 2 usage"), text);
    }
}
