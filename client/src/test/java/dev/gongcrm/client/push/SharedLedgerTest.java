package dev.gongcrm.client.push;

import dev.gongcrm.client.EmulatorClients;
import dev.gongcrm.client.GongCrmClient;
import dev.gongcrm.client.ledger.LedgerException;
import dev.gongcrm.client.ledger.LedgerLocation;
import dev.gongcrm.client.model.GenericCrmRegistrationRequest;
import dev.gongcrm.client.model.RequestStatus;
import dev.gongcrm.emulator.Emulator;
import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleScanner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The "done when" on a real PostgreSQL: runners without local state share one ledger. A runner
 * is a folder of its own with the export in it, a {@link Ledger} of its own (its own connection) and a
 * client of its own; the ledger database is the only thing they have in common.
 */
class SharedLedgerTest {

    private static final long INTEGRATION = Emulator.DEFAULT_INTEGRATION_ID;
    private static final int UPLOADS = 8;
    /** The account the example's deal belongs to, in the example's accounts.ldjson. */
    private static final String DEALS_ACCOUNT = "5ybyh6n6n65";
    /** Bounds every wait of a test on another thread or push: a hang fails the test instead of the build. */
    private static final long WAIT_SECONDS = 120;

    @TempDir
    Path folder;

    private PostgresServer.Database database;
    private Emulator emulator;

    @BeforeEach
    void start() {
        database = PostgresServer.database();
        emulator = Emulator.builder().processingDelay(Duration.ofMillis(20)).build().start();
        try (GongCrmClient gong = EmulatorClients.of(emulator).build()) {
            gong.registerIntegration(new GenericCrmRegistrationRequest("Home CRM", "ops@example.com"));
        }
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** Polls really wait a little, so that the emulator gets on; a wait for the integration's hold too. */
    private static PushRunner.Settings settings() {
        return PushRunner.Settings.defaults().withPollInterval(Duration.ofMillis(10))
                .withLockTimeout(Duration.ofSeconds(WAIT_SECONDS))
                .withTime(Clock.systemUTC(), duration -> Thread.sleep(Math.min(duration.toMillis(), 20)));
    }

    private static Push.Request request(Path bundle) throws Exception {
        return new Push.Request(new BundleScanner(Map.of()).scan(List.of(bundle)), Validator.builder(), "legacy",
                Severity.ERROR, INTEGRATION, Planner.MAX_UPLOAD_BYTES, Duration.ZERO, false);
    }

    /** One runner's push: its own ledger connection and client, closed when it ends, as a CI job's would be. */
    private Push.Outcome push(Path bundle, PushListener listener) throws Exception {
        try (Ledger ledger = PostgresLedgers.open(database); GongCrmClient gong = EmulatorClients.of(emulator).build()) {
            return Push.run(gong, ledger, request(bundle), settings(), listener);
        }
    }

    private Path runner(String name) throws Exception {
        return TestBundles.copy(TestBundles.VALID, folder.resolve(name));
    }

    /** Each of the bundle's uploads reached Gong once: 2 schemas and 6 entity files, each under one id. */
    private void assertEachUploadArrivedOnce() {
        List<String> arrivals = emulator.arrivals();
        assertEquals(UPLOADS, arrivals.size(), arrivals::toString);
        assertEquals(UPLOADS, arrivals.stream().map(arrival -> arrival.startsWith("schema") ? arrival
                : arrival.split(" ")[0]).distinct().count(), arrivals::toString);
    }

    @Test
    void anotherRunnerWithTheSameLedgerAndNoLocalStateSendsNothing() throws Exception {
        Push.Outcome first = push(runner("runner-1"), PushListener.NONE);
        assertFalse(first.upload().failed(), first.upload()::toString);
        assertEquals(UPLOADS, first.upload().sent());

        Push.Outcome second = push(runner("runner-2"), PushListener.NONE);

        assertFalse(second.upload().failed(), second.upload()::toString);
        assertEquals(0, second.upload().sent(), second.upload()::toString);
        assertEachUploadArrivedOnce();
    }

    @Test
    void twoPushesAtOnceRunOneAfterTheOtherAndSendNothingTwice() throws Exception {
        Path one = runner("runner-1");
        Path two = runner("runner-2");
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch secondWaits = new CountDownLatch(1);
        List<String> notices = new CopyOnWriteArrayList<>();
        // the first keeps its hold until the second has found the integration held: the two really overlap
        PushListener holding = new PushListener() {
            @Override
            public void planned(List<PlanStep> steps) {
                firstHolds.countDown();
                await(secondWaits, "the second push to find the integration held");
            }
        };
        PushListener waiting = new PushListener() {
            @Override
            public void waitingForIntegration(String notice) {
                notices.add(notice);
                secondWaits.countDown();
            }
        };
        ExecutorService runners = Executors.newFixedThreadPool(2);
        Push.Outcome first;
        Push.Outcome second;
        try {
            Future<Push.Outcome> pushOne = runners.submit(() -> push(one, holding));
            await(firstHolds, "the first push to hold the integration");
            Future<Push.Outcome> pushTwo = runners.submit(() -> push(two, waiting));
            first = pushOne.get(WAIT_SECONDS, TimeUnit.SECONDS);
            second = pushTwo.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } finally {
            runners.shutdownNow();
        }

        assertFalse(first.upload().failed(), first.upload()::toString);
        assertEquals(UPLOADS, first.upload().sent());
        assertFalse(second.upload().failed(), second.upload()::toString);
        assertEquals(0, second.upload().sent(), "the second validated against what the first recorded");
        assertEachUploadArrivedOnce();
        assertFalse(notices.isEmpty());
        assertTrue(notices.get(0).startsWith("integration " + INTEGRATION + " is held by another push (the push on "),
                notices.get(0));
        assertTrue(notices.get(0).contains(", pid " + ProcessHandle.current().pid() + ", user "), notices.get(0));
        List<Run> runs = runs();
        assertEquals(2, runs.size(), runs::toString);
        assertEquals(List.of("DONE", "DONE"), runs.stream().map(Run::outcome).toList());
        assertFalse(runs.get(1).started().isBefore(runs.get(0).ended()), "one after the other: " + runs);
    }

    /**
     * Runners that start at once on a new ledger all get it, with one set of tables. Each round is a fresh
     * database; before migrations were taken one gongcrm at a time, about one round in ten refused a runner
     * ("Unable to baseline schema history table ... as it already exists").
     */
    @Test
    void runnersStartingAtOnceOnANewLedgerAllGetIt() throws Exception {
        int rounds = 5;
        int runners = 3;
        ExecutorService pool = Executors.newFixedThreadPool(runners);
        try {
            for (int round = 0; round < rounds; round++) {
                PostgresServer.Database fresh = PostgresServer.database();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> opened = new ArrayList<>();
                for (int runner = 0; runner < runners; runner++) {
                    opened.add(pool.submit(() -> {
                        await(go, "the start");
                        try (Ledger ledger = PostgresLedgers.open(fresh)) {
                            return ledger.integrations().size();
                        }
                    }));
                }
                go.countDown();
                for (Future<Integer> ledger : opened) {
                    assertEquals(0, ledger.get(WAIT_SECONDS, TimeUnit.SECONDS));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A database that holds other tables is not a ledger's: refused before anything is written. It used to
     * be taken for a gongcrm 0.1 ledger, marked as version 1 without its tables, and refused ever after.
     */
    @Test
    void aDatabaseHoldingOtherTablesIsRefusedAndLeftAsItWas() throws Exception {
        try (Connection db = database.connect()) {
            db.createStatement().execute("CREATE TABLE crm_export (id integer)");
        }

        LedgerException refused = assertThrows(LedgerException.class, () -> PostgresLedgers.open(database));

        String message = oneLineWithoutSecrets(refused);
        assertTrue(message.startsWith("ledger " + PostgresLedgers.url(database) + ": the database holds other tables "
                + "(crm_export) and no gongcrm ledger"), message);
        assertTrue(message.contains("CREATE DATABASE"), message);
        try (Connection db = database.connect();
             ResultSet tables = db.createStatement().executeQuery(
                     "SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'")) {
            tables.next();
            assertEquals("crm_export", tables.getString(1));
        }
    }

    @Test
    void aHoldOnOneIntegrationDoesNotBlockAnother() {
        Sleeper noWait = duration -> fail("waited " + duration + " for an integration nobody holds");
        List<String> notices = new ArrayList<>();
        try (Ledger first = PostgresLedgers.open(database); Ledger second = PostgresLedgers.open(database);
             IntegrationHold held = first.hold(INTEGRATION, Duration.ZERO, Clock.systemUTC(), noWait, notices::add)) {
            LedgerException blocked = assertThrows(LedgerException.class,
                    () -> second.hold(INTEGRATION, Duration.ZERO, Clock.systemUTC(), noWait, notices::add));
            assertTrue(blocked.getMessage().startsWith("integration " + INTEGRATION + " is held by another push"),
                    blocked.getMessage());
            try (IntegrationHold other = second.hold(INTEGRATION + 1, Duration.ZERO, Clock.systemUTC(), noWait,
                    notices::add)) {
                assertNotNull(other);
            }
            assertNotNull(held);
        }
        assertEquals(List.of(), notices);
    }

    @Test
    void validationInAThirdFolderResolvesADealsAccountThatTheFirstPushSent() throws Exception {
        assertFalse(push(runner("runner-1"), PushListener.NONE).upload().failed());
        Path deals = TestBundles.copy(TestBundles.VALID, folder.resolve("runner-3"), "deals.ldjson");
        Path dealsOfAnotherAccount = TestBundles.copy(TestBundles.VALID, folder.resolve("runner-4"), "deals.ldjson")
                .resolve("deals.ldjson");
        Files.writeString(dealsOfAnotherAccount, Files.readString(dealsOfAnotherAccount)
                .replace("\"accountId\": \"" + DEALS_ACCOUNT + "\"", "\"accountId\": \"never-pushed\""));

        try (Ledger ledger = Ledger.openReadOnly(PostgresLedgers.location(database),
                PostgresLedgers.environment(database))) {
            assertEquals(List.of(), Push.validate(ledger, request(deals)).findings(),
                    "the account, owner, stage and custom fields of the first push are known");
            // the same check tells an account no push sent: the ledger was asked, not ignored
            List<Finding> unknown = Push.validate(ledger, request(dealsOfAnotherAccount.getParent())).findings();
            assertEquals(List.of("unresolved-reference /accountId"), unknown.stream()
                    .map(finding -> finding.rule() + " " + finding.field()).toList(), unknown::toString);
        }
    }

    @Test
    void aWrongPasswordIsOneLineNamingTheLedgerWithoutThePassword() {
        String wrong = "not-" + database.password();
        LedgerException refused = assertThrows(LedgerException.class, () -> Ledger.open(
                PostgresLedgers.location(database), Map.of(LedgerLocation.PASSWORD_VARIABLE, wrong)));

        String message = oneLineWithoutSecrets(refused, wrong);
        assertTrue(message.startsWith("ledger " + PostgresLedgers.url(database) + ": "), message);
        assertTrue(message.contains("the database refused the user or password"), message);
        assertTrue(message.contains(LedgerLocation.PASSWORD_VARIABLE), "where the password comes from: " + message);
        assertFalse(message.contains("run push again"), "as it is, a push again is refused again: " + message);
    }

    @Test
    void aConnectionCutWhileSendingStopsThePushWithOneLineAndTheNextOneResumes() throws Exception {
        Path bundle = runner("runner-1");
        Runnable cut = once(() -> assertTrue(PostgresServer.shared().terminateConnections(database) > 0));
        // Gong takes the accounts while the ledger's connection is gone: only the next push can learn it did
        LedgerException stopped = assertThrows(LedgerException.class, () -> push(bundle, new PushListener() {
            @Override
            public void bytesSent(PlanStep step, long sent) {
                if (step.type() == ObjectType.ACCOUNT) {
                    cut.run();
                }
            }
        }));

        assertStoppedWithOneLine(stopped);
        resumeAndCheck(bundle);
    }

    @Test
    void aServerRestartWhileGongProcessesStopsThePushWithOneLineAndTheNextOneResumes() throws Exception {
        Path bundle = runner("runner-1");
        Runnable restart = once(() -> PostgresServer.shared().restart());
        LedgerException stopped = assertThrows(LedgerException.class, () -> push(bundle, new PushListener() {
            @Override
            public void polled(PlanStep step, RequestStatus status, Duration waited) {
                if (step.type() == ObjectType.DEAL) {
                    restart.run();
                }
            }
        }));

        assertStoppedWithOneLine(stopped);
        resumeAndCheck(bundle);
    }

    @Test
    void aConnectionCutAfterTheFirstStepStopsThePushWithOneLineAndTheNextOneResumes() throws Exception {
        Path bundle = runner("runner-1");
        Runnable cut = once(() -> assertTrue(PostgresServer.shared().terminateConnections(database) > 0));
        LedgerException stopped = assertThrows(LedgerException.class, () -> push(bundle, new PushListener() {
            @Override
            public void stepEnded(StepOutcome outcome) {
                cut.run();
            }
        }));

        assertStoppedWithOneLine(stopped);
        resumeAndCheck(bundle);
    }

    private void assertStoppedWithOneLine(LedgerException stopped) {
        String message = oneLineWithoutSecrets(stopped);
        assertTrue(message.startsWith("ledger " + PostgresLedgers.url(database) + ": "), message);
        assertTrue(message.endsWith("run the command again to go on where it stopped"), message);
    }

    /** The push after a fault: every upload DONE, each one accepted by Gong once, and nothing in the record shows the password. */
    private void resumeAndCheck(Path bundle) throws Exception {
        Push.Outcome resumed = push(bundle, PushListener.NONE);
        assertFalse(resumed.upload().failed(), resumed.upload()::toString);
        try (Ledger ledger = PostgresLedgers.open(database)) {
            List<StepRecord> steps = ledger.steps(INTEGRATION);
            assertEquals(UPLOADS, steps.size(), steps::toString);
            assertTrue(steps.stream().allMatch(step -> StepRecord.DONE.equals(step.status())), steps::toString);
            assertEachUploadArrivedOnce();
            LedgerSummary summary = ledger.summary();
            assertEquals("ABANDONED", runs().get(0).outcome(), "the run the fault stopped, found by the next push");
            assertFalse(summary.toString().contains(database.password()), "the summary shows the password");
        }
    }

    /** Runs {@code fault} the first time it is run, and never again: the fault hits one push at one point. */
    private static Runnable once(Runnable fault) {
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                fault.run();
            }
        };
    }

    /**
     * The failure as a user sees it: one line. Neither the ledger's password nor any other secret given is
     * in it, nor anywhere in what a log of it could show (its causes, what was suppressed, their stack traces).
     */
    private String oneLineWithoutSecrets(Exception failure, String... secrets) {
        String message = failure.getMessage();
        assertNotNull(message);
        assertFalse(message.contains("\n"), "one line: " + message);
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        List<String> hidden = new ArrayList<>(List.of(secrets));
        hidden.add(database.password());
        for (String secret : hidden) {
            assertFalse(trace.toString().contains(secret), "a password is shown: " + trace);
        }
        return message;
    }

    private record Run(Instant started, Instant ended, String outcome) {
    }

    /** The runs table, oldest first: the public record of who pushed when. */
    private List<Run> runs() throws SQLException {
        List<Run> runs = new ArrayList<>();
        try (Connection db = database.connect();
             ResultSet rows = db.createStatement().executeQuery(
                     "SELECT started_at, ended_at, outcome FROM runs ORDER BY started_at")) {
            while (rows.next()) {
                runs.add(new Run(Instant.parse(rows.getString(1)),
                        rows.getString(2) == null ? null : Instant.parse(rows.getString(2)), rows.getString(3)));
            }
        }
        return runs;
    }

    private static void await(CountDownLatch latch, String what) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("waited " + WAIT_SECONDS + " s for " + what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }
}
