package dev.gongcrm.client.push;

import dev.gongcrm.client.EmulatorClients;
import dev.gongcrm.client.GongCrmClient;
import dev.gongcrm.client.model.GenericCrmRegistrationRequest;
import dev.gongcrm.emulator.Emulator;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.PriorUploads;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What a push leaves in the ledger makes the next bundle's uniqueness checks see Gong's state: a stage's
 * internalName and a user's emailAddress held by another objectId of an earlier push are duplicates, the
 * same objectId sent again is an update. A ledger of the version before addresses were recorded still
 * reads, and is upgraded when a push opens it.
 */
class LedgerUniqueValuesTest {

    private static final long INTEGRATION = Emulator.DEFAULT_INTEGRATION_ID;

    @TempDir
    Path folder;

    private Push.Request request(Path bundle, boolean dryRun) throws Exception {
        return new Push.Request(new BundleScanner(Map.of()).scan(List.of(bundle)), Validator.builder(), "legacy",
                Severity.ERROR, INTEGRATION, Planner.MAX_UPLOAD_BYTES, Duration.ofSeconds(60), dryRun);
    }

    private Path bundle(String name, String stages, String users) throws Exception {
        Path bundle = Files.createDirectory(folder.resolve(name));
        Files.writeString(bundle.resolve("stages.ldjson"), stages);
        Files.writeString(bundle.resolve("users.ldjson"), users);
        return bundle;
    }

    private static String stage(String objectId, String internalName) {
        return "{\"objectId\": \"" + objectId + "\", \"modifiedDate\": \"2024-01-03T23:45:57Z\", \"internalName\": \""
                + internalName + "\", \"name\": \"Discovery\", \"isActive\": true, \"sortOrder\": 1}\n";
    }

    private static String user(String objectId, String email) {
        return "{\"objectId\": \"" + objectId + "\", \"modifiedDate\": \"2024-01-03T23:45:57Z\", \"emailAddress\": \""
                + email + "\"}\n";
    }

    @Test
    void theNextBundleIsCheckedForUniquenessAgainstWhatEarlierPushesSent() throws Exception {
        try (Emulator emulator = Emulator.builder().processingDelay(Duration.ofMillis(20)).build().start();
             GongCrmClient gong = EmulatorClients.of(emulator).build();
             Ledger ledger = Ledger.open(folder.resolve("ledger.db"))) {
            gong.registerIntegration(new GenericCrmRegistrationRequest("Home CRM", "ops@example.com"));
            PushRunner.Settings settings = PushRunner.Settings.defaults().withPollInterval(Duration.ofMillis(10))
                    .withTime(Clock.systemUTC(), duration -> Thread.sleep(Math.min(duration.toMillis(), 20)));
            Push.Outcome monday = Push.run(gong, ledger, request(bundle("monday", stage("s1", "discovery"),
                    user("u1", "jane@example.com")), false), settings, PushListener.NONE);
            assertFalse(monday.validationFailed() || monday.upload().failed(), monday.validation().findings()::toString);

            List<String> tuesday = Push.validate(ledger, request(bundle("tuesday", stage("s2", "discovery"),
                    user("u2", "Jane@Example.com")), true)).findings().stream()
                    .map(f -> f.rule() + " " + f.objectId()).toList();
            assertEquals(List.of("duplicate-stage-name s2", "duplicate-user-email u2"), tuesday);

            assertEquals(List.of(), Push.validate(ledger, request(bundle("wednesday", stage("s1", "discovery"),
                    user("u1", "jane@example.com")), true)).findings(), "the same objects again are updates");
        }
    }

    @Test
    void aVersion1LedgerReadsWithoutAddressesAndAPushUpgradesIt() throws Exception {
        Path file = folder.resolve("v1.db");
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + file); var statement = db.createStatement()) {
            statement.execute("CREATE TABLE steps (integration_id INTEGER NOT NULL, client_request_id TEXT NOT NULL, "
                    + "file TEXT, content_hash TEXT NOT NULL, kind TEXT NOT NULL, object_type TEXT NOT NULL, "
                    + "part INTEGER NOT NULL, bytes INTEGER NOT NULL, objects INTEGER NOT NULL, status TEXT NOT NULL, "
                    + "request_id TEXT, started_at TEXT NOT NULL, accepted_at TEXT, finished_at TEXT, errors TEXT, "
                    + "PRIMARY KEY (integration_id, client_request_id))");
            statement.execute("CREATE TABLE objects (integration_id INTEGER NOT NULL, object_type TEXT NOT NULL, "
                    + "object_id TEXT NOT NULL, reference_key TEXT, modified_date TEXT, is_deleted INTEGER NOT NULL, "
                    + "is_inactive INTEGER NOT NULL, client_request_id TEXT NOT NULL, "
                    + "PRIMARY KEY (integration_id, object_type, object_id))");
            statement.execute("CREATE TABLE schemas (integration_id INTEGER NOT NULL, object_type TEXT NOT NULL, "
                    + "content TEXT NOT NULL, uploaded_at TEXT NOT NULL, PRIMARY KEY (integration_id, object_type))");
            statement.execute("INSERT INTO objects VALUES (" + INTEGRATION + ", 'STAGE', 's1', 'discovery', NULL, 0, 0, "
                    + "'r1')");
            statement.execute("PRAGMA application_id = " + 0x6763726D);
            statement.execute("PRAGMA user_version = 1");
        }
        try (Ledger readOnly = Ledger.openReadOnly(file)) {
            assertEquals(List.of(new PriorUploads.KnownObject("s1", "discovery", false, false,
                    Map.of("internalName", "discovery"))), known(readOnly));
        }
        try (Ledger upgraded = Ledger.open(file)) {
            assertEquals(1, known(upgraded).size());
        }
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + file); var statement = db.createStatement();
             var version = statement.executeQuery("PRAGMA user_version")) {
            version.next();
            assertEquals(Ledger.VERSION, version.getInt(1));
            statement.executeQuery("SELECT email_address FROM objects").close();
        }
    }

    private static List<PriorUploads.KnownObject> known(Ledger ledger) {
        List<PriorUploads.KnownObject> known = new ArrayList<>();
        ledger.priorUploads(INTEGRATION).forEachObject(ObjectType.STAGE, known::add);
        return known;
    }
}
