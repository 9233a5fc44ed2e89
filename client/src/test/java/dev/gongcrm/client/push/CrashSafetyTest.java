package dev.gongcrm.client.push;

import dev.gongcrm.client.EmulatorClients;
import dev.gongcrm.client.GongCrmClient;
import dev.gongcrm.client.model.GenericCrmRegistrationRequest;
import dev.gongcrm.emulator.Emulator;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.BundleScanner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A push killed after Gong took its request (the ledger holds the request's objects as pending), then the
 * export going back to the old value or dropping the object: whatever Gong may hold that the export no
 * longer says is sent again (or deleted, with --delete-missing).
 */
class CrashSafetyTest {

    private static final long INTEGRATION = Emulator.DEFAULT_INTEGRATION_ID;
    private static final int DEALS = 50;

    @TempDir
    Path folder;

    private Emulator emulator;
    private GongCrmClient gong;
    private Ledger ledger;
    private Path bundle;
    private final List<String> deals = new ArrayList<>();
    private Runnable duringPoll = () -> { };

    @BeforeEach
    void start() throws Exception {
        emulator = Emulator.builder().processingDelay(Duration.ofMillis(20)).build().start();
        gong = EmulatorClients.of(emulator).build();
        gong.registerIntegration(new GenericCrmRegistrationRequest("Home CRM", "ops@example.com"));
        ledger = Ledger.open(folder.resolve("ledger.db"));
        bundle = Files.createDirectories(folder.resolve("bundle"));
        Files.writeString(bundle.resolve("users.ldjson"), "{\"objectId\": \"owner\", \"emailAddress\": "
                + "\"owner@example.com\", \"modifiedDate\": \"2019-01-04T08:00:00Z\"}\n");
        Files.writeString(bundle.resolve("stages.ldjson"), stage("Discovery"));
        Files.writeString(bundle.resolve("accounts.ldjson"), "{\"objectId\": \"acc-0\", \"modifiedDate\": "
                + "\"2020-01-01T00:00:00Z\", \"name\": \"Account 0\", \"domains\": [\"acc0.example.com\"]}\n");
        for (int i = 0; i < DEALS; i++) {
            deals.add(deal(i, "Deal " + i));
        }
        writeDeals();
    }

    @AfterEach
    void stop() {
        ledger.close();
        gong.close();
        emulator.close();
    }

    private static String stage(String name) {
        return "{\"objectId\": \"discovery\", \"modifiedDate\": \"2019-01-03T23:45:57Z\", \"internalName\": "
                + "\"discovery\", \"name\": \"" + name + "\", \"isActive\": true, \"sortOrder\": 1}\n";
    }

    private static String deal(int i, String name) {
        return "{\"objectId\": \"deal-" + i + "\", \"modifiedDate\": \"2022-02-01T00:" + String.format("%02d", i % 60)
                + ":00Z\", \"accountId\": \"acc-0\", \"ownerId\": \"owner\", \"name\": \"" + name + "\", "
                + "\"createdDate\": \"2022-01-01T00:00:00Z\", \"closeDate\": \"2022-09-04\", \"isOpen\": true, "
                + "\"isWon\": false, \"stage\": \"discovery\", \"amount\": " + (1000 + i) + "}";
    }

    private void writeDeals() throws java.io.IOException {
        Files.writeString(bundle.resolve("deals.ldjson"), String.join("\n", deals) + "\n");
    }

    private Push.Outcome push(Set<ObjectType> deleteMissing) throws Exception {
        return push(deleteMissing, null);
    }

    private Push.Outcome push(Set<ObjectType> deleteMissing, Path results) throws Exception {
        List<BundleFile> files = new BundleScanner(Map.of()).scan(List.of(bundle));
        PushRunner.Settings settings = PushRunner.Settings.defaults().withPollInterval(Duration.ofMillis(10))
                .withTime(Clock.systemUTC(), duration -> Thread.sleep(Math.min(duration.toMillis(), 20)));
        PushListener listener = new PushListener() {
            @Override
            public void polled(PlanStep step, dev.gongcrm.client.model.RequestStatus status, Duration waited) {
                duringPoll.run();
            }
        };
        Push.Outcome outcome = Push.run(gong, ledger, new Push.Request(files, Validator.builder(), "legacy",
                Severity.ERROR, INTEGRATION, Planner.MAX_UPLOAD_BYTES, Duration.ZERO, false, deleteMissing, results),
                settings, listener);
        assertFalse(outcome.validationFailed(), () -> outcome.validation().findings().toString());
        assertFalse(outcome.upload().failed(), outcome.upload()::toString);
        return outcome;
    }

    private Push.Outcome push() throws Exception {
        return push(Set.of());
    }

    /**
     * A push plans the bundle, records the step of this type as being sent, sends it, Gong stores it, and
     * the push is killed before it records what Gong did (its copy, if any, is gone with it).
     */
    private void diedAfterGongTook(ObjectType type) throws Exception {
        Planner planner = new Planner(INTEGRATION, Planner.MAX_UPLOAD_BYTES, Duration.ZERO);
        try (Plan plan = planner.plan(new BundleScanner(Map.of()).scan(List.of(bundle)), Map.of(),
                planner.scans(new Sync(ledger, false, Set.of(), "legacy", Instant.now(), null)))) {
            PlanStep step = plan.steps().stream().filter(s -> s.type() == type).findFirst().orElseThrow();
            ledger.sending(INTEGRATION, step, step.clientRequestId(), Instant.now());
            gong.legacy().uploadObjects(step.upload(), step.offset(), step.bytes(), step.clientRequestId(),
                    INTEGRATION, type, sent -> { });
            gong.legacy().awaitRequest(step.clientRequestId(), INTEGRATION, Duration.ofSeconds(10));
        }
    }

    private Object heldDeal(String id) {
        return gong.getObjects(List.of(id), INTEGRATION, ObjectType.DEAL).crmObjectsMap().get(id);
    }

    private List<String> arrivalsSince(int since) {
        List<String> all = emulator.arrivals();
        return all.subList(since, all.size());
    }

    /**
     * A STAGE file with a change is sent whole; killed after Gong took the new name, the ledger has the old
     * one as stored: when the export goes back to it, it is sent, as Gong holds the other.
     */
    @Test
    void aStageChangeSentWholeByAPushThatDiedIsSentBackWhenTheExportReverts() throws Exception {
        push();
        Files.writeString(bundle.resolve("stages.ldjson"), stage("Renamed by a push that then died"));
        diedAfterGongTook(ObjectType.STAGE);
        Files.writeString(bundle.resolve("stages.ldjson"), stage("Discovery"));
        int before = emulator.arrivals().size();

        Push.Outcome reverted = push();

        assertEquals(1, reverted.counts().get(ObjectType.STAGE).toSend(),
                "Gong holds the renamed stage, the export the original: " + reverted.counts().get(ObjectType.STAGE));
        assertTrue(arrivalsSince(before).stream().anyMatch(arrival -> arrival.startsWith("STAGE")),
                arrivalsSince(before)::toString);
    }

    /**
     * Without a crash: a STAGE file (sent whole) rewritten back to what the ledger had while Gong processes
     * the change; the ledger cannot tell which version Gong took, so the next push sends the stage.
     */
    @Test
    void aStageFileRewrittenBackWhileGongProcessesItsChangeIsSentAgain() throws Exception {
        push();
        Path stages = bundle.resolve("stages.ldjson");
        Files.writeString(stages, stage("Renamed, then rewritten back"));
        duringPoll = () -> {
            try {
                Files.writeString(stages, stage("Discovery"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        push();
        duringPoll = () -> { };
        int before = emulator.arrivals().size();

        Push.Outcome next = push();

        assertEquals(1, next.counts().get(ObjectType.STAGE).toSend(),
                "Gong holds the renamed stage, the export the original: " + next.counts().get(ObjectType.STAGE));
        assertTrue(arrivalsSince(before).stream().anyMatch(arrival -> arrival.startsWith("STAGE")),
                arrivalsSince(before)::toString);
    }

    /**
     * A deal deleted by --delete-missing comes back in the export; the push that sends it dies after Gong
     * stored it (alive again). The export drops it again: --delete-missing deletes it.
     */
    @Test
    void aDealRecreatedByAPushThatDiedIsDeletedWhenTheExportDropsItAgain() throws Exception {
        push();
        String dealSeven = deals.get(7);
        deals.remove(7);
        writeDeals();
        assertEquals(1, push(Set.of(ObjectType.DEAL)).counts().get(ObjectType.DEAL).deleted());
        assertNull(heldDeal("deal-7"));

        deals.add(7, dealSeven.replace("\"Deal 7\"", "\"Deal 7, back\""));
        writeDeals();
        diedAfterGongTook(ObjectType.DEAL);
        assertTrue(heldDeal("deal-7") != null, "Gong holds deal-7 again");
        deals.remove(7);
        writeDeals();

        push(Set.of(ObjectType.DEAL));
        push(Set.of(ObjectType.DEAL));

        assertNull(heldDeal("deal-7"), "the export dropped deal-7 and --delete-missing was asked, yet Gong holds it");
    }

    /**
     * A push that stops while Gong processes its step of changed objects (killed, or past its --timeout):
     * the results file it writes on the way out says of a changed deal that it was sent and that Gong's
     * answer is not known (UNCERTAIN), not that it was NOT_SENT.
     */
    @Test
    void theResultsOfAPushThatStopsWhileGongProcessesSayTheChangedObjectWasSent() throws Exception {
        push();
        deals.set(5, deal(5, "Renamed by a push that then stopped"));
        writeDeals();
        Path results = folder.resolve("results.csv");
        duringPoll = () -> {
            throw new IllegalStateException("the push stops here");
        };

        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> push(Set.of(), results));

        String row = Files.readAllLines(results).stream().filter(line -> line.startsWith("DEAL,deal-5,"))
                .findFirst().orElseThrow();
        assertTrue(row.contains(",sent,UNCERTAIN,"), row);
    }
}
