package dev.gongcrm.cli;

import dev.gongcrm.client.Credentials;
import dev.gongcrm.client.GongCrmClient;
import dev.gongcrm.client.push.TestBundles;
import dev.gongcrm.emulator.Emulator;
import dev.gongcrm.validator.ObjectType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API commands against the emulator on loopback, run in-process with their own environment. */
class PushCommandTest {

    private static final Path VALID = Path.of("..", "examples", "valid-bundle");
    private static final Path CURRENT = Path.of("..", "examples", "current-bundle");
    private static final Path BROKEN = Path.of("..", "examples", "broken-bundle");
    private static final String SECRET = "s3cr3t-never-shown";

    @TempDir
    Path folder;

    private Emulator emulator;
    private Map<String, String> environment;

    @BeforeEach
    void start() {
        emulator = Emulator.builder().processingDelay(Duration.ofMillis(30)).credentials("key", SECRET).build().start();
        environment = Map.of("GONG_BASE_URL", emulator.baseUrl(), "GONG_ACCESS_KEY", "key",
                "GONG_ACCESS_KEY_SECRET", SECRET, "GONGCRM_CALLS_PER_SECOND", "0");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = GongCrm.run(args, new PrintWriter(out), new PrintWriter(err), env);
        assertFalse(out.toString().contains(SECRET) || err.toString().contains(SECRET), "a credential was printed");
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
        return new Run(exit, out.toString(), err.toString());
    }

    private Run run(String... args) {
        return run(environment, args);
    }

    private Path bundle(Path source) throws Exception {
        return TestBundles.copy(source, folder.resolve(source.getFileName()));
    }

    private String register() {
        Run registered = run("integration", "register", "--name", "Home CRM", "--owner-email", "ops@example.com");
        assertEquals(0, registered.exit(), registered.err());
        return registered.out();
    }

    /**
     * A push says what validation found as validate does, in the reports asked for, also when it goes on to
     * send (a warning does not stop it); a report for machines on standard output stays one document, the
     * lines for people going to standard error.
     */
    @Test
    void aPushWritesItsValidationReportsAndKeepsAMachineReportOnStandardOutputWhole() throws Exception {
        register();
        Path bundle = bundle(VALID);
        Path accounts = bundle.resolve("accounts.ldjson");
        Files.writeString(accounts, Files.readString(accounts).replaceFirst("\"url\": ?\"https?://", "\"url\": \""));
        Path sarif = folder.resolve("push.sarif");
        Run pushed = run("push", bundle.toString(), "--settle", "0s", "--poll-interval", "10ms",
                "--format", "sarif=" + sarif + ",text");
        assertEquals(0, pushed.exit(), pushed.err());
        assertTrue(pushed.out().contains("warning[url-format]"), "the warning, on standard output: " + pushed.out());
        assertTrue(Files.readString(sarif).contains("\"ruleId\":\"url-format\""), "the sarif report was written");

        Files.writeString(accounts, Files.readString(accounts).replace("\"PBR\"", "\"PBR Ltd\""));
        Run plan = run("push", bundle.toString(), "--dry-run", "--format", "json");
        assertEquals(0, plan.exit(), plan.err());
        assertTrue(plan.out().strip().startsWith("{") && plan.out().strip().endsWith("}"),
                "standard output is the json report alone: " + plan.out());
        assertTrue(plan.err().contains("Plan for integration") && plan.err().contains("  TYPE "),
                "the counts and the plan, on standard error: " + plan.err());
    }

    @Test
    void theRoundTripOfTheReadme() throws Exception {
        assertTrue(register().contains(Long.toString(Emulator.DEFAULT_INTEGRATION_ID)));
        Path bundle = bundle(VALID);

        Run push = run("push", bundle.toString(), "--settle", "0s", "--poll-interval", "10ms");
        assertEquals(0, push.exit(), push.out() + push.err());
        assertTrue(push.err().contains("using integration " + Emulator.DEFAULT_INTEGRATION_ID), push.err());
        assertTrue(push.out().contains("[9/9] " + bundle.resolve("leads.ldjson") + ": DONE, 3 objects"), push.out());
        assertTrue(Files.exists(bundle.resolve(".gongcrm/ledger.db")));

        Run again = run("push", bundle.toString(), "--poll-interval", "10ms");
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("Nothing to send"), again.out());

        Run get = run("objects", "get", "deal", "8608553");
        assertEquals(0, get.exit(), get.err());
        assertTrue(get.out().contains("\"objectId\":\"8608553\""), get.out());
    }

    /**
     * The current example bundle, which only the current rules accept (stages without internalName, deals
     * with a status): the emulated Gong checks each upload with the rules of the generation it came
     * through, so a push sent through the legacy endpoints would come back FAILED. The profile comes from
     * the bundle's gongcrm.json, as a pipeline would keep it; a flag still overrides it.
     */
    @Test
    void theCurrentProfilePushesAndReadsThroughTheCurrentGeneration() throws Exception {
        Run registered = run("integration", "register", "--profile", "current", "--name", "Home CRM", "--owner-email",
                "ops@example.com");
        assertEquals(0, registered.exit(), registered.err());
        Path bundle = bundle(CURRENT);

        Files.writeString(bundle.resolve("gongcrm.json"), "{\"profile\": \"current\"}");
        Run legacy = run("push", bundle.toString(), "--dry-run", "--profile", "legacy");
        assertEquals(1, legacy.exit(), "the legacy rules refuse it: " + legacy.out());
        Run push = run("push", bundle.toString(), "--settle", "0s", "--poll-interval", "10ms");
        assertEquals(0, push.exit(), push.out() + push.err());
        assertTrue(push.out().contains("Pushed 8 upload(s)"), push.out());

        Run get = run("objects", "get", "deal", "8608554", "--profile", "current");
        assertEquals(0, get.exit(), get.err());
        assertTrue(get.out().contains("\"status\":\"WON\""), get.out());
        Run unknown = run("objects", "get", "deal", "8608554", "--profile", "newest");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown profile 'newest'; available: legacy, current"), unknown.err());
    }

    /**
     * A users mapping file whose name does not tell it, typed with --type FILE=USER_MAPPING: the dry run
     * shows it right after the schemas, the push sends it there and a second push skips it.
     */
    @Test
    void aUserMappingFileIsPlannedAfterTheSchemasAndPushedOnce() throws Exception {
        register();
        Path bundle = bundle(VALID);
        Path mapping = Files.writeString(bundle.resolve("crm-users.ldjson"),
                "{\"crmUserId\": \"crm-7\", \"emailAddress\": \"seven@example.com\"}\n"
                        + "{\"crmUserId\": \"crm-8\", \"isDeleted\": true}\n");

        Run untyped = run("push", bundle.toString(), "--dry-run");
        assertEquals(1, untyped.exit(), "as entities of no known type it cannot be sent: " + untyped.out());
        Run plan = run("push", bundle.toString(), "--dry-run", "--type", "crm-users.ldjson=user-mapping");
        assertEquals(0, plan.exit(), plan.out() + plan.err());
        assertTrue(plan.out().contains("  3. user mapping " + mapping + " (/map/users) (2 users, "), plan.out());
        assertTrue(plan.out().contains("send as gongcrm-business-user-mapping-"), plan.out());

        Run push = run("push", bundle.toString(), "--type", "crm-users.ldjson=USER_MAPPING", "--settle", "0s",
                "--poll-interval", "10ms");
        assertEquals(0, push.exit(), push.out() + push.err());
        assertTrue(push.out().contains("[3/10] " + mapping + " (/map/users): DONE, 2 user mappings"), push.out());
        Run again = run("push", bundle.toString(), "--type", "crm-users.ldjson=USER_MAPPING", "--dry-run");
        assertTrue(again.out().lines().anyMatch(line -> line.startsWith("  3. user mapping " + mapping)
                && line.contains("already uploaded")), again.out());
    }

    /** The current API has no /map/users: the mapping file is a finding, and with --fail-on never a one-line stop. */
    @Test
    void theCurrentProfileNeverDropsAUserMappingFile() throws Exception {
        Run registered = run("integration", "register", "--profile", "current", "--name", "Home CRM", "--owner-email",
                "ops@example.com");
        assertEquals(0, registered.exit(), registered.err());
        Path bundle = bundle(CURRENT);
        Path mapping = Files.writeString(bundle.resolve("user-mapping.ldjson"),
                "{\"crmUserId\": \"crm-7\", \"emailAddress\": \"seven@example.com\"}\n");

        Run validated = run("push", bundle.toString(), "--profile", "current", "--poll-interval", "10ms");
        assertEquals(1, validated.exit(), validated.out() + validated.err());
        assertTrue(validated.out().contains("no /map/users endpoint"), validated.out());
        Run forced = run("push", bundle.toString(), "--profile", "current", "--fail-on", "never", "--poll-interval",
                "10ms");
        assertTrue(forced.exit() != 0, forced.out());
        assertTrue(forced.err().contains(mapping + ": a user mapping file, but the current API has no "
                + "/v2/crm/map/users; nothing was sent"), forced.err());
        assertEquals(1, forced.err().lines().filter(line -> line.contains("map/users")).count(), forced.err());
        assertTrue(emulator.arrivals().isEmpty(), emulator.arrivals().toString());
    }

    @Test
    void aBrokenBundleExitsOneAndSendsNothing() throws Exception {
        register();
        Run push = run("push", bundle(BROKEN).toString(), "--poll-interval", "10ms");
        assertEquals(1, push.exit());
        assertTrue(push.out().contains("error[unresolved-reference]"), push.out());
        assertTrue(push.err().contains("nothing was sent"), push.err());
        try (GongCrmClient gong = GongCrmClient.builder().baseUrl(emulator.baseUrl())
                .credentials(Credentials.basic("key", SECRET)).build()) {
            assertEquals(null, gong.getObjects(List.of("5ybyh6n6n65"), Emulator.DEFAULT_INTEGRATION_ID,
                    ObjectType.ACCOUNT).crmObjectsMap().get("5ybyh6n6n65"));
        }
    }

    @Test
    void aDryRunShowsThePlanAndWhatTheLedgerSaysIsDone() throws Exception {
        register();
        Path bundle = bundle(VALID);
        Run before = run("push", bundle.toString(), "--dry-run");
        assertEquals(0, before.exit(), before.err());
        assertTrue(before.out().contains("  6. wait 60s for accounts to be processed"), before.out());
        assertTrue(before.out().contains("send as gongcrm-deal-"), before.out());
        assertTrue(before.out().contains("Dry run: nothing was sent."));

        run("push", bundle.toString(), "--settle", "0s", "--poll-interval", "10ms");
        Run after = run("push", bundle.toString(), "--dry-run");
        assertTrue(after.out().contains("already uploaded"), after.out());
        assertTrue(after.out().matches("(?s).*\n  DEAL +1 +0 +0 +1 +0 +0 +0 +0 B +0\n.*"), after.out());
        assertFalse(after.out().contains("wait 60s"), "no object is sent, so nothing waits: " + after.out());
    }

    @Test
    void validateWithTheLedgerResolvesReferencesToEarlierPushes() throws Exception {
        register();
        Path monday = Files.createDirectories(folder.resolve("monday"));
        for (String file : List.of("accounts.ldjson", "users.ldjson", "stages.ldjson", "account.schema.json")) {
            Files.copy(VALID.resolve(file), monday.resolve(file));
        }
        Path ledger = folder.resolve("ledger.db");
        assertEquals(0, run("push", monday.toString(), "--ledger", ledger.toString(), "--poll-interval", "10ms").exit());

        Path deals = Files.copy(VALID.resolve("deals.ldjson"), folder.resolve("deals.ldjson"));
        Run alone = run("validate", deals.toString(), "--ledger", ledger.toString());
        assertEquals(0, alone.exit(), alone.out());

        Path schema = Files.writeString(folder.resolve("account.schema.json"), "[]");
        Run dropped = run("validate", schema.toString(), "--ledger", ledger.toString(), "--fail-on", "warning");
        assertEquals(1, dropped.exit());
        assertTrue(dropped.out().contains("warning[dropped-schema-field]"), dropped.out());

        Run missing = run("validate", deals.toString(), "--ledger", folder.resolve("none.db").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no ledger at"), missing.err());
    }

    @Test
    void apiCommandsPrintForPeopleAndJsonForScripts() throws Exception {
        assertTrue(run("integration", "list").out().contains("No integration"));
        register();
        Run list = run("integration", "list", "--json");
        assertTrue(list.out().contains("\"integrationId\" : " + Emulator.DEFAULT_INTEGRATION_ID), list.out());

        Run schema = run("schema", "upload", VALID.resolve("account.schema.json").toString());
        assertEquals(0, schema.exit(), schema.err());
        Run fields = run("schema", "list", "account");
        assertEquals(0, fields.exit(), fields.err());
        assertTrue(fields.out().contains("category  PICKLIST"), fields.out());

        Path bundle = bundle(VALID);
        String requestId = lastRequestId(run("push", bundle.toString(), "--settle", "0s", "--poll-interval", "10ms",
                "--json").out());
        Run status = run("status", requestId);
        assertEquals(0, status.exit(), status.err());
        assertTrue(status.out().startsWith(requestId + ": DONE"), status.out());
        assertTrue(run("status", requestId, "--json").out().contains("\"status\" : \"DONE\""));

        Run refused = run("integration", "delete");
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("--yes"), refused.err());
        Run deleted = run("integration", "delete", "--yes");
        assertEquals(0, deleted.exit(), deleted.err());
        assertTrue(deleted.out().contains("DONE"), deleted.out());
    }

    @Test
    void aSyncSaysPerTypeWhatItSendsAndWritesEachObjectsFate() throws Exception {
        register();
        Path bundle = bundle(VALID);
        Path results = folder.resolve("results.csv");
        Run first = run("push", bundle.toString(), "--settle", "0s", "--poll-interval", "10ms", "--results",
                results.toString());
        assertEquals(0, first.exit(), first.out() + first.err());
        assertTrue(first.out().contains("  DEAL                  1         1         0         0"), first.out());
        List<String> rows = Files.readAllLines(results);
        assertEquals("type,objectId,file,line,action,outcome,error", rows.get(0));
        assertTrue(rows.contains("DEAL,8608553," + bundle.resolve("deals.ldjson") + ",1,sent,STORED,"), rows::toString);
        assertEquals(12 + 1, rows.size(), "one row per object of the bundle");

        Files.writeString(bundle.resolve("leads.ldjson"), Files.readString(bundle.resolve("leads.ldjson"))
                .replace("\"Bob\"", "\"Robert\""));
        Run plan = run("push", bundle.toString(), "--dry-run", "--json");
        assertEquals(0, plan.exit(), plan.err());
        tools.jackson.databind.JsonNode document = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(plan.out());
        assertEquals("dry-run", document.path("outcome").asString());
        tools.jackson.databind.JsonNode leads = document.path("types").get(5);
        assertEquals("LEAD", leads.path("type").asString(), document.toString());
        assertEquals(List.of(3, 1, 2, 1), List.of(leads.path("objects").asInt(), leads.path("changed").asInt(),
                leads.path("unchanged").asInt(), leads.path("uploads").asInt()), leads.toString());

        Run second = run("push", bundle.toString(), "--poll-interval", "10ms", "--json", "--results",
                results.toString());
        assertEquals(0, second.exit(), second.err());
        document = tools.jackson.databind.json.JsonMapper.builder().build().readTree(second.out());
        assertEquals("done", document.path("outcome").asString(), second.out());
        tools.jackson.databind.JsonNode step = document.path("steps").get(document.path("steps").size() - 1);
        assertEquals(List.of("OBJECTS", "CHANGED", "DONE", "1"), List.of(step.path("kind").asString(),
                step.path("selection").asString(), step.path("status").asString(), step.path("objects").asString()),
                step.toString());
        assertTrue(step.path("clientRequestId").asString().startsWith("gongcrm-lead-"), step.toString());
        assertFalse(step.path("startedAt").isNull(), step.toString());
        assertTrue(Files.readAllLines(results).stream().filter(row -> row.startsWith("LEAD,")).map(row ->
                row.split(",")[4]).toList().containsAll(List.of("sent", "unchanged")));
    }

    @Test
    void syncFlagsAreCheckedAndResultsNeverOverwriteAnInput() throws Exception {
        register();
        Path bundle = bundle(VALID);
        Run badType = run("push", bundle.toString(), "--dry-run", "--delete-missing", "DEAL,opportunity");
        assertEquals(2, badType.exit());
        assertTrue(badType.err().contains("unknown object type 'opportunity'"), badType.err());

        String deals = Files.readString(bundle.resolve("deals.ldjson"));
        Run overInput = run("push", bundle.toString(), "--dry-run", "--results", bundle.resolve("deals.ldjson")
                .toString());
        assertEquals(2, overInput.exit(), overInput.out());
        assertEquals(deals, Files.readString(bundle.resolve("deals.ldjson")));

        run("push", bundle.toString(), "--settle", "0s", "--poll-interval", "10ms");
        int before = emulator.arrivals().size();
        Run full = run("push", bundle.toString(), "--settle", "0s", "--poll-interval", "10ms", "--full");
        assertEquals(0, full.exit(), full.err());
        assertEquals(before + 8, emulator.arrivals().size(), "everything again: " + emulator.arrivals());
    }

    /** Found out at the end, the push would have sent everything and then exit 2, with no results. */
    @Test
    void aResultsFileThatCannotBeWrittenStopsThePushBeforeAnythingIsSent() throws Exception {
        register();
        Path bundle = bundle(VALID);
        Path notAFolder = Files.writeString(folder.resolve("notes.txt"), "a file, not a folder\n");

        Run stopped = run("push", bundle.toString(), "--settle", "0s", "--poll-interval", "10ms", "--results",
                notAFolder.resolve("results.csv").toString());

        assertEquals(2, stopped.exit(), stopped.out() + stopped.err());
        assertTrue(stopped.err().contains("cannot write the results to " + notAFolder.resolve("results.csv")),
                stopped.err());
        assertEquals(List.of(), emulator.arrivals());
    }

    /** The clientRequestId of the last upload of a push's --json document. */
    private static String lastRequestId(String json) {
        tools.jackson.databind.JsonNode steps = tools.jackson.databind.json.JsonMapper.builder().build().readTree(json)
                .path("steps");
        return steps.get(steps.size() - 1).path("clientRequestId").asString();
    }

    @Test
    void missingOrWrongCredentialsAreOneLineAndNeverShown() {
        Run none = run(Map.of("GONG_BASE_URL", emulator.baseUrl()), "integration", "list");
        assertEquals(2, none.exit());
        assertTrue(none.err().startsWith("gongcrm: error: no credentials: set GONG_ACCESS_KEY"), none.err());

        Run wrong = run(Map.of("GONG_BASE_URL", emulator.baseUrl(), "GONG_ACCESS_KEY", "key",
                "GONG_ACCESS_KEY_SECRET", "wrong-" + SECRET), "integration", "list");
        assertEquals(2, wrong.exit());
        assertTrue(wrong.err().contains("HTTP 401"), wrong.err());
        assertFalse(wrong.err().contains("wrong-"), wrong.err());
    }

    @Test
    void withoutCredentialsABrokenBundleStillGetsItsFindingsAndNothingIsWritten() throws Exception {
        Map<String, String> none = Map.of("GONG_BASE_URL", emulator.baseUrl());
        Path broken = bundle(BROKEN);
        Run findings = run(none, "push", broken.toString());
        assertEquals(1, findings.exit());
        assertTrue(findings.out().contains("error[unresolved-reference]"), findings.out());

        Run missing = run(none, "push", bundle(VALID).toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().startsWith("gongcrm: error: no credentials"), missing.err());

        Run dryRun = run(none, "push", folder.resolve("valid-bundle").toString(), "--dry-run", "--integration", "7");
        assertEquals(0, dryRun.exit(), dryRun.err());
        assertFalse(Files.exists(folder.resolve("valid-bundle/.gongcrm/ledger.db")), "a dry run writes no ledger");
    }

    @Test
    void validateReadsALedgerThatAPushHolds() throws Exception {
        register();
        Path bundle = bundle(VALID);
        assertEquals(0, run("push", bundle.toString(), "--settle", "0s", "--poll-interval", "10ms").exit());
        Path ledgerFile = bundle.resolve(".gongcrm/ledger.db");
        try (var ledger = dev.gongcrm.client.push.Ledger.open(ledgerFile);
             var held = ledger.hold(Emulator.DEFAULT_INTEGRATION_ID, Duration.ZERO, java.time.Clock.systemUTC(),
                     duration -> { }, notice -> { })) {
            Run validate = run("validate", bundle.resolve("deals.ldjson").toString(), "--ledger", ledgerFile.toString());
            assertEquals(0, validate.exit(), validate.out() + validate.err());
            Run busy = run("push", bundle.toString(), "--lock-timeout", "0s");
            assertEquals(2, busy.exit());
            assertTrue(busy.err().contains("is held by another push (the push on "), busy.err());
            assertTrue(busy.err().contains("within 0 s (--lock-timeout); nothing was sent"), busy.err());
        }
    }

    @Test
    void badDurationsAndSizesAreUsageErrors() throws Exception {
        for (String[] args : new String[][] {
                {"push", VALID.toString(), "--settle", "soon"},
                {"push", VALID.toString(), "--max-upload-size", "big"},
                {"push"}}) {
            Run run = run(args);
            assertEquals(2, run.exit(), String.join(" ", args) + ": " + run.err() + run.out());
            assertEquals(2, run.err().lines().count(), run.err());
        }
        register();
        Run tooLarge = run("push", bundle(VALID).toString(), "--max-upload-size", "300MB");
        assertEquals(2, tooLarge.exit());
        assertTrue(tooLarge.err().contains("Gong's 200 MB"), tooLarge.err());
    }
}
