package dev.gongcrm.maven;

import dev.gongcrm.client.Credentials;
import dev.gongcrm.client.GongCrmClient;
import dev.gongcrm.client.ledger.LedgerLocation;
import dev.gongcrm.client.push.PostgresLedgers;
import dev.gongcrm.client.push.PostgresServer;
import dev.gongcrm.client.model.GenericCrmRegistrationRequest;
import dev.gongcrm.emulator.Emulator;
import dev.gongcrm.validator.ObjectType;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The upload goal's own logic: credentials, durations, and Gong rejecting what local validation let through. */
@MojoTest
class UploadMojoTest {

    private static final String POM = "src/test/resources/unit/upload/pom.xml";

    @TempDir
    Path folder;

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    void missingCredentialsSayWhatToAddAndNothingIsCreated(UploadMojo mojo) throws Exception {
        mojo.environment = Map.of();
        mojo.settings = new Settings();
        mojo.basedir = folder.toFile();
        mojo.ledger = folder.resolve(".gongcrm/ledger.db").toString();
        Files.createDirectories(folder.resolve("src/main/gongcrm"));
        Files.writeString(folder.resolve("src/main/gongcrm/accounts.ldjson"),
                "{\"objectId\": \"a1\", \"modifiedDate\": \"2024-01-01T00:00:00Z\", \"name\": \"A\"}\n");
        MojoExecutionException missing = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(missing.getMessage().contains("<server><id>gongcrm</id><username>ACCESS_KEY</username>"
                + "<password>ACCESS_KEY_SECRET</password></server>"), missing.getMessage());
        assertTrue(missing.getMessage().contains("GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET"), missing.getMessage());
        assertFalse(Files.exists(folder.resolve(".gongcrm")), "no ledger before there are credentials");
    }

    /** gongcrm:upload with a PostgreSQL ledger, its password from the settings.xml server: a second run sends nothing. */
    @Test
    @InjectMojo(goal = "upload", pom = POM)
    void aPostgresLedgerNamedByUrlRecordsTheUpload(UploadMojo mojo) throws Exception {
        Path data = Files.createDirectories(folder.resolve("src/main/gongcrm"));
        Files.writeString(data.resolve("accounts.ldjson"), "{\"objectId\": \"a1\", \"modifiedDate\": "
                + "\"2024-01-01T00:00:00Z\", \"name\": \"Good\", \"domains\": [\"good.example.com\"]}\n");
        PostgresServer.Database database = PostgresServer.database();
        try (Emulator gong = Emulator.builder().port(0).processingDelay(Duration.ofMillis(20)).build().start();
             GongCrmClient client = GongCrmClient.builder().baseUrl(gong.baseUrl())
                     .credentials(Credentials.basic("gongcrm", "gongcrm")).build()) {
            client.registerIntegration(new GenericCrmRegistrationRequest("test", "owner@example.com"));
            mojo.basedir = folder.toFile();
            mojo.ledger = PostgresLedgers.url(database);
            mojo.outputDirectory = folder.resolve("target/gongcrm").toFile();
            mojo.baseUrl = gong.baseUrl();
            mojo.environment = Map.of("GONG_ACCESS_KEY", "gongcrm", "GONG_ACCESS_KEY_SECRET", "gongcrm");
            mojo.settings = new Settings();
            Server ledgerServer = new Server();
            ledgerServer.setId("gongcrm-ledger");
            ledgerServer.setPassword(database.password());
            mojo.settings.addServer(ledgerServer);
            RecordingLog log = new RecordingLog();
            mojo.setLog(log);

            mojo.execute();
            assertTrue(log.infos.stream().anyMatch(l -> l.startsWith("gongcrm: pushed 1 upload(s)")), log.infos::toString);
            mojo.execute();
            assertTrue(log.infos.contains("gongcrm: nothing to send: every object is in Gong as it is here "
                    + "(-Dgongcrm.force=true sends everything again)"), log.infos::toString);
            assertFalse(Files.exists(folder.resolve(".gongcrm")), "no file ledger beside the shared one");
            assertTrue(log.infos.stream().noneMatch(l -> l.contains(database.password())));
        }
    }

    /** The ledger: the parameter (a file relative to the project, or a URL), else gongcrm.json's, else the default. */
    @Test
    @InjectMojo(goal = "upload", pom = POM)
    void theLedgerIsAFileOrAUrlAndAUrlNeverHoldsItsPassword(UploadMojo mojo) throws Exception {
        mojo.basedir = folder.toFile();
        mojo.ledger = null;
        assertEquals(new LedgerLocation.SqliteFile(folder.resolve(".gongcrm/ledger.db")), mojo.ledgerLocation());
        mojo.ledger = "ledgers/night.db";
        assertEquals(new LedgerLocation.SqliteFile(folder.resolve("ledgers/night.db")), mojo.ledgerLocation());
        mojo.ledger = "postgresql://ci@db.example.com:5432/gongcrm";
        assertEquals("postgresql://ci@db.example.com:5432/gongcrm", mojo.ledgerLocation().describe());
        mojo.ledger = "postgresql://ci:hunter2-pass@db.example.com/gongcrm";
        MojoExecutionException inUrl = assertThrows(MojoExecutionException.class, mojo::ledgerLocation);
        assertTrue(inUrl.getMessage().contains("GONGCRM_LEDGER_PASSWORD"), inUrl.getMessage());
        assertFalse(inUrl.getMessage().contains("hunter2"), inUrl.getMessage());
    }

    /** A PostgreSQL ledger's password (and user) come from the settings.xml server, over the environment's. */
    @Test
    @InjectMojo(goal = "upload", pom = POM)
    void theLedgersPasswordComesFromItsServerInTheSettings(UploadMojo mojo) throws Exception {
        mojo.settings = new Settings();
        mojo.environment = Map.of("GONGCRM_LEDGER_PASSWORD", "from-env", "HOME", folder.toString());
        assertEquals("from-env", mojo.ledgerEnvironment().get("GONGCRM_LEDGER_PASSWORD"));

        Server ledgerServer = new Server();
        ledgerServer.setId("gongcrm-ledger");
        ledgerServer.setUsername("ci");
        ledgerServer.setPassword("from-settings");
        mojo.settings.addServer(ledgerServer);
        Map<String, String> environment = mojo.ledgerEnvironment();
        assertEquals("from-settings", environment.get("GONGCRM_LEDGER_PASSWORD"));
        assertEquals("ci", environment.get("PGUSER"));
        LedgerLocation.Postgres ledger = (LedgerLocation.Postgres) LedgerLocation.parse(
                "postgresql://db.example.com/gongcrm", null);
        assertEquals("ci", ledger.user(environment));
        assertEquals("from-settings", ledger.password(environment).orElseThrow());
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    void credentialsComeFromTheServerElseTheEnvironmentAndAreNeverShown(UploadMojo mojo) throws Exception {
        mojo.settings = new Settings();
        mojo.environment = Map.of("GONG_BEARER_TOKEN", "token-from-env");
        assertEquals("Bearer[redacted]", mojo.credentials().toString());

        Server halfDone = new Server();
        halfDone.setId("gongcrm");
        halfDone.setUsername("key-in-settings");
        mojo.settings.addServer(halfDone);
        MojoExecutionException incomplete = assertThrows(MojoExecutionException.class, mojo::credentials);
        assertTrue(incomplete.getMessage().contains("needs <username> (the Gong access key) and <password>"),
                incomplete.getMessage());
        assertFalse(incomplete.getMessage().contains("key-in-settings"));

        halfDone.setPassword("secret-in-settings");
        assertEquals("Basic[redacted]", mojo.credentials().toString(), "the server wins over the environment");
        mojo.serverId = "elsewhere";
        assertEquals("Bearer[redacted]", mojo.credentials().toString());
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    void aReportOverTheLedgerStopsTheGoalBeforeTheLedgerIsOpened(UploadMojo mojo) throws Exception {
        Path data = Files.createDirectories(folder.resolve("src/main/gongcrm"));
        Files.writeString(data.resolve("accounts.ldjson"),
                "{\"objectId\": \"a1\", \"modifiedDate\": \"2024-01-01T00:00:00Z\", \"name\": \"A\"}\n");
        Path reports = folder.resolve("target/gongcrm");
        mojo.basedir = folder.toFile();
        mojo.environment = Map.of();
        mojo.settings = new Settings();
        mojo.integrationId = 7L;
        mojo.dryRun = true;
        mojo.outputDirectory = reports.toFile();
        mojo.formats = List.of("csv");
        mojo.ledger = reports.resolve("gongcrm.csv").toString();

        MojoExecutionException refused = assertThrows(MojoExecutionException.class, mojo::execute);

        assertEquals("Invalid gongcrm configuration: the csv report '" + reports.resolve("gongcrm.csv") + "' would "
                + "overwrite the ledger '" + reports.resolve("gongcrm.csv") + "'; set another outputDirectory",
                refused.getMessage());
        assertFalse(Files.exists(reports), "neither the ledger nor a report was written");
    }

    @Test
    void durationsAreWrittenAsPeopleWriteThem() throws Exception {
        assertEquals(Duration.ofSeconds(60), UploadMojo.duration("60s", "settle"));
        assertEquals(Duration.ofMinutes(2), UploadMojo.duration("2m", "settle"));
        assertEquals(Duration.ZERO, UploadMojo.duration("0s", "settle"));
        assertEquals(Duration.ofMillis(500), UploadMojo.duration("500ms", "settle"));
        assertEquals(Duration.ofHours(1), UploadMojo.duration(" 1H ", "timeout"));
        assertEquals("60s", dev.gongcrm.validator.time.Durations.format(Duration.ofMillis(59_412)));
        assertEquals("500ms", dev.gongcrm.validator.time.Durations.format(Duration.ofMillis(500)));
        assertEquals("0s", dev.gongcrm.validator.time.Durations.format(Duration.ZERO));
        MojoExecutionException bad = assertThrows(MojoExecutionException.class,
                () -> UploadMojo.duration("soon", "timeout"));
        assertEquals("Invalid gongcrm configuration: timeout: 'soon' is not a duration; write e.g. 60s, 2m, 1h "
                + "or 500ms", bad.getMessage());
    }

    @Test
    @InjectMojo(goal = "upload", pom = POM)
    void gongRejectingALineFailsTheBuildWithItsErrorAtTheLineOfTheFile(UploadMojo mojo) throws Exception {
        // local validation runs url-format only (see the POM): the wrong type of line 2 reaches Gong, which rejects it
        Path data = Files.createDirectories(folder.resolve("src/main/gongcrm"));
        Files.writeString(data.resolve("accounts.ldjson"),
                "{\"objectId\": \"a1\", \"modifiedDate\": \"2024-01-01T00:00:00Z\", \"name\": \"Good\", "
                        + "\"domains\": [\"good.example.com\"]}\n"
                        + "{\"objectId\": \"a2\", \"modifiedDate\": \"2024-01-02T00:00:00Z\", \"name\": 42, "
                        + "\"domains\": [\"bad.example.com\"]}\n");
        try (Emulator gong = Emulator.builder().port(0).processingDelay(Duration.ofMillis(20)).build().start();
             GongCrmClient client = GongCrmClient.builder().baseUrl(gong.baseUrl())
                     .credentials(Credentials.basic("gongcrm", "gongcrm")).build()) {
            client.registerIntegration(new GenericCrmRegistrationRequest("test", "owner@example.com"));
            mojo.basedir = folder.toFile();
            mojo.ledger = folder.resolve(".gongcrm/ledger.db").toString();
            mojo.outputDirectory = folder.resolve("target/gongcrm").toFile();
            mojo.baseUrl = gong.baseUrl();
            mojo.environment = Map.of("GONG_ACCESS_KEY", "gongcrm", "GONG_ACCESS_KEY_SECRET", "gongcrm");
            RecordingLog log = new RecordingLog();
            mojo.setLog(log);

            mojo.dryRun = true;
            mojo.execute();
            String planned = "  1. ACCOUNT src" + File.separator + "main" + File.separator + "gongcrm" + File.separator
                    + "accounts.ldjson (2 objects, ";
            assertTrue(log.infos.stream().anyMatch(l -> l.startsWith(planned)
                    && l.contains(" B): send as gongcrm-account-")), log.infos.toString());
            assertTrue(log.infos.contains("Dry run: nothing was sent."));
            assertNull(client.getObjects(List.of("a1"), Emulator.DEFAULT_INTEGRATION_ID, ObjectType.ACCOUNT)
                    .crmObjectsMap().get("a1"));

            mojo.dryRun = false;
            MojoFailureException rejected = assertThrows(MojoFailureException.class, mojo::execute);
            assertTrue(rejected.getMessage().startsWith("Gong rejected an upload"), rejected.getMessage());
            String file = data.resolve("accounts.ldjson").toString();
            assertTrue(log.errors.stream().anyMatch(l -> l.startsWith(file + ":2: [upload-failed] ")),
                    log.errors.toString());
            String failed = "[1/1] src" + File.separator + "main" + File.separator + "gongcrm" + File.separator
                    + "accounts.ldjson: FAILED as ";
            assertTrue(log.errors.stream().anyMatch(l -> l.startsWith(failed)), log.errors.toString());
            var stored = client.getObjects(List.of("a1", "a2"), Emulator.DEFAULT_INTEGRATION_ID, ObjectType.ACCOUNT)
                    .crmObjectsMap();
            assertEquals("Good", stored.get("a1").path("name").asString());
            assertNull(stored.get("a2"));
            assertTrue(Files.isRegularFile(folder.resolve(".gongcrm/ledger.db")));

            Files.writeString(data.resolve("accounts.ldjson"),
                    "{\"objectId\": \"a1\", \"modifiedDate\": \"2024-01-01T00:00:00Z\", \"name\": \"Good\", "
                            + "\"domains\": [\"good.example.com\"]}\n"
                            + "{\"objectId\": \"a2\", \"modifiedDate\": \"2024-01-02T00:00:00Z\", \"name\": \"Fixed\", "
                            + "\"domains\": [\"bad.example.com\"]}\n");
            mojo.results = folder.resolve("target/results.csv").toFile();
            mojo.execute();
            assertTrue(log.infos.contains("  ACCOUNT               2         0         1         1         0         0"
                    + "         0      108 B       1"), log.infos::toString);
            List<String> rows = Files.readAllLines(mojo.results.toPath());
            assertEquals(List.of("ACCOUNT,a1," + file + ",1,unchanged,STORED,", "ACCOUNT,a2," + file + ",2,sent,STORED,"),
                    rows.subList(1, rows.size()));

            Files.writeString(data.resolve("accounts.ldjson"), Files.readAllLines(data.resolve("accounts.ldjson"))
                    .get(1) + "\n");
            mojo.execute();
            assertTrue(log.infos.contains("1 account is in Gong but not in this export (-Dgongcrm.deleteMissing=ACCOUNT "
                    + "sends them with isDeleted)"), log.infos::toString);
            assertEquals("Good", client.getObjects(List.of("a1"), Emulator.DEFAULT_INTEGRATION_ID, ObjectType.ACCOUNT)
                    .crmObjectsMap().get("a1").path("name").asString());
            mojo.deleteMissing = List.of("account");
            mojo.execute();
            assertNull(client.getObjects(List.of("a1"), Emulator.DEFAULT_INTEGRATION_ID, ObjectType.ACCOUNT)
                    .crmObjectsMap().get("a1"), "deleted with the fields Gong needs of an account");
        }
    }

    /** Keeps what the goal logs at info and error level. */
    private static java.util.Set<Thread> watchdogs() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().equals("gongcrm-watchdog"))
                .collect(java.util.stream.Collectors.toSet());
    }

    /**
     * The API client is made before the ledger's settings.xml server is read: when that fails (a password
     * that cannot be decrypted), the goal must still close the client. In a long-lived Maven (mvnd, an IDE)
     * each such run otherwise leaves a gongcrm-watchdog thread ticking and a connection pool behind.
     */
    @Test
    @InjectMojo(goal = "upload", pom = POM)
    void theClientIsClosedWhenTheLedgersServerCannotBeDecrypted(UploadMojo mojo) throws Exception {
        Files.createDirectories(folder.resolve("src/main/gongcrm"));
        Files.writeString(folder.resolve("src/main/gongcrm/accounts.ldjson"),
                "{\"objectId\": \"a1\", \"modifiedDate\": \"2024-01-01T00:00:00Z\", \"name\": \"A\"}\n");
        mojo.basedir = folder.toFile();
        mojo.ledger = folder.resolve(".gongcrm/ledger.db").toString();
        mojo.outputDirectory = folder.resolve("target/gongcrm").toFile();
        mojo.baseUrl = "http://127.0.0.1:9";
        mojo.environment = Map.of("GONG_ACCESS_KEY", "key", "GONG_ACCESS_KEY_SECRET", "secret");
        mojo.settings = new Settings();
        Server ledgerServer = new Server();
        ledgerServer.setId("gongcrm-ledger");
        ledgerServer.setPassword("{not-what-mvn-encrypt-password-writes}");
        mojo.settings.addServer(ledgerServer);
        java.util.Set<Thread> before = watchdogs();

        MojoExecutionException undecryptable = assertThrows(MojoExecutionException.class, mojo::execute);

        assertTrue(undecryptable.getMessage().contains("gongcrm-ledger"), undecryptable.getMessage());
        java.util.Set<Thread> left = watchdogs();
        for (int i = 0; i < 20 && !left.isEmpty(); i++) {
            Thread.sleep(100); // a closed client's thread ends shortly after
            left = watchdogs();
            left.removeAll(before);
        }
        left.removeAll(before);
        assertEquals(java.util.Set.of(), left, "a client was made and never closed");
    }

    private static final class RecordingLog extends SystemStreamLog {
        final List<String> infos = new java.util.ArrayList<>();
        final List<String> errors = new java.util.ArrayList<>();

        @Override
        public void info(CharSequence content) {
            infos.add(content.toString());
            super.info(content);
        }

        @Override
        public void error(CharSequence content) {
            errors.add(content.toString());
            super.error(content);
        }
    }
}
