package dev.gongcrm.cli;

import dev.gongcrm.client.EmulatorClients;
import dev.gongcrm.client.GongCrmClient;
import dev.gongcrm.client.model.GenericCrmRegistrationRequest;
import dev.gongcrm.client.push.TestBundles;
import dev.gongcrm.emulator.Emulator;
import dev.gongcrm.validator.ObjectType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real {@code gongcrm push} process killed with SIGKILL at a point the ledger shows it has reached,
 * then run again: the same end state, and every request sent once. The points are states, not times:
 * the emulator's processing delay and the settle wait keep the process there until it is killed.
 * One behaviour, two stores: {@link SqliteKilledPushTest} and {@link PostgresKilledPushTest}.
 */
abstract class KilledPushTest {

    private static final long INTEGRATION = Emulator.DEFAULT_INTEGRATION_ID;
    private static final long PROCESS_TIMEOUT_SECONDS = 120;

    @TempDir
    Path folder;

    private Emulator emulator;
    private Path bundle;
    /** The test's own connection to the ledger, kept while the pushes run; null until the ledger exists. */
    private Connection reader;

    /** What {@code --ledger} names. */
    abstract String ledger();

    /** What the push process needs besides Gong's credentials to open the ledger (its password). */
    abstract Map<String, String> ledgerEnvironment();

    /** A connection to read the ledger, or null while there is none to read. */
    abstract Connection connect() throws SQLException;

    /** The column that orders the steps table's rows as they were inserted. */
    abstract String insertionOrder();

    @BeforeEach
    void start() throws Exception {
        emulator = Emulator.builder().processingDelay(Duration.ofSeconds(1)).build().start();
        try (GongCrmClient gong = client()) {
            gong.registerIntegration(new GenericCrmRegistrationRequest("Home CRM", "ops@example.com"));
        }
        bundle = TestBundles.copy(TestBundles.VALID, folder.resolve("bundle"));
    }

    @AfterEach
    void stop() throws SQLException {
        if (reader != null) {
            reader.close();
        }
        emulator.close();
    }

    private GongCrmClient client() {
        return EmulatorClients.of(emulator).build();
    }

    private Process push(String settle, String log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                GongCrm.class.getName(), "push", bundle.toString(), "--ledger", ledger(), "--settle", settle,
                // a lock the killed push left would fail the resumed one with its own line, not time the test out
                "--lock-timeout", "60s", "--poll-interval", "50ms", "--calls-per-second", "0")
                .redirectErrorStream(true).redirectOutput(folder.resolve(log).toFile());
        Map<String, String> environment = builder.environment();
        environment.put("GONG_BASE_URL", emulator.baseUrl());
        environment.put("GONG_ACCESS_KEY", emulator.accessKey());
        environment.put("GONG_ACCESS_KEY_SECRET", emulator.accessKeySecret());
        environment.putAll(ledgerEnvironment());
        return builder.start();
    }

    /** The ledger's requests as "TYPE STATUS", oldest first; read while the push runs, empty before it writes. */
    private List<String> steps() {
        List<String> steps = new ArrayList<>();
        try {
            read("SELECT object_type, status FROM steps ORDER BY started_at, " + insertionOrder(),
                    rows -> steps.add(rows.getString(1) + " " + rows.getString(2)));
        } catch (SQLException notYetCreated) {
            return List.of();
        }
        return steps;
    }

    private List<String> column(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        read(sql, rows -> values.add(rows.getString(1)));
        return values;
    }

    private interface Row {
        void read(ResultSet rows) throws SQLException;
    }

    private void read(String sql, Row row) throws SQLException {
        if (reader == null) {
            reader = connect();
            if (reader == null) {
                return;
            }
        }
        try (Statement statement = reader.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                row.read(rows);
            }
        }
    }

    private void killWhen(Process push, String log, Predicate<List<String>> reached) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROCESS_TIMEOUT_SECONDS);
        while (!reached.test(steps())) {
            if (!push.isAlive()) {
                fail("the push ended before the point to kill it at; ledger " + steps() + "; output:\n"
                        + Files.readString(folder.resolve(log)));
            }
            if (System.nanoTime() > deadline) {
                push.destroyForcibly();
                fail("the push never reached the point to kill it at; ledger " + steps());
            }
            Thread.sleep(10);
        }
        push.destroyForcibly(); // SIGKILL: no shutdown hook, no last write
        assertTrue(push.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    private void resumeAndCheck(String log) throws Exception {
        Process resumed = push("0s", log);
        assertTrue(resumed.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS), "the resumed push ended");
        String output = Files.readString(folder.resolve(log));
        assertEquals(0, resumed.exitValue(), output);
        List<String> steps = steps();
        assertEquals(8, steps.size(), "one request per file, none twice: " + steps);
        assertTrue(steps.stream().allMatch(s -> s.endsWith(" DONE")), steps::toString);
        assertEquals(8, column("SELECT client_request_id FROM steps").stream().distinct().count());
        assertEquals(List.of("ABANDONED", "DONE"), column("SELECT outcome FROM runs ORDER BY started_at"),
                "the killed push, as the resumed one found it, then the resumed one");
        List<String> accepted = emulator.arrivals().stream().filter(a -> !a.startsWith("schema")).toList();
        assertEquals(6, accepted.size(), "Gong accepted each entity file once: " + accepted);
        try (GongCrmClient gong = client()) {
            assertNotNull(gong.getObjects(List.of("8608553"), INTEGRATION, ObjectType.DEAL).crmObjectsMap()
                    .get("8608553"));
            assertNotNull(gong.getObjects(List.of("4v5bt54t553"), INTEGRATION, ObjectType.LEAD).crmObjectsMap()
                    .get("4v5bt54t553"));
        }
    }

    @Test
    void killedWhileGongProcessesAnUploadTheResumedPushPollsIt() throws Exception {
        Process push = push("0s", "first.log");
        killWhen(push, "first.log", steps -> steps.contains("STAGE ACCEPTED"));
        assertEquals(List.of("ACCOUNT DONE", "DEAL DONE", "STAGE ACCEPTED"), steps());
        resumeAndCheck("resumed.log");
        assertTrue(Files.readString(folder.resolve("resumed.log")).contains("stages.ldjson: resuming, already sent"));
    }

    @Test
    void killedBetweenStepsTheResumedPushGoesOnWithTheNextOne() throws Exception {
        Process push = push("60s", "first.log");
        // schema, schema, stages, users, accounts: then the settle wait of 60 s
        killWhen(push, "first.log", steps -> steps.size() == 5 && steps.get(4).equals("ACCOUNT DONE"));
        assertEquals(5, steps().size());
        resumeAndCheck("resumed.log");
    }

    @Test
    void killedWhileSendingTheResumedPushSendsUnderTheSameIdOnce() throws Exception {
        // every answer takes half a second: the push sits in SENDING long enough to be caught there
        emulator.faults().next(1000, dev.gongcrm.emulator.Fault.delay(Duration.ofMillis(500)));
        Process push = push("0s", "first.log");
        killWhen(push, "first.log", steps -> steps.contains("STAGE SENDING"));
        emulator.faults().clear();
        resumeAndCheck("resumed.log");
        assertTrue(Files.readString(folder.resolve("resumed.log")).contains("stages.ldjson: resuming, send again"));
    }
}
