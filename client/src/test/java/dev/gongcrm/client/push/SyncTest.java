package dev.gongcrm.client.push;

import dev.gongcrm.client.EmulatorClients;
import dev.gongcrm.client.GongCrmClient;
import dev.gongcrm.client.model.GenericCrmRegistrationRequest;
import dev.gongcrm.client.model.RequestStatusResponse;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A push is a sync: only the objects that changed are sent, each object's fate is known, and Gong's
 * failures are sent again until it stores them. Against the emulator, with a bundle of 2,000 deals.
 * One behaviour, two stores ({@link SqliteSyncTest}, {@link PostgresSyncTest}).
 */
abstract class SyncTest {

    private static final long INTEGRATION = Emulator.DEFAULT_INTEGRATION_ID;
    private static final int DEALS = 2_000;
    private static final int ACCOUNTS = 50;

    @TempDir
    Path folder;

    Emulator emulator;
    private GongCrmClient gong;
    private Ledger ledger;
    private Path bundle;
    final List<String> deals = new ArrayList<>();
    /** What happens each time a push polls Gong: a file rewritten, a push stopped... */
    private Runnable duringPoll = () -> { };

    abstract Ledger openLedger();

    @BeforeEach
    void start() throws Exception {
        emulator = Emulator.builder().processingDelay(Duration.ofMillis(20)).build().start();
        gong = EmulatorClients.of(emulator).build();
        gong.registerIntegration(new GenericCrmRegistrationRequest("Home CRM", "ops@example.com"));
        ledger = openLedger();
        bundle = Files.createDirectories(folder.resolve("bundle"));
        Files.writeString(bundle.resolve("users.ldjson"), "{\"objectId\": \"owner\", \"emailAddress\": "
                + "\"owner@example.com\", \"modifiedDate\": \"2019-01-04T08:00:00Z\"}\n");
        Files.writeString(bundle.resolve("stages.ldjson"), stage("Discovery"));
        StringBuilder accounts = new StringBuilder();
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.append("{\"objectId\": \"acc-").append(i).append("\", \"modifiedDate\": \"2020-01-01T00:00:00Z\", "
                    + "\"name\": \"Account ").append(i).append("\", \"domains\": [\"acc").append(i).append(".example.com\"]}\n");
        }
        Files.writeString(bundle.resolve("accounts.ldjson"), accounts);
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

    /** A deal modified a minute after the one before it, so that the file stays sorted by modifiedDate. */
    private static String deal(int i, String name) {
        return "{\"objectId\": \"deal-" + i + "\", \"modifiedDate\": \"" + String.format("2022-02-%02dT%02d:%02d:00Z",
                1 + i / 1440, i / 60 % 24, i % 60) + "\", \"accountId\": \"acc-" + i % ACCOUNTS + "\", \"ownerId\": \"owner\", "
                + (name == null ? "" : "\"name\": \"" + name + "\", ") + "\"createdDate\": \"2022-01-01T00:00:00Z\", "
                + "\"closeDate\": \"2022-09-04\", \"isOpen\": true, \"isWon\": false, \"stage\": \"discovery\", "
                + "\"amount\": " + (1000 + i) + "}";
    }

    void writeDeals() throws java.io.IOException {
        Files.writeString(bundle.resolve("deals.ldjson"), String.join("\n", deals) + "\n");
    }

    Push.Outcome push(Severity failLevel, Set<ObjectType> deleteMissing, Path results, boolean dryRun)
            throws Exception {
        List<BundleFile> files = new BundleScanner(Map.of()).scan(List.of(bundle));
        PushRunner.Settings settings = PushRunner.Settings.defaults().withPollInterval(Duration.ofMillis(10))
                .withTime(Clock.systemUTC(), duration -> Thread.sleep(Math.min(duration.toMillis(), 20)));
        PushListener listener = new PushListener() {
            @Override
            public void polled(PlanStep step, dev.gongcrm.client.model.RequestStatus status, Duration waited) {
                duringPoll.run();
            }
        };
        Push.Outcome outcome = Push.run(gong, ledger, new Push.Request(files, Validator.builder(), "legacy", failLevel,
                INTEGRATION, Planner.MAX_UPLOAD_BYTES, Duration.ZERO, dryRun, deleteMissing, results), settings,
                listener);
        assertFalse(outcome.validationFailed(), () -> outcome.validation().findings().subList(0,
                Math.min(5, outcome.validation().findings().size())).toString());
        return outcome;
    }

    Push.Outcome push() throws Exception {
        return push(Severity.ERROR, Set.of(), null, false);
    }

    /** The uploads Gong took from the {@code since}-th on. */
    List<String> arrivalsSince(int since) {
        List<String> all = emulator.arrivals();
        return all.subList(since, all.size());
    }

    private RequestStatusResponse status(String arrival) {
        return gong.requestStatus(arrival.substring(arrival.indexOf(' ') + 1), INTEGRATION);
    }

    @Test
    void aSecondPushSendsOnlyTheChangedAndNewDealsInOneUpload() throws Exception {
        assertFalse(push().upload().failed());
        int before = emulator.arrivals().size();

        for (int i : new int[] {3, 140, 555, 1001, 1500, 1777, 1999}) {
            deals.set(i, deal(i, "Renamed deal " + i));
        }
        for (int i = DEALS; i < DEALS + 3; i++) {
            deals.add(deal(i, "New deal " + i));
        }
        writeDeals();
        Push.Outcome second = push();

        assertFalse(second.upload().failed(), second.upload()::toString);
        List<String> sent = arrivalsSince(before);
        assertEquals(1, sent.size(), "one DEAL upload, no accounts: " + sent);
        assertTrue(sent.get(0).startsWith("DEAL "), sent::toString);
        assertEquals(10, status(sent.get(0)).totalSuccessCount(), "Gong's own count of the objects it took");
        TypeCounts deals = second.counts().get(ObjectType.DEAL);
        assertEquals(List.of(2003L, 3L, 7L, 1993L, 0L), List.of(deals.objects(), deals.added(), deals.changed(),
                deals.unchanged(), deals.retried()));
        assertEquals(0, second.counts().get(ObjectType.ACCOUNT).toSend());
        PlanStep step = second.plan().stream().filter(s -> s.type() == ObjectType.DEAL).findFirst().orElseThrow();
        assertEquals(PlanStep.Selection.CHANGED, step.selection());
        assertEquals(10, step.objects());
        assertEquals(4, step.fileLine(1), "the upload's first line is the file's 4th");

        Map<String, ?> held = gong.getObjects(List.of("deal-1500", "deal-2002"), INTEGRATION, ObjectType.DEAL)
                .crmObjectsMap();
        assertTrue(held.get("deal-1500").toString().contains("Renamed deal 1500"), held::toString);
        assertNotNull(held.get("deal-2002"));

        before = emulator.arrivals().size();
        assertEquals(0, push().upload().sent());
        assertEquals(List.of(), arrivalsSince(before), "nothing changed: nothing sent");
    }

    @Test
    void aFileEditedDuringTheSettleWaitIsNotWhatIsSent() throws Exception {
        push();
        Path accounts = bundle.resolve("accounts.ldjson");
        Files.writeString(accounts, Files.readString(accounts).replace("\"Account 7\"", "\"Account seven\""));
        deals.set(5, deal(5, "Validated name"));
        writeDeals();
        List<BundleFile> files = new BundleScanner(Map.of()).scan(List.of(bundle));
        PushRunner.Settings editsWhileWaiting = PushRunner.Settings.defaults().withPollInterval(Duration.ofMillis(10))
                .withTime(Clock.systemUTC(), duration -> {
                    if (duration.toSeconds() >= 1) { // the settle wait, not a poll
                        deals.set(5, deal(5, "Edited after validation"));
                        deals.set(6, deal(6, "Also edited after validation"));
                        try {
                            writeDeals();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                    Thread.sleep(Math.min(duration.toMillis(), 20));
                });

        Push.Outcome outcome = Push.run(gong, ledger, new Push.Request(files, Validator.builder(), "legacy",
                Severity.ERROR, INTEGRATION, Planner.MAX_UPLOAD_BYTES, Duration.ofSeconds(60), false), editsWhileWaiting,
                PushListener.NONE);

        assertFalse(outcome.upload().failed(), outcome.upload()::toString);
        Map<String, ?> held = gong.getObjects(List.of("deal-5", "deal-6"), INTEGRATION, ObjectType.DEAL)
                .crmObjectsMap();
        assertTrue(held.get("deal-5").toString().contains("Validated name"), held::toString);
        assertTrue(held.get("deal-6").toString().contains("\"Deal 6\""), held::toString);
        Push.Outcome next = push();
        assertEquals(2, next.counts().get(ObjectType.DEAL).changed(), "the edits are validated and sent next time");
    }

    private String sentByAPushThatDied() throws Exception {
        return sentByAPushThatDied(ObjectType.DEAL);
    }

    /**
     * A push sends the bundle's step of this type and is killed before it learns what Gong did with it,
     * which Gong stores: the ledger has the request as being sent (its copy, if any, is gone with the push).
     * Its clientRequestId.
     */
    private String sentByAPushThatDied(ObjectType type) throws Exception {
        Planner planner = new Planner(INTEGRATION, Planner.MAX_UPLOAD_BYTES, Duration.ZERO);
        try (Plan plan = planner.plan(new BundleScanner(Map.of()).scan(List.of(bundle)), Map.of(),
                planner.scans(new Sync(ledger, false, Set.of(), "legacy", java.time.Instant.now(), null)))) {
            PlanStep step = plan.steps().stream().filter(s -> s.type() == type).findFirst().orElseThrow();
            ledger.sending(INTEGRATION, step, step.clientRequestId(), java.time.Instant.now());
            gong.legacy().uploadObjects(step.upload(), step.offset(), step.bytes(), step.clientRequestId(), INTEGRATION,
                    type, sent -> { });
            gong.legacy().awaitRequest(step.clientRequestId(), INTEGRATION, Duration.ofSeconds(10));
            return step.clientRequestId();
        }
    }

    @Test
    void aChangeSentByAPushThatStoppedIsSentBackWhenTheExportReverts() throws Exception {
        push();
        String original = deals.get(5);
        deals.set(5, deal(5, "Renamed by a push that then died"));
        writeDeals();
        sentByAPushThatDied();
        deals.set(5, original);
        writeDeals();

        Push.Outcome reverted = push();

        assertEquals(1, reverted.counts().get(ObjectType.DEAL).changed(), "the ledger's value is not what Gong may hold");
        assertTrue(gong.getObjects(List.of("deal-5"), INTEGRATION, ObjectType.DEAL).crmObjectsMap().get("deal-5")
                .toString().contains("\"Deal 5\""));
    }

    @Test
    void aChangeSentByAPushThatStoppedIsSentOnceMoreThenKnownAsStored() throws Exception {
        push();
        deals.set(5, deal(5, "Renamed by a push that then died"));
        writeDeals();
        String died = sentByAPushThatDied();

        Push.Outcome resumed = push();

        assertEquals(1, resumed.counts().get(ObjectType.DEAL).changed(), "Gong may or may not hold it");
        assertEquals(StepRecord.DONE, ledger.step(INTEGRATION, died).orElseThrow().status(),
                "the resumed push learnt what became of the request");
        assertEquals(0, push().upload().sent(), "once stored, it is unchanged");
    }

    @Test
    void theValuesOfARequestWhoseContentIsGoneStayUnknownWhenItEnds() throws Exception {
        push();
        String original = deals.get(5);
        deals.set(5, deal(5, "Renamed by a push that then died"));
        writeDeals();
        String died = sentByAPushThatDied();
        // its copy is gone with the push: Gong says DONE, and the ledger cannot tell which value it stored
        ledger.finished(INTEGRATION, died, RequestEnding.done(), ObjectType.DEAL, null, null, java.time.Instant.now());
        deals.set(5, original);
        writeDeals();

        Push.Outcome reverted = push();

        assertEquals(1, reverted.counts().get(ObjectType.DEAL).changed(), "the value the ledger had is not Gong's");
        assertEquals(0, push().upload().sent());
    }

    @Test
    void keyOrderAndSpacesAreNoChange() throws Exception {
        push();
        int before = emulator.arrivals().size();
        String reordered = deals.get(10).replace("{\"objectId\": \"deal-10\", ", "{").replace("}",
                ",   \"objectId\":\"deal-10\"}");
        deals.set(10, reordered);
        writeDeals();

        Push.Outcome second = push();

        assertEquals(0, second.upload().sent(), second.plan()::toString);
        assertEquals(List.of(), arrivalsSince(before));
    }

    @Test
    void linesGongRejectsAreFailedTheOthersStoredAndOnlyTheFixedOnesAreSentNext() throws Exception {
        deals.set(100, deal(100, null));
        deals.set(1200, deal(1200, null));
        writeDeals();
        Path results = folder.resolve("results.csv");

        Push.Outcome first = push(null, Set.of(), results, false);

        assertTrue(first.upload().failed(), "Gong rejects the deals without a name");
        List<String> rows = Files.readAllLines(results);
        assertEquals("type,objectId,file,line,action,outcome,error", rows.get(0));
        List<String> dealRows = rows.stream().filter(row -> row.startsWith("DEAL,")).toList();
        assertEquals(DEALS, dealRows.size());
        Map<String, Long> outcomes = dealRows.stream().collect(Collectors.groupingBy(row -> row.split(",")[5],
                Collectors.counting()));
        assertEquals(Map.of("FAILED", 2L, "STORED", (long) DEALS - 2), outcomes, rows.subList(0, 5)::toString);
        String failed = dealRows.stream().filter(row -> row.contains(",FAILED,")).findFirst().orElseThrow();
        assertTrue(failed.startsWith("DEAL,deal-100," + bundle.resolve("deals.ldjson") + ",101,sent,FAILED,"), failed);
        assertTrue(failed.contains("name"), "Gong's error names the field: " + failed);

        deals.set(100, deal(100, "Deal 100"));
        deals.set(1200, deal(1200, "Deal 1200"));
        writeDeals();
        int before = emulator.arrivals().size();
        Push.Outcome second = push(Severity.ERROR, Set.of(), results, false);

        assertFalse(second.upload().failed(), second.upload()::toString);
        List<String> sent = arrivalsSince(before);
        assertEquals(1, sent.size(), sent::toString);
        assertEquals(2, status(sent.get(0)).totalSuccessCount());
        assertTrue(Files.readAllLines(results).stream().noneMatch(row -> row.contains(",FAILED,")));
    }

    @Test
    void aFailureGongDoesNotNameLeavesTheOthersUncertainAndTheyAreSentAgainUnchanged() throws Exception {
        for (int i = 0; i < 25; i++) {
            deals.set(i * 50, deal(i * 50, null));
        }
        writeDeals();
        Path results = folder.resolve("results.jsonl");
        push(null, Set.of(), results, false);
        String text = Files.readString(results);
        assertEquals(20, text.split("\"outcome\":\"FAILED\"", -1).length - 1, "Gong names the first 20");
        assertEquals(DEALS - 20, text.split("\"outcome\":\"UNCERTAIN\"", -1).length - 1);

        Push.Outcome dryRun = push(null, Set.of(), null, true);
        assertEquals(DEALS, dryRun.counts().get(ObjectType.DEAL).retried(), "every one Gong may not have is retried");
    }

    @Test
    void objectsGoneFromTheExportAreCountedAndDeletedOnlyWhenAsked() throws Exception {
        push();
        List<String> gone = List.of("deal-7", "deal-8", "deal-1234");
        deals.removeIf(line -> gone.stream().anyMatch(id -> line.contains("\"" + id + "\"")));
        writeDeals();

        Push.Outcome counted = push();
        assertEquals(3, counted.counts().get(ObjectType.DEAL).missing());
        assertEquals(0, counted.counts().get(ObjectType.DEAL).deleted());
        assertEquals(0, counted.upload().sent());
        assertNotNull(gong.getObjects(gone, INTEGRATION, ObjectType.DEAL).crmObjectsMap().get("deal-7"));

        Path results = folder.resolve("results.csv");
        int before = emulator.arrivals().size();
        Push.Outcome deleted = push(Severity.ERROR, Set.of(ObjectType.DEAL), results, false);

        assertFalse(deleted.upload().failed(), deleted.upload()::toString);
        assertEquals(3, deleted.counts().get(ObjectType.DEAL).deleted());
        List<String> sent = arrivalsSince(before);
        assertEquals(1, sent.size(), sent::toString);
        assertEquals(3, status(sent.get(0)).totalSuccessCount());
        Map<String, ?> held = gong.getObjects(gone, INTEGRATION, ObjectType.DEAL).crmObjectsMap();
        gone.forEach(id -> assertNull(held.get(id), id + " is still in Gong"));
        assertTrue(Files.readAllLines(results).contains("DEAL,deal-8,,,deleted,STORED,"),
                Files.readString(results));

        Push.Outcome after = push(Severity.ERROR, Set.of(ObjectType.DEAL), null, false);
        assertEquals(0, after.counts().get(ObjectType.DEAL).missing(), "deleted objects are not missing");
        assertEquals(0, after.upload().sent());
    }

    @Test
    void aDryRunCountsWithoutSendingAndFullSendsEverything() throws Exception {
        Push.Outcome dryRun = push(Severity.ERROR, Set.of(), null, true);
        assertEquals(DEALS, dryRun.counts().get(ObjectType.DEAL).added());
        assertEquals(List.of(), emulator.arrivals());
        push();
        int before = emulator.arrivals().size();

        List<BundleFile> files = new BundleScanner(Map.of()).scan(List.of(bundle));
        Push.Outcome full = Push.run(gong, ledger, new Push.Request(files, Validator.builder(), "legacy",
                Severity.ERROR, INTEGRATION, Planner.MAX_UPLOAD_BYTES, Duration.ZERO, false), PushRunner.Settings
                .defaults().withForce(true).withPollInterval(Duration.ofMillis(10)), PushListener.NONE);

        assertEquals(DEALS, full.counts().get(ObjectType.DEAL).resent());
        assertEquals(4, arrivalsSince(before).stream().filter(a -> !a.startsWith("schema")).count(),
                "users, stages, accounts and deals again: " + arrivalsSince(before));
    }

    private Object heldDeal(String id) {
        return gong.getObjects(List.of(id), INTEGRATION, ObjectType.DEAL).crmObjectsMap().get(id);
    }

    /**
     * A STAGE file with a change is sent whole; killed after Gong took the new name, the ledger has the old
     * one as stored: when the export goes back to it, it is sent, as Gong holds the other.
     */
    @Test
    void aStageChangeSentWholeByAPushThatDiedIsSentBackWhenTheExportReverts() throws Exception {
        push();
        Files.writeString(bundle.resolve("stages.ldjson"), stage("Renamed by a push that then died"));
        sentByAPushThatDied(ObjectType.STAGE);
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
        assertEquals(1, push(Severity.ERROR, Set.of(ObjectType.DEAL), null, false).counts().get(ObjectType.DEAL).deleted());
        assertNull(heldDeal("deal-7"));

        deals.add(7, dealSeven.replace("\"Deal 7\"", "\"Deal 7, back\""));
        writeDeals();
        sentByAPushThatDied(ObjectType.DEAL);
        assertNotNull(heldDeal("deal-7"), "Gong holds deal-7 again");
        deals.remove(7);
        writeDeals();

        push(Severity.ERROR, Set.of(ObjectType.DEAL), null, false);
        push(Severity.ERROR, Set.of(ObjectType.DEAL), null, false);

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

        assertThrows(IllegalStateException.class, () -> push(Severity.ERROR, Set.of(), results, false));

        String row = Files.readAllLines(results).stream().filter(line -> line.startsWith("DEAL,deal-5,"))
                .findFirst().orElseThrow();
        assertTrue(row.contains(",sent,UNCERTAIN,"), row);
    }
}
