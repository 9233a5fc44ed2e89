package dev.gongcrm.client.push;

import dev.gongcrm.client.EmulatorClients;
import dev.gongcrm.client.GongCrmClient;
import dev.gongcrm.client.model.GenericCrmRegistrationRequest;
import dev.gongcrm.emulator.Emulator;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleScanner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bundle's {@code /map/users} file is pushed, never dropped: in the legacy profile it is uploaded
 * after the schemas and before the first object, polled like an upload and recorded in the ledger; the
 * current profile has no such endpoint, so the push stops before anything is sent.
 */
class UserMappingPushTest {

    private static final long INTEGRATION = Emulator.DEFAULT_INTEGRATION_ID;
    private static final Path VALID = TestBundles.VALID;
    private static final String MAP_USERS = "/v2/crm/map/users?";

    @TempDir
    Path folder;

    private final List<String> debug = Collections.synchronizedList(new ArrayList<>());
    private Emulator emulator;
    private GongCrmClient gong;
    private Ledger ledger;
    private Path bundle;

    @BeforeEach
    void start() throws Exception {
        emulator = Emulator.builder().processingDelay(Duration.ofMillis(20)).build().start();
        gong = EmulatorClients.of(emulator).debug(debug::add).build();
        gong.registerIntegration(new GenericCrmRegistrationRequest("Home CRM", "ops@example.com"));
        ledger = Ledger.open(folder.resolve("ledger.db"));
        bundle = TestBundles.copy(VALID, folder.resolve("bundle"));
        Files.write(bundle.resolve("user-mapping.ldjson"), List.of(
                "{\"crmUserId\": \"crm-7\", \"emailAddress\": \"seven@example.com\"}",
                "{\"crmUserId\": \"crm-8\", \"isDeleted\": true}"));
    }

    @AfterEach
    void stop() {
        ledger.close();
        gong.close();
        emulator.close();
    }

    private Push.Outcome push(String profile, Severity failLevel, boolean dryRun) throws Exception {
        return push(profile, failLevel, dryRun, Set.of());
    }

    private Push.Outcome push(String profile, Severity failLevel, boolean dryRun, Set<ObjectType> deleteMissing)
            throws Exception {
        Push.Request request = new Push.Request(new BundleScanner(Map.of()).scan(List.of(bundle)), Validator.builder(),
                profile, failLevel, INTEGRATION, Planner.MAX_UPLOAD_BYTES, Duration.ZERO, dryRun, deleteMissing, null);
        return Push.run(gong, ledger, request, PushRunner.Settings.defaults().withPollInterval(Duration.ofMillis(10)),
                PushListener.NONE);
    }

    /** The paths of the uploads the client sent, in order. */
    private List<String> posts() {
        return debug.stream().filter(line -> line.startsWith("-> POST ")).map(line -> line.substring(
                ("-> POST " + emulator.baseUrl()).length()).replaceAll("\\?.*", "")).toList();
    }

    @Test
    void theMappingIsUploadedAfterTheSchemasAndBeforeTheFirstObjectAndAwaitedUntilDone() throws Exception {
        Push.Outcome outcome = push("legacy", Severity.ERROR, false);

        assertFalse(outcome.validationFailed(), outcome.validation().findings().toString());
        assertFalse(outcome.upload().failed(), outcome.upload().findings().toString());
        assertEquals(List.of("/v2/crm/object/schema", "/v2/crm/object/schema", "/v2/crm/map/users",
                "/v2/crm/object/entities"), posts().subList(0, 4), posts().toString());
        StepOutcome mapping = outcome.upload().steps().get(2);
        assertEquals(PlanStep.Kind.USER_MAPPING, mapping.step().kind());
        assertEquals(StepRecord.DONE, mapping.status());
        assertTrue(mapping.clientRequestId().startsWith("gongcrm-business-user-mapping-"), mapping.clientRequestId());
        assertEquals(StepRecord.DONE, ledger.step(INTEGRATION, mapping.clientRequestId()).orElseThrow().status());
        assertTrue(debug.stream().anyMatch(line -> line.contains("/v2/crm/request-status?clientRequestId="
                + mapping.clientRequestId())), "polled until Gong processed it");
    }

    /** A later bundle without the mapping file may still refer to its users: the ledger knows them as BUSINESS_USERs. */
    @Test
    void theLedgerKnowsTheMappedUsersForLaterValidation() throws Exception {
        push("legacy", Severity.ERROR, false);

        List<String> users = new ArrayList<>();
        ledger.priorUploads(INTEGRATION).forEachObject(dev.gongcrm.validator.ObjectType.BUSINESS_USER,
                user -> users.add(user.objectId() + (user.deleted() ? " deleted" : "")));
        assertTrue(users.containsAll(List.of("crm-7", "crm-8 deleted")), users.toString());
    }

    @Test
    void aMappingIsNeverSentTwiceAndAChangedOneIsSentOnce() throws Exception {
        push("legacy", Severity.ERROR, false);
        Push.Outcome again = push("legacy", Severity.ERROR, false);

        assertEquals(0, again.upload().sent());
        assertEquals(1, posts().stream().filter("/v2/crm/map/users"::equals).count());

        Files.writeString(bundle.resolve("user-mapping.ldjson"),
                "{\"crmUserId\": \"crm-9\", \"emailAddress\": \"nine@example.com\"}\n");
        Push.Outcome changed = push("legacy", Severity.ERROR, false);

        assertEquals(1, changed.upload().sent(), "only the changed mapping");
        assertEquals(2, posts().stream().filter("/v2/crm/map/users"::equals).count());
    }

    /**
     * The mapped users are BUSINESS_USERs in Gong, but the mapping file has them, not the users file:
     * they are not missing from the export, and --delete-missing BUSINESS_USER must not delete them.
     */
    @Test
    void mappedUsersAreNotMissingFromTheUsersFileNorDeletedWithIt() throws Exception {
        push("legacy", Severity.ERROR, false);
        int before = emulator.arrivals().size();

        Push.Outcome again = push("legacy", Severity.ERROR, false, Set.of(ObjectType.BUSINESS_USER));

        assertFalse(again.upload().failed(), again.upload().findings().toString());
        assertEquals(0, again.counts().get(ObjectType.BUSINESS_USER).missing(), again.counts().toString());
        assertEquals(0, again.counts().get(ObjectType.BUSINESS_USER).deleted());
        assertEquals(List.of(), emulator.arrivals().subList(before, emulator.arrivals().size()),
                "no deletion of the mapped user crm-7");
    }

    @Test
    void aMappingGongAcceptedBeforeACrashIsPolledNotSentAgain() throws Exception {
        PlanStep step = new Planner(INTEGRATION, Planner.MAX_UPLOAD_BYTES, Duration.ZERO)
                .plan(new BundleScanner(Map.of()).scan(List.of(bundle.resolve("user-mapping.ldjson")))).get(0);
        ledger.sending(INTEGRATION, step, step.clientRequestId(), Instant.now());
        String requestId = gong.legacy().mapUsers(step.file(), step.clientRequestId(), INTEGRATION, sent -> { })
                .data().requestId();
        ledger.accepted(INTEGRATION, step.clientRequestId(), requestId, Instant.now());

        assertEquals(StepAction.Kind.POLL, PushRunner.decide(ledger, INTEGRATION, step, false).kind());
        Push.Outcome resumed = push("legacy", Severity.ERROR, false);

        assertFalse(resumed.upload().failed(), resumed.upload().findings().toString());
        assertEquals(1, posts().stream().filter("/v2/crm/map/users"::equals).count(), posts().toString());
        assertEquals(StepRecord.DONE, ledger.step(INTEGRATION, step.clientRequestId()).orElseThrow().status());
    }

    @Test
    void gongsLineErrorsForAMappingAreFindingsAtTheLinesOfTheFile() throws Exception {
        Files.writeString(bundle.resolve("user-mapping.ldjson"), "{\"crmUserId\": \"crm-7\"}\n");

        Push.Outcome outcome = push("legacy", null, false);

        assertTrue(outcome.upload().failed());
        assertEquals("user-mapping.ldjson:1", outcome.upload().findings().stream()
                .map(f -> Path.of(f.file()).getFileName() + ":" + f.line()).findFirst().orElseThrow());
        assertTrue(posts().stream().noneMatch("/v2/crm/object/entities"::equals), "no object after a FAILED mapping");
    }

    @Test
    void theCurrentProfileStopsAMappingFileBeforeAnythingIsSentEvenInADryRun() throws Exception {
        for (boolean dryRun : new boolean[] {true, false}) {
            PushException stopped = assertThrows(PushException.class, () -> push("current", null, dryRun));

            assertEquals(bundle.resolve("user-mapping.ldjson") + ": a user mapping file, but the current API has no "
                    + "/v2/crm/map/users; nothing was sent: upload the users as BUSINESS_USER objects (objectId, "
                    + "emailAddress...), or push with the legacy profile", stopped.getMessage());
        }
        assertEquals(List.of(), posts());
        assertTrue(emulator.arrivals().isEmpty());
    }

    @Test
    void theCurrentClientRefusesTheCallItself() {
        UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class, () -> gong.current()
                .mapUsers(bundle.resolve("user-mapping.ldjson"), "map-1", INTEGRATION, sent -> { }));
        assertTrue(refused.getMessage().contains("no /v2/crm/map/users"), refused.getMessage());
        assertEquals(List.of(), posts());
    }
}
