package dev.gongcrm.client.push;

import dev.gongcrm.client.EmulatorClients;
import dev.gongcrm.client.GongApiException;
import dev.gongcrm.client.GongCrmClient;
import dev.gongcrm.client.model.GenericCrmRegistrationRequest;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a push must never lose: a file rewritten while the push runs is not uploaded as if it were the
 * validated one (and its original is not skipped later as "already uploaded"), and a 409 for a
 * clientRequestId this ledger never sent is not taken for an upload of this content.
 */
class NothingLostTest {

    private static final long INTEGRATION = Emulator.DEFAULT_INTEGRATION_ID;
    private static final Path VALID = TestBundles.VALID;
    private static final String CONTACT_ID = "5zbwd7n5n65";
    private static final String EDITED_ID = "5zbwd7n5n66";

    @TempDir
    Path folder;

    private Emulator emulator;
    private GongCrmClient gong;
    private Ledger ledger;
    private Runnable duringSettle = () -> { };
    private Runnable duringPoll = () -> { };

    @BeforeEach
    void start() {
        emulator = Emulator.builder().processingDelay(Duration.ofMillis(20)).build().start();
        gong = EmulatorClients.of(emulator).build();
        gong.registerIntegration(new GenericCrmRegistrationRequest("Home CRM", "ops@example.com"));
        ledger = Ledger.open(folder.resolve("ledger.db"));
    }

    @AfterEach
    void stop() {
        ledger.close();
        gong.close();
        emulator.close();
    }

    /** Polls really wait a little; the settle wait runs {@link #duringSettle} instead of waiting a minute. */
    private PushRunner.Settings settings() {
        return PushRunner.Settings.defaults().withPollInterval(Duration.ofMillis(10)).withTime(Clock.systemUTC(),
                duration -> {
                    if (duration.compareTo(Duration.ofSeconds(30)) > 0) {
                        duringSettle.run();
                    } else {
                        Thread.sleep(Math.min(duration.toMillis(), 20));
                    }
                });
    }

    /**
     * Runs {@link #duringPoll} as each answer of request-status comes, the last one too, before the push
     * records it: whether Gong is still processing at the first poll is up to the machine's speed.
     */
    private final PushListener pollListener = new PushListener() {
        @Override
        public void polled(PlanStep step, dev.gongcrm.client.model.RequestStatus status, Duration waited) {
            duringPoll.run();
        }
    };

    private Push.Outcome push(Path bundle) throws Exception {
        return Push.run(gong, ledger, new Push.Request(new BundleScanner(Map.of()).scan(List.of(bundle)),
                Validator.builder(), "legacy", Severity.ERROR, INTEGRATION, Planner.MAX_UPLOAD_BYTES,
                Duration.ofSeconds(60), false), settings(), pollListener);
    }

    private Path bundle() throws Exception {
        return TestBundles.copy(VALID, folder.resolve("bundle"));
    }

    private Object storedContact(String id) {
        return gong.getObjects(List.of(id), INTEGRATION, ObjectType.CONTACT).crmObjectsMap().get(id);
    }

    @Test
    void aFileRewrittenWhileThePushWaitsIsNotUploadedAndItsOriginalIsSentLater() throws Exception {
        Path bundle = bundle();
        Path contacts = bundle.resolve("contacts.ldjson");
        byte[] original = Files.readAllBytes(contacts);
        byte[] edited = new String(original, "UTF-8").replace(CONTACT_ID, EDITED_ID).getBytes("UTF-8");
        assertEquals(original.length, edited.length, "the same size, so only the bytes tell");
        duringSettle = () -> {
            try {
                Files.write(contacts, edited);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };

        GongApiException stopped = assertThrows(GongApiException.class, () -> push(bundle));
        assertTrue(stopped.getMessage().contains("changed since it was validated"), stopped.getMessage());
        assertTrue(emulator.arrivals().stream().noneMatch(arrival -> arrival.startsWith("CONTACT")),
                emulator.arrivals()::toString);
        assertNull(storedContact(EDITED_ID), "the unvalidated content reached Gong");

        duringSettle = () -> { };
        Files.write(contacts, original);
        Push.Outcome again = push(bundle);
        assertFalse(again.upload().failed(), again.upload()::toString);
        assertNotNull(storedContact(CONTACT_ID), "the original was skipped as already uploaded");
        assertNull(storedContact(EDITED_ID));
    }

    /** Sent whole and DONE, but rewritten while Gong processed it: the ledger does not record the new objects. */
    @Test
    void aFileRewrittenWhileGongProcessesItIsNotRecordedAsWhatWasSent() throws Exception {
        Path stages = Files.copy(VALID.resolve("stages.ldjson"), folder.resolve("stages.ldjson"));
        byte[] original = Files.readAllBytes(stages);
        String edited = new String(original, "UTF-8").replaceFirst("\"objectId\": \"([^\"]*)\"",
                "\"objectId\": \"edited\"");
        duringPoll = () -> {
            try {
                Files.writeString(stages, edited);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };

        assertFalse(push(stages).upload().failed());
        StepRecord done = ledger.steps(INTEGRATION).get(0);
        assertEquals(StepRecord.DONE, done.status());
        assertTrue(done.errors().get(0).description().contains("changed after it was sent"), done::toString);
        List<String> recorded = new java.util.ArrayList<>();
        ledger.priorUploads(INTEGRATION).forEachObject(ObjectType.STAGE, known -> recorded.add(known.objectId()));
        assertFalse(recorded.contains("edited"), recorded::toString);

        duringPoll = () -> { };
        assertEquals(1, push(stages).upload().sent(), "the file as it is now is sent");
    }

    /**
     * An integration deleted and registered again holds nothing, its old requests included: a push with
     * a new ledger sends everything, and Gong stores it (no 409 for an old request taken for this one).
     */
    @Test
    void afterTheIntegrationIsDeletedAndRegisteredAgainEverythingIsSentAndStored() throws Exception {
        Path bundle = bundle();
        assertFalse(push(bundle).upload().failed());
        gong.deleteIntegration("delete-1", INTEGRATION);
        assertEquals(dev.gongcrm.client.model.RequestStatus.DONE,
                gong.awaitRequest("delete-1", INTEGRATION, Duration.ofSeconds(30)).status());
        gong.registerIntegration(new GenericCrmRegistrationRequest("Home CRM", "ops@example.com"));
        ledger.close();
        ledger = Ledger.open(folder.resolve("fresh.db"));

        Push.Outcome again = push(bundle);
        assertFalse(again.upload().failed(), again.upload()::toString);
        assertEquals(8, again.upload().sent());
        assertNotNull(storedContact(CONTACT_ID), "the push said DONE, and Gong holds nothing");
    }

    /** A ledger that holds only schema uploads (no request to ask Gong about) still notices the reset. */
    @Test
    void aSchemaOnlyPushAfterTheIntegrationIsRegisteredAgainSendsTheSchema() throws Exception {
        Path schemas = Files.createDirectories(folder.resolve("schemas"));
        Files.copy(VALID.resolve("account.schema.json"), schemas.resolve("account.schema.json"));
        assertEquals(1, push(schemas).upload().sent());
        gong.deleteIntegration("delete-1", INTEGRATION);
        gong.awaitRequest("delete-1", INTEGRATION, Duration.ofSeconds(30));
        gong.registerIntegration(new GenericCrmRegistrationRequest("Home CRM", "ops@example.com"));

        assertEquals(1, push(schemas).upload().sent(), "the schema Gong no longer has was skipped");
        assertFalse(gong.listSchemaFields(INTEGRATION, ObjectType.ACCOUNT).fields().isEmpty());
        assertEquals(0, push(schemas).upload().sent());
    }

    /**
     * The first push of a file too large for one upload stopped while Gong held its second part: the next
     * push sends the file's remaining objects as a copy, which must be those very bytes, so that Gong's
     * request is polled, not sent (and processed) again. A Windows export has CRLF line ends, and its
     * last line may have none.
     */
    @Test
    void aPartGongAcceptedBeforeACrashIsPolledNotSentAgainWhateverTheLineEnds() throws Exception {
        Path accounts = Files.createDirectories(folder.resolve("crlf")).resolve("accounts.ldjson");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            lines.append(i == 0 ? "" : "\r\n").append("{\"objectId\": \"acc-").append(i).append("\", \"modifiedDate\": "
                    + "\"2020-01-01T00:00:00Z\", \"name\": \"Account ").append(i).append("\", \"domains\": [\"acc")
                    .append(i).append(".example.com\"]}");
        }
        Files.writeString(accounts, lines);
        long partBytes = Files.size(accounts) / 3 + 10;
        List<PlanStep> parts = new Planner(INTEGRATION, partBytes, Duration.ZERO)
                .plan(new BundleScanner(Map.of()).scan(List.of(accounts)));
        assertEquals(3, parts.size(), parts::toString);
        new PushRunner(gong.legacy(), ledger, INTEGRATION, settings()).run(parts.subList(0, 1), PushListener.NONE);
        PlanStep accepted = parts.get(1); // the push was killed while Gong processed it
        ledger.sending(INTEGRATION, accepted, accepted.clientRequestId(), java.time.Instant.now());
        String requestId = gong.legacy().uploadObjects(accepted.upload(), accepted.offset(), accepted.bytes(),
                accepted.clientRequestId(), INTEGRATION, ObjectType.ACCOUNT, sent -> { }, null).data().requestId();
        ledger.accepted(INTEGRATION, accepted.clientRequestId(), requestId, java.time.Instant.now());

        Push.Outcome resumed = Push.run(gong, ledger, new Push.Request(new BundleScanner(Map.of()).scan(
                List.of(accounts)), Validator.builder(), "legacy", Severity.ERROR, INTEGRATION, partBytes,
                Duration.ZERO, false), settings(), PushListener.NONE);

        assertFalse(resumed.upload().failed(), resumed.upload()::toString);
        assertEquals(3, emulator.arrivals().size(), "each part once: " + emulator.arrivals());
        for (PlanStep part : parts) {
            assertEquals(StepRecord.DONE, ledger.step(INTEGRATION, part.clientRequestId()).orElseThrow().status());
        }
        assertEquals(0, Push.run(gong, ledger, new Push.Request(new BundleScanner(Map.of()).scan(List.of(accounts)),
                Validator.builder(), "legacy", Severity.ERROR, INTEGRATION, partBytes, Duration.ZERO, false),
                settings(), PushListener.NONE).upload().sent(), "every account is recorded as stored");
    }

    @Test
    void aFileThatIsNotWhatValidationReadIsNotPlanned() throws Exception {
        Path stages = Files.copy(VALID.resolve("stages.ldjson"), folder.resolve("stages.ldjson"));
        var files = new BundleScanner(Map.of()).scan(List.of(stages));
        Planner planner = new Planner(INTEGRATION, Planner.MAX_UPLOAD_BYTES, Duration.ZERO);
        String validated = planner.plan(files).get(0).bytesSha256();

        assertEquals(1, planner.plan(files, Map.of(files.get(0).name(), validated)).size());
        PushException changed = assertThrows(PushException.class,
                () -> planner.plan(files, Map.of(files.get(0).name(), "0".repeat(64))));
        assertTrue(changed.getMessage().contains("changed after it was validated"), changed.getMessage());
    }

    /**
     * Gong holds a request under the content's id that this (new) ledger never sent, as on a runner
     * that keeps no files: a 409 is then no proof that Gong holds this content (the integration may have
     * been deleted and registered again), so the content is sent at once under a new id, and the
     * foreign id is recorded as FAILED with why. A push without its old ledger always completes.
     */
    @Test
    void aConflictForAnIdThisLedgerNeverSentSendsTheContentUnderANewId() throws Exception {
        Path stages = Files.copy(VALID.resolve("stages.ldjson"), folder.resolve("stages.ldjson"));
        PlanStep step = new Planner(INTEGRATION, Planner.MAX_UPLOAD_BYTES, Duration.ZERO)
                .plan(new BundleScanner(Map.of()).scan(List.of(stages))).get(0);
        gong.uploadObjects(stages, step.clientRequestId(), INTEGRATION, ObjectType.STAGE);

        for (int push = 1; push <= 2; push++) {
            ledger.close();
            ledger = Ledger.open(folder.resolve("fresh-" + push + ".db"));
            Push.Outcome outcome = push(stages);
            assertFalse(outcome.upload().failed(), outcome.upload()::toString);
            assertEquals(push + 1, emulator.arrivals().size(), emulator.arrivals()::toString);
            StepRecord foreign = ledger.step(INTEGRATION, step.clientRequestId()).orElseThrow();
            assertEquals(StepRecord.FAILED, foreign.status());
            assertTrue(foreign.errors().get(0).description().contains("that this ledger did not send"),
                    foreign::toString);
            assertEquals(1, ledger.steps(INTEGRATION).stream().filter(s -> StepRecord.DONE.equals(s.status())).count());
        }
    }
}
