package dev.gongcrm.client.push;

import dev.gongcrm.client.ledger.LedgerException;
import dev.gongcrm.client.EmulatorClients;
import dev.gongcrm.client.GongCrmClient;
import dev.gongcrm.client.model.GenericCrmRegistrationRequest;
import dev.gongcrm.emulator.Emulator;
import dev.gongcrm.emulator.Fault;
import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.BundleScanner;
import dev.gongcrm.validator.rules.RuleConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pushes against the emulator on loopback: order, settle wait, faults, resume, split files, Gong's FAILED.
 * One behaviour, two stores: each test runs with an SQLite ledger ({@link SqlitePushRunnerTest}) and
 * with a PostgreSQL one ({@link PostgresPushRunnerTest}).
 */
abstract class PushRunnerTest {

    private static final long INTEGRATION = Emulator.DEFAULT_INTEGRATION_ID;
    static final Path VALID = TestBundles.VALID;

    @TempDir
    Path folder;

    private Emulator emulator;
    private GongCrmClient gong;
    private Ledger ledger;
    /** Waits the push asked for; short ones (polls) really pass so that the emulator gets on, long ones do not. */
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() {
        emulator = Emulator.builder().processingDelay(Duration.ofMillis(40)).build().start();
        gong = EmulatorClients.of(emulator).build();
        gong.registerIntegration(new GenericCrmRegistrationRequest("Home CRM", "ops@example.com"));
        ledger = openLedger("ledger");
    }

    /** The ledger of this name, in the store under test: a new one, or the one already opened under that name. */
    abstract Ledger openLedger(String name);

    @AfterEach
    void stop() {
        ledger.close();
        gong.close();
        emulator.close();
    }

    private PushRunner.Settings settings() {
        return PushRunner.Settings.defaults().withPollInterval(Duration.ofMillis(10)).withTime(Clock.systemUTC(),
                duration -> {
                    waits.add(duration);
                    Thread.sleep(Math.min(duration.toMillis(), 20));
                });
    }

    private Push.Outcome push(List<Path> paths, PushRunner.Settings settings, Validator.Builder validation,
                              long maxPartBytes) throws Exception {
        List<BundleFile> files = new BundleScanner(Map.of()).scan(paths);
        return Push.run(gong, ledger, new Push.Request(files, validation, "legacy", Severity.ERROR, INTEGRATION,
                maxPartBytes, Duration.ofSeconds(60), false), settings, PushListener.NONE);
    }

    Push.Outcome push(Path bundle) throws Exception {
        return push(List.of(bundle), settings(), Validator.builder(), Planner.MAX_UPLOAD_BYTES);
    }

    /** The objects of the file Gong should hold: those not sent as deleted. */
    private static List<String> idsIn(Path file) throws Exception {
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            int start = line.indexOf("\"objectId\": \"") + 13;
            if (start > 12 && !line.contains("\"isDeleted\": true")) {
                ids.add(line.substring(start, line.indexOf('"', start)));
            }
        }
        return ids;
    }

    private void assertStored(Path file, ObjectType type) throws Exception {
        List<String> ids = idsIn(file);
        Map<String, ?> stored = gong.getObjects(ids, INTEGRATION, type).crmObjectsMap();
        ids.forEach(id -> assertNotNull(stored.get(id), type + " " + id + " is not in Gong"));
    }

    @Test
    void theValidBundleArrivesWholeAndInTheSeedsOrder() throws Exception {
        Push.Outcome outcome = push(VALID);

        assertFalse(outcome.validationFailed());
        assertFalse(outcome.upload().failed());
        List<String> order = outcome.upload().steps().stream()
                .map(s -> s.step().kind() == PlanStep.Kind.OBJECTS ? s.step().type().name() : s.step().kind().name())
                .toList();
        assertEquals(List.of("SCHEMA", "SCHEMA", "STAGE", "BUSINESS_USER", "ACCOUNT", "SETTLE", "CONTACT", "DEAL",
                "LEAD"), order);
        assertEquals(List.of("schema ACCOUNT", "schema DEAL", "STAGE", "BUSINESS_USER", "ACCOUNT", "CONTACT", "DEAL",
                "LEAD"), emulator.arrivals().stream().map(a -> a.startsWith("schema") ? a : a.split(" ")[0]).toList(),
                "what Gong received, in order");
        assertStored(VALID.resolve("accounts.ldjson"), ObjectType.ACCOUNT);
        assertStored(VALID.resolve("contacts.ldjson"), ObjectType.CONTACT);
        assertStored(VALID.resolve("deals.ldjson"), ObjectType.DEAL);
        assertStored(VALID.resolve("leads.ldjson"), ObjectType.LEAD);
        assertEquals(List.of("ACCOUNT", "CONTACT", "DEAL", "LEAD", "STAGE", "BUSINESS_USER").size(),
                ledger.steps(INTEGRATION).size() - 2, "one request per entity file, plus two schemas");
    }

    @Test
    void contactsWaitTheSettleTimeAfterTheAccountsWereProcessed() throws Exception {
        push(VALID);
        Duration settle = waits.stream().filter(w -> w.compareTo(Duration.ofSeconds(30)) > 0).findFirst()
                .orElseThrow(() -> new AssertionError("no settle wait among " + waits));
        assertTrue(settle.compareTo(Duration.ofSeconds(50)) > 0 && settle.compareTo(Duration.ofSeconds(60)) <= 0,
                settle::toString);
    }

    @Test
    void aSecondPushSendsNothingAndForceSendsUnderNewIds() throws Exception {
        push(VALID);
        int requests = ledger.steps(INTEGRATION).size();

        Push.Outcome again = push(VALID);
        assertEquals(0, again.upload().sent());
        assertEquals(requests, ledger.steps(INTEGRATION).size());
        assertTrue(waits.stream().filter(w -> w.compareTo(Duration.ofSeconds(30)) > 0).count() <= 1,
                "no settle wait when nothing is sent: " + waits);

        Push.Outcome forced = push(List.of(VALID), settings().withForce(true), Validator.builder(),
                Planner.MAX_UPLOAD_BYTES);
        assertFalse(forced.upload().failed());
        assertEquals(2 * requests, ledger.steps(INTEGRATION).size());
        assertTrue(forced.upload().steps().stream().filter(s -> s.clientRequestId() != null)
                .allMatch(s -> s.clientRequestId().matches(s.step().clientRequestId() + "-[a-z0-9]{8}")),
                forced.upload().steps()::toString);
    }

    @Test
    void faultsOnEveryStepEndDoneWithOneRequestPerFile() throws Exception {
        List<Fault> storm = List.of(Fault.rateLimited(0), Fault.rateLimited(0), Fault.serverError(),
                Fault.dropConnection());
        for (int request = 0; request < 60; request++) {
            // every other request meets a fault, so that each call gets through within its retries
            emulator.faults().next(1, storm.get(request % storm.size())).next(1, Fault.delay(Duration.ZERO));
        }
        Push.Outcome outcome = push(VALID);

        assertFalse(outcome.upload().failed(), outcome.upload()::toString);
        assertEquals(6, emulator.arrivals().stream().filter(a -> !a.startsWith("schema")).count(),
                "each entity file accepted once: " + emulator.arrivals());
        List<StepRecord> steps = ledger.steps(INTEGRATION);
        assertEquals(steps.size(), steps.stream().map(StepRecord::clientRequestId).distinct().count());
        assertTrue(steps.stream().allMatch(s -> StepRecord.DONE.equals(s.status())), steps::toString);
        assertStored(VALID.resolve("deals.ldjson"), ObjectType.DEAL);
    }

    @Test
    void aLostUploadResponseIsPolledNotSentTwice() throws Exception {
        Path accounts = Files.copy(VALID.resolve("accounts.ldjson"), folder.resolve("accounts.ldjson"));
        emulator.faults().next(1, Fault.dropConnection());
        Push.Outcome outcome = push(accounts);
        assertFalse(outcome.upload().failed());
        assertEquals(1, ledger.steps(INTEGRATION).size());
        assertEquals(1, emulator.arrivals().size(), emulator.arrivals()::toString);
        assertStored(accounts, ObjectType.ACCOUNT);
    }

    @Test
    void aRequestLeftSendingIsSentAgainUnderItsIdAndOneLeftAcceptedIsOnlyPolled() throws Exception {
        Path accounts = Files.copy(VALID.resolve("accounts.ldjson"), folder.resolve("accounts.ldjson"));
        PlanStep step = new Planner(INTEGRATION, Planner.MAX_UPLOAD_BYTES, Duration.ZERO)
                .plan(new BundleScanner(Map.of()).scan(List.of(accounts))).get(0);
        // the process died after Gong took the upload and before the ledger heard of it
        ledger.sending(INTEGRATION, step, step.clientRequestId(), Clock.systemUTC().instant());
        gong.uploadObjects(accounts, step.clientRequestId(), INTEGRATION, ObjectType.ACCOUNT);

        Push.Outcome resumed = push(accounts);
        assertFalse(resumed.upload().failed());
        assertEquals(List.of(step.clientRequestId()),
                ledger.steps(INTEGRATION).stream().map(StepRecord::clientRequestId).toList());
        assertEquals(StepRecord.DONE, ledger.steps(INTEGRATION).get(0).status());

        Path contacts = Files.copy(VALID.resolve("contacts.ldjson"), folder.resolve("contacts.ldjson"));
        PlanStep contactStep = new Planner(INTEGRATION, Planner.MAX_UPLOAD_BYTES, Duration.ZERO)
                .plan(new BundleScanner(Map.of()).scan(List.of(contacts))).get(0);
        ledger.sending(INTEGRATION, contactStep, contactStep.clientRequestId(), Clock.systemUTC().instant());
        gong.uploadObjects(contacts, contactStep.clientRequestId(), INTEGRATION, ObjectType.CONTACT);
        ledger.accepted(INTEGRATION, contactStep.clientRequestId(), null, Clock.systemUTC().instant());
        emulator.faults().next(1, Fault.serverError()); // a send would meet this; a poll retries through it

        assertEquals(StepAction.Kind.POLL, PushRunner.decide(ledger, INTEGRATION, contactStep, false).kind());
        assertFalse(push(List.of(folder.resolve("accounts.ldjson"), contacts), settings(), Validator.builder(),
                Planner.MAX_UPLOAD_BYTES).upload().failed());
        assertStored(contacts, ObjectType.CONTACT);
    }

    @Test
    void aFileOverTheLimitIsSentInPartsThatKeepItsOrder() throws Exception {
        Path accounts = folder.resolve("accounts.ldjson");
        Files.write(accounts, IntStream.range(0, 40).mapToObj(i -> String.format("{\"objectId\": \"a%02d\", "
                + "\"modifiedDate\": \"2019-01-03T23:%02d:57Z\", \"name\": \"A%d\", \"domains\": [\"a%d.com\"]}",
                i, i, i, i)).toList());
        Push.Outcome outcome = push(List.of(accounts), settings(), Validator.builder(), 1024);

        List<PlanStep> parts = outcome.plan();
        assertTrue(parts.size() > 3, parts::toString);
        long lines = 0;
        for (PlanStep part : parts) {
            assertTrue(part.bytes() <= 1024);
            assertEquals(lines + 1, part.firstLine());
            lines += part.objects();
        }
        assertEquals(40, lines);
        assertEquals(parts.size(), parts.stream().map(PlanStep::clientRequestId).distinct().count());
        assertFalse(outcome.upload().failed());
        assertStored(accounts, ObjectType.ACCOUNT);
    }

    @Test
    void gongsLineErrorsBecomeFindingsAtTheLinesOfTheFileEvenInALaterPart() throws Exception {
        Path accounts = folder.resolve("accounts.ldjson");
        List<String> lines = new ArrayList<>(IntStream.range(0, 20).mapToObj(i -> String.format("{\"objectId\": "
                + "\"a%02d\", \"modifiedDate\": \"2019-01-03T23:%02d:57Z\", \"name\": \"A%d\", \"domains\": "
                + "[\"a%d.com\"]}", i, i, i, i)).toList());
        lines.set(14, lines.get(14).replace("\"name\": \"A14\"", "\"name\": 14"));
        Files.write(accounts, lines);
        // the user silenced the rule, so the file passes here and Gong rejects it
        Validator.Builder lenient = Validator.builder().rules(new RuleConfig(Set.of(), Set.of("wrong-type"), Map.of()));

        Push.Outcome outcome = push(List.of(accounts), settings(), lenient, 600);

        assertTrue(outcome.upload().failed());
        Finding finding = outcome.upload().findings().get(0);
        assertEquals(PushRunner.UPLOAD_FAILED, finding.rule());
        assertEquals(accounts.toString(), finding.file());
        assertEquals(15, finding.line());
        assertTrue(finding.message().contains("[name]"), finding.message());
        assertEquals(StepRecord.FAILED, outcome.upload().steps().get(outcome.upload().steps().size() - 1).status());
        Finding summary = outcome.upload().findings().get(1);
        assertEquals(0, summary.line());
        assertTrue(summary.message().contains("Gong stored 5 of the 6 objects"), summary.message());
        assertEquals(2, outcome.uploadFindings().count(Severity.ERROR));
    }

    @Test
    void aBrokenBundleSendsNothing() throws Exception {
        Push.Outcome outcome = push(Path.of("..", "examples", "broken-bundle"));
        assertTrue(outcome.validationFailed());
        assertEquals(List.of(), ledger.steps(INTEGRATION));
        assertEquals(List.of(), gong.listSchemaFields(INTEGRATION, ObjectType.ACCOUNT).fields().values().stream()
                .flatMap(List::stream).filter(f -> "region".equals(f.uniqueName())).toList());
    }

    @Test
    void aReferenceToAnAccountOfAnEarlierPushResolvesThroughTheLedger() throws Exception {
        Path first = Files.createDirectory(folder.resolve("monday"));
        Files.copy(VALID.resolve("accounts.ldjson"), first.resolve("accounts.ldjson"));
        Files.copy(VALID.resolve("users.ldjson"), first.resolve("users.ldjson"));
        Files.copy(VALID.resolve("stages.ldjson"), first.resolve("stages.ldjson"));
        assertFalse(push(first).upload().failed());

        Path second = Files.createDirectory(folder.resolve("tuesday"));
        Files.copy(VALID.resolve("deals.ldjson"), second.resolve("deals.ldjson"));
        Push.Outcome outcome = push(second);
        assertFalse(outcome.validationFailed(), outcome.validation().findings()::toString);
        assertFalse(outcome.upload().failed());
        assertStored(VALID.resolve("deals.ldjson"), ObjectType.DEAL);
    }

    @Test
    void oneLedgerServesOnePushAtATime() {
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> now =
                new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.parse("2026-12-05T22:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return now.get();
            }
        };
        Sleeper sleeper = duration -> now.updateAndGet(instant -> instant.plus(duration));
        List<String> notices = new ArrayList<>();
        try (IntegrationHold held = ledger.hold(INTEGRATION, Duration.ZERO, clock, sleeper, notices::add);
             Ledger second = openLedger("ledger")) {
            LedgerException error = assertThrows(LedgerException.class,
                    () -> second.hold(INTEGRATION, Duration.ofMinutes(2), clock, sleeper, notices::add));
            assertTrue(error.getMessage().startsWith("integration " + INTEGRATION + " is held by another push (the push "
                    + "on "), error.getMessage());
            assertTrue(error.getMessage().contains("since 2026-12-05T22:00:00Z) and was not freed within 2 min"),
                    error.getMessage());
            assertEquals(4, notices.size(), "one notice, then one every 30 s: " + notices);
        }
        try (IntegrationHold again = ledger.hold(INTEGRATION, Duration.ZERO, clock, sleeper, notices::add)) {
            assertNotNull(again, "released when the first hold closed");
        }
    }

    private Path write(String name, String... lines) throws Exception {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, List.of(lines));
    }

    private static final String STAGE_A = "{\"objectId\": \"s1\", \"modifiedDate\": \"2019-01-03T23:45:57Z\", "
            + "\"internalName\": \"discovery\", \"name\": \"Discovery\", \"isActive\": true, \"sortOrder\": 1}";
    private static final String STAGE_B = STAGE_A.replace("\"Discovery\"", "\"Discovery call\"");

    @Test
    void contentIsSkippedOnlyWhileItIsWhatGongHoldsFromThatFile() throws Exception {
        Path stages = write("stages.ldjson", STAGE_A);
        push(stages);
        write("stages.ldjson", STAGE_B);
        push(stages);
        write("stages.ldjson", STAGE_A);

        Push.Outcome back = push(stages);
        assertEquals(1, back.upload().sent(), "A again after B is sent: Gong holds B");
        assertEquals(3, emulator.arrivals().size(), emulator.arrivals()::toString);
        assertEquals(0, push(stages).upload().sent());
    }

    @Test
    void anIntegrationResetBehindTheLedgersBackGetsEverythingAgain() throws Exception {
        push(VALID);
        stop();
        start(); // a new Gong under the same integration id, which holds nothing; the same ledger

        Push.Outcome again = push(VALID);
        assertEquals(8, again.upload().sent(), again.upload()::toString);
        assertStored(VALID.resolve("deals.ldjson"), ObjectType.DEAL);
        assertTrue(ledger.steps(INTEGRATION).stream().filter(s -> StepRecord.STALE.equals(s.status())).count() == 8);
        assertEquals(0, push(VALID).upload().sent());
    }

    @Test
    void aRequestAcceptedByAGongThatForgotItIsSentAgain() throws Exception {
        Path stages = write("stages.ldjson", STAGE_A);
        PlanStep step = new Planner(INTEGRATION, Planner.MAX_UPLOAD_BYTES, Duration.ZERO)
                .plan(new BundleScanner(Map.of()).scan(List.of(stages))).get(0);
        // accepted, then the emulator died and a new one (same integration id) knows nothing of it
        ledger.sending(INTEGRATION, step, step.clientRequestId(), Clock.systemUTC().instant());
        ledger.accepted(INTEGRATION, step.clientRequestId(), null, Clock.systemUTC().instant());

        assertFalse(push(stages).upload().failed());
        assertEquals(List.of("STAGE " + step.clientRequestId()), emulator.arrivals());
        assertEquals(StepRecord.DONE, ledger.step(INTEGRATION, step.clientRequestId()).orElseThrow().status());
    }

    @Test
    void aNamedIntegrationGongDoesNotHaveIsAnErrorBeforeAnythingIsSent() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Push.integration(gong.legacy(), 42L, note -> { }));
        assertTrue(error.getMessage().startsWith("integration 42 is not registered in Gong (registered: "
                + INTEGRATION), error.getMessage());
        assertEquals(INTEGRATION, Push.integration(gong.legacy(), INTEGRATION, note -> { }));
    }

    @Test
    void theSameContentTwiceInOnePushIsSentOnce() throws Exception {
        Path monday = write("monday/stages.ldjson", STAGE_A).getParent();
        Path tuesday = write("tuesday/stages.ldjson", STAGE_A).getParent();
        Push.Outcome outcome = push(List.of(monday, tuesday), settings(), Validator.builder(),
                Planner.MAX_UPLOAD_BYTES);
        assertFalse(outcome.upload().failed());
        assertEquals(1, outcome.upload().sent());
        assertEquals(1, emulator.arrivals().size());
    }

    @Test
    void aRequestLeftUnderWayForContentSinceChangedIsFollowedToItsEndFirst() throws Exception {
        Path stages = write("stages.ldjson", STAGE_A);
        PlanStep old = new Planner(INTEGRATION, Planner.MAX_UPLOAD_BYTES, Duration.ZERO)
                .plan(new BundleScanner(Map.of()).scan(List.of(stages))).get(0);
        ledger.sending(INTEGRATION, old, old.clientRequestId(), Clock.systemUTC().instant());
        gong.uploadObjects(stages, old.clientRequestId(), INTEGRATION, ObjectType.STAGE);
        ledger.accepted(INTEGRATION, old.clientRequestId(), null, Clock.systemUTC().instant());
        PlanStep lost = new Planner(INTEGRATION, Planner.MAX_UPLOAD_BYTES, Duration.ZERO)
                .plan(new BundleScanner(Map.of()).scan(List.of(write("other/stages.ldjson", STAGE_B)))).get(0);
        ledger.sending(INTEGRATION, lost, lost.clientRequestId(), Clock.systemUTC().instant());

        write("stages.ldjson", STAGE_A.replace("s1", "s2").replace("discovery", "demo"));
        assertFalse(push(stages).upload().failed());

        assertEquals(StepRecord.DONE, ledger.step(INTEGRATION, old.clientRequestId()).orElseThrow().status());
        StepRecord never = ledger.step(INTEGRATION, lost.clientRequestId()).orElseThrow();
        assertEquals(StepRecord.FAILED, never.status());
        assertTrue(never.errors().get(0).description().contains("never reached Gong"), never::toString);
        assertEquals(List.of(), ledger.inFlight(INTEGRATION));
    }

    @Test
    void aRetryAfterFailedGetsAnIdGongHasNeverSeenEvenWithANewLedger() throws Exception {
        Path accounts = write("accounts.ldjson", "{\"objectId\": \"a1\", \"modifiedDate\": \"2019-01-03T23:45:57Z\", "
                + "\"name\": 1, \"domains\": [\"a.com\"]}");
        Validator.Builder lenient = Validator.builder().rules(new RuleConfig(Set.of(), Set.of("wrong-type"), Map.of()));
        assertTrue(push(List.of(accounts), settings(), lenient, Planner.MAX_UPLOAD_BYTES).upload().failed());

        ledger.close();
        ledger = openLedger("fresh");
        // the fresh ledger sends under the content's id; Gong's 409 proves nothing of it: sent under a new one
        assertTrue(push(List.of(accounts), settings(), lenient, Planner.MAX_UPLOAD_BYTES).upload().failed());
        assertEquals(2, emulator.arrivals().size(), "the retry is a new request: " + emulator.arrivals());
        Push.Outcome retried = push(List.of(accounts), settings(), lenient, Planner.MAX_UPLOAD_BYTES);
        assertTrue(retried.upload().failed());
        assertEquals(3, emulator.arrivals().size(), "each retry is a new request: " + emulator.arrivals());
    }
}
