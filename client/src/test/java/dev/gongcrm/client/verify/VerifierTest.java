package dev.gongcrm.client.verify;

import dev.gongcrm.client.EmulatorClients;
import dev.gongcrm.client.GongCrmClient;
import dev.gongcrm.client.model.GenericCrmRegistrationRequest;
import dev.gongcrm.client.model.RequestStatus;
import dev.gongcrm.client.push.Ledger;
import dev.gongcrm.client.push.Push;
import dev.gongcrm.client.push.PushListener;
import dev.gongcrm.client.push.PushRunner;
import dev.gongcrm.client.push.TestBundles;
import dev.gongcrm.emulator.Emulator;
import dev.gongcrm.validator.Finding;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A read-back against the emulator on loopback, which keeps each object as it was uploaded: after a push
 * Gong holds the bundle as sent, and an upload made behind the ledger's back (with the client, not
 * through push) makes Gong differ from it.
 */
class VerifierTest {

    private static final long INTEGRATION = Emulator.DEFAULT_INTEGRATION_ID;
    private static final String DEAL = "{\"objectId\": \"8608553\", \"modifiedDate\": \"2022-02-04T18:24:59Z\", "
            + "\"url\": \"https://crm.com/deals/8608553\", \"accountId\": \"5ybyh6n6n65\", \"ownerId\": \"5486951\", "
            + "\"name\": \"Deal name\", \"createdDate\": \"2022-02-04T17:57:23Z\", \"closeDate\": \"2022-09-04\", "
            + "\"isOpen\": true, \"isWon\": false, \"stage\": \"discovery\", \"amount\": %s, "
            + "\"custom_field_1\": \"2022-02-04T17:57:23Z\", \"custom_field_2\": null}";

    @TempDir
    Path folder;

    private Emulator emulator;
    private GongCrmClient gong;
    private Ledger ledger;
    private Path bundle;

    @BeforeEach
    void pushTheValidBundle() throws Exception {
        emulator = Emulator.builder().processingDelay(Duration.ofMillis(20)).build().start();
        gong = EmulatorClients.of(emulator).build();
        gong.registerIntegration(new GenericCrmRegistrationRequest("Home CRM", "ops@example.com"));
        ledger = Ledger.open(folder.resolve("ledger.db"));
        bundle = TestBundles.copy(TestBundles.VALID, folder.resolve("bundle"));
        Push.Outcome pushed = Push.run(gong, ledger, new Push.Request(files(), Validator.builder(), "legacy",
                Severity.ERROR, INTEGRATION, 200_000_000, Duration.ZERO, false), PushRunner.Settings.defaults()
                .withPollInterval(Duration.ofMillis(10)), PushListener.NONE);
        assertFalse(pushed.validationFailed() || pushed.upload().failed(), "the push is DONE");
    }

    @AfterEach
    void stop() {
        ledger.close();
        gong.close();
        emulator.close();
    }

    private List<BundleFile> files() throws Exception {
        return new BundleScanner(Map.of()).scan(List.of(bundle));
    }

    private Verification verify(int sample) throws Exception {
        return new Verifier(gong.legacy(), ledger, INTEGRATION, sample).verify(files());
    }

    /** Uploads one line with the client, not through push: the ledger does not learn of it. */
    private void uploadBehindTheLedgersBack(ObjectType type, String line) throws Exception {
        Path file = Files.writeString(folder.resolve("behind-" + System.nanoTime() + ".ldjson"), line + "\n");
        String clientRequestId = "behind-the-ledgers-back-" + System.nanoTime();
        gong.uploadObjects(file, clientRequestId, INTEGRATION, type);
        var status = gong.awaitRequest(clientRequestId, INTEGRATION, Duration.ofSeconds(30));
        assertEquals(RequestStatus.DONE, status.status(), status::toString);
    }

    private static Verification.TypeCheck check(Verification verification, ObjectType type) {
        return verification.types().stream().filter(t -> t.type() == type).findFirst().orElseThrow();
    }

    @Test
    void afterAPushGongHoldsEveryObjectAsSentInOneCallPerType() throws Exception {
        Verification verification = verify(100);

        assertTrue(verification.matches(), verification.findings()::toString);
        assertEquals(List.of(ObjectType.ACCOUNT, ObjectType.CONTACT, ObjectType.DEAL, ObjectType.LEAD),
                verification.types().stream().map(Verification.TypeCheck::type).toList());
        assertEquals(4, verification.calls(), "one read per type");
        assertEquals(List.of(ObjectType.BUSINESS_USER, ObjectType.STAGE), verification.unreadable());
        // the deleted account and lead are not stored: 1 account, 1 contact, 1 deal, 2 leads
        assertEquals(5, verification.checked());
        Verification.TypeCheck leads = check(verification, ObjectType.LEAD);
        assertEquals(2, leads.stored());
        assertEquals(2, leads.sampled());
        assertEquals(0, verification.result().total());
        assertTrue(new Verifier(gong.current(), ledger, INTEGRATION, 100).verify(files()).matches(),
                "the current generation reads the same objects");
    }

    @Test
    void aFieldChangedBehindTheLedgersBackIsAMismatchAtTheObjectsLine() throws Exception {
        uploadBehindTheLedgersBack(ObjectType.DEAL, DEAL.formatted("9000"));

        Verification verification = verify(100);

        assertEquals(1, verification.findings().size(), verification.findings()::toString);
        Finding mismatch = verification.findings().get(0);
        assertEquals(Verifier.VERIFY_MISMATCH, mismatch.rule());
        assertEquals(Severity.ERROR, mismatch.severity());
        assertEquals(bundle.resolve("deals.ldjson").toString(), mismatch.file());
        assertEquals(1, mismatch.line());
        String line = Files.readAllLines(bundle.resolve("deals.ldjson")).get(0);
        assertEquals(line.indexOf("\"amount\"") + 1, mismatch.column(), "the column of the field's name");
        assertEquals("8608553", mismatch.objectId());
        assertEquals("/amount", mismatch.field());
        assertEquals("DEAL 8608553 differs in Gong: field 'amount' was sent as 7000, Gong has 9000; "
                + "'gongcrm push --full' sends it again", mismatch.message());
        assertEquals(1, check(verification, ObjectType.DEAL).differing());
        assertEquals(4, verification.calls());
    }

    @Test
    void theSameValueWrittenOtherwiseIsNoDifference() throws Exception {
        uploadBehindTheLedgersBack(ObjectType.DEAL, DEAL.formatted("7000.0"));

        assertTrue(verify(100).matches());
    }

    @Test
    void anObjectDeletedBehindTheLedgersBackIsMissing() throws Exception {
        uploadBehindTheLedgersBack(ObjectType.CONTACT, Files.readAllLines(bundle.resolve("contacts.ldjson")).get(0)
                .replace("}", ", \"isDeleted\": true}"));

        Verification verification = verify(100);

        assertEquals(1, verification.findings().size(), verification.findings()::toString);
        Finding missing = verification.findings().get(0);
        assertEquals(Verifier.VERIFY_MISSING, missing.rule());
        assertEquals(bundle.resolve("contacts.ldjson").toString(), missing.file());
        assertEquals(1, missing.line());
        assertEquals("5zbwd7n5n65", missing.objectId());
        assertTrue(missing.message().startsWith("CONTACT 5zbwd7n5n65 is not in Gong"), missing.message());
        assertEquals(1, check(verification, ObjectType.CONTACT).missing());
    }

    /**
     * An object edited in the bundle and not pushed yet is not what Gong was sent: it is counted, not
     * compared, even when Gong also differs (the user already knows the bundle moved on).
     */
    @Test
    void anObjectEditedInTheBundleSinceThePushIsSkippedNotReported() throws Exception {
        uploadBehindTheLedgersBack(ObjectType.DEAL, DEAL.formatted("9000"));
        Path deals = bundle.resolve("deals.ldjson");
        Files.writeString(deals, Files.readString(deals).replace("\"amount\": 7000", "\"amount\": 8000"));
        Path leads = bundle.resolve("leads.ldjson");
        Files.writeString(leads, Files.readString(leads).replace("VP Special Effects", "CTO"));

        Verification verification = verify(100);

        assertTrue(verification.matches(), verification.findings()::toString);
        Verification.TypeCheck deal = check(verification, ObjectType.DEAL);
        assertEquals(1, deal.changed());
        assertEquals(0, deal.checked());
        assertEquals(0, deal.calls(), "nothing of the type is as sent: no call");
        Verification.TypeCheck lead = check(verification, ObjectType.LEAD);
        assertEquals(1, lead.changed());
        assertEquals(1, lead.checked());
        assertEquals(3, verification.calls());
    }

    @Test
    void aSampleTakesTheObjectsModifiedLast() throws Exception {
        Verification verification = verify(1);

        Verification.TypeCheck leads = check(verification, ObjectType.LEAD);
        assertEquals(2, leads.stored());
        assertEquals(1, leads.sampled());
        assertEquals(1, leads.checked());
        assertEquals(4, verification.calls());
    }

    @Test
    void anObjectTheBundleNoLongerHasIsCountedNotChecked() throws Exception {
        Files.writeString(bundle.resolve("leads.ldjson"), Files.readAllLines(bundle.resolve("leads.ldjson")).get(0)
                + "\n");

        Verification.TypeCheck leads = check(verify(100), ObjectType.LEAD);

        assertEquals(1, leads.notInBundle());
        assertEquals(1, leads.checked());
    }

    /** A ledger of an older gongcrm did not keep the value sent: such an object cannot be compared, only counted. */
    @Test
    void anObjectWhoseValueTheLedgerDidNotRecordIsCountedNotChecked() throws Exception {
        uploadBehindTheLedgersBack(ObjectType.DEAL, DEAL.formatted("9000"));
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("ledger.db"));
             var statement = db.createStatement()) {
            statement.executeUpdate("UPDATE objects SET value_hash = NULL WHERE object_id = '8608553'");
        }

        Verification verification = verify(100);

        assertTrue(verification.matches(), verification.findings()::toString);
        Verification.TypeCheck deal = check(verification, ObjectType.DEAL);
        assertEquals(1, deal.unrecorded());
        assertEquals(0, deal.checked());
    }

    @Test
    void theSampleIsOneToAHundred() {
        assertThrows(IllegalArgumentException.class, () -> new Verifier(gong.legacy(), ledger, INTEGRATION, 0));
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> new Verifier(gong.legacy(), ledger, INTEGRATION, 101));
        assertTrue(tooMany.getMessage().contains("at most 100 ids"), tooMany.getMessage());
    }
}
