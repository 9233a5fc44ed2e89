package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.Bundles;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.PriorUploads;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A bundle checked as the next upload: references may point at objects Gong holds from earlier pushes. */
class PriorUploadsTest {

    private static final String EARLIER = """
            --- uploaded/accounts.ldjson
            {"objectId": "a1", "modifiedDate": "2019-01-03T23:45:57Z", "name": "PBR", "domains": ["pbr.com"]}
            {"objectId": "a2", "modifiedDate": "2019-01-03T23:45:57Z", "name": "Old", "domains": ["old.com"], "isDeleted": true}
            --- uploaded/stages.ldjson
            {"objectId": "s1", "modifiedDate": "2019-01-03T23:45:57Z", "internalName": "discovery", "name": "Discovery", "isActive": true, "sortOrder": 1}
            {"objectId": "s2", "modifiedDate": "2019-01-03T23:45:57Z", "internalName": "legacy", "name": "Legacy", "isActive": false, "sortOrder": 2}
            --- uploaded/users.ldjson
            {"objectId": "u1", "modifiedDate": "2019-01-03T23:45:57Z", "emailAddress": "jane@pbr.com"}
            """;

    /** The findings with earlier uploads read whole, which must be those with them looked up by id. */
    private static List<String> findings(String bundle) {
        String all = EARLIER + bundle;
        List<String> readWhole = findings(all, Bundles.priorUploads(all));
        assertEquals(readWhole, findings(all, new FoundById(Bundles.priorUploads(all))), "looked up by id");
        return readWhole;
    }

    private static List<String> findings(String all, PriorUploads priorUploads) {
        ValidationResult result = Bundles.validate(Validator.builder().priorUploads(priorUploads).build(), all);
        return result.findings().stream().map(f -> f.rule() + "@" + f.line()).toList();
    }

    /** Earlier uploads as a ledger gives them: looked up by id, and what was asked for is kept. */
    private static final class FoundById implements PriorUploads {
        private final PriorUploads all;
        final List<String> asked = new ArrayList<>();
        final List<ObjectType> readWhole = new ArrayList<>();

        FoundById(PriorUploads all) {
            this.all = all;
        }

        @Override
        public Set<ObjectType> objectTypes() {
            return all.objectTypes();
        }

        @Override
        public void forEachObject(ObjectType type, Consumer<KnownObject> consumer) {
            readWhole.add(type);
            all.forEachObject(type, consumer);
        }

        @Override
        public Optional<UploadedSchema> lastSchema(ObjectType type) {
            return all.lastSchema(type);
        }

        @Override
        public boolean findsById() {
            return true;
        }

        @Override
        public void find(ObjectType type, Collection<String> objectIds, Consumer<KnownObject> consumer) {
            objectIds.stream().sorted().forEach(id -> asked.add(type + " " + id));
            all.forEachObject(type, known -> {
                if (objectIds.contains(known.objectId())) {
                    consumer.accept(known);
                }
            });
        }
    }

    @Test
    void aLedgerIsAskedOnlyForTheTargetsTheBundleDoesNotHaveAndReadsStagesAndUsersWhole() {
        String bundle = """
                --- accounts.ldjson
                {"objectId": "a3", "modifiedDate": "2020-01-03T23:45:57Z", "name": "New", "domains": ["new.com"]}
                --- deals.ldjson
                """ + deal("a3", "discovery") + deal("a1", "discovery").replace("d1", "d2")
                + deal("a9", "discovery").replace("d1", "d3");
        String all = EARLIER + bundle;
        FoundById ledger = new FoundById(Bundles.priorUploads(all));

        assertEquals(List.of("unresolved-reference@3"), findings(all, ledger));
        assertEquals(List.of("ACCOUNT a1", "ACCOUNT a9"), ledger.asked);
        assertEquals(List.of(ObjectType.BUSINESS_USER, ObjectType.STAGE), ledger.readWhole.stream().sorted().toList(),
                "their values are unique across pushes");
    }

    private static String deal(String accountId, String stage) {
        return "{\"objectId\": \"d1\", \"modifiedDate\": \"2022-02-04T18:24:59Z\", \"accountId\": \"" + accountId
                + "\", \"ownerId\": \"u1\", \"name\": \"Deal\", \"createdDate\": \"2022-02-04T17:57:23Z\", "
                + "\"closeDate\": \"2022-09-04\", \"isOpen\": true, \"isWon\": false, \"stage\": \"" + stage
                + "\", \"amount\": 7000}\n";
    }

    @Test
    void aDealMayReferToAnAccountStageAndOwnerUploadedEarlier() {
        assertEquals(List.of(), findings("--- deals.ldjson\n" + deal("a1", "discovery")));
    }

    @Test
    void aTypeKnownFromEarlierUploadsIsCheckedWithoutAFileOfIt() {
        assertEquals(List.of("unresolved-reference@1"), findings("--- deals.ldjson\n" + deal("a9", "discovery")));
    }

    @Test
    void deletedAndInactiveTargetsOfEarlierUploadsAreReported() {
        assertEquals(List.of("reference-to-deleted@1", "inactive-stage@1"),
                findings("--- deals.ldjson\n" + deal("a2", "legacy")));
    }

    @Test
    void anObjectOfTheBundleUpdatesTheEarlierOneAndIsNoDuplicate() {
        String bundle = """
                --- accounts.ldjson
                {"objectId": "a2", "modifiedDate": "2020-01-03T23:45:57Z", "name": "Back", "domains": ["old.com"]}
                """;
        assertEquals(List.of(), findings(bundle + "--- deals.ldjson\n" + deal("a2", "discovery")));
    }

    @Test
    void customFieldsOfTheLastUploadedSchemaApplyWhenTheBundleHasNoSchemaFile() {
        String deal = deal("a1", "discovery").replace("\"amount\": 7000}", "\"amount\": 7000, \"tier\": \"Gold\"}");
        String uploaded = "--- uploaded/deal.schema.json\n[{\"uniqueName\": \"tier\", \"label\": \"Tier\", "
                + "\"type\": \"PICKLIST\", \"orderedValueList\": [\"Gold\", \"Silver\"]}]\n";
        assertEquals(List.of(), findings(uploaded + "--- deals.ldjson\n" + deal));
        assertEquals(List.of("picklist-value@1"), findings(uploaded + "--- deals.ldjson\n" + deal.replace("Gold", "Bronze")));
        assertEquals(List.of("unknown-field@1"), findings("--- deals.ldjson\n" + deal));
    }

    @Test
    void withoutEarlierUploadsOnlyTypesOfTheBundleAreChecked() {
        ValidationResult result = Bundles.validate("--- deals.ldjson\n" + deal("a9", "discovery"));
        assertEquals(List.of(), result.findings());
    }
}
