package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.Bundles;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import org.junit.jupiter.api.Test;

import java.util.List;

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

    private static List<String> findings(String bundle) {
        String all = EARLIER + bundle;
        ValidationResult result = Bundles.validate(Validator.builder().priorUploads(Bundles.priorUploads(all)).build(),
                all);
        return result.findings().stream().map(f -> f.rule() + "@" + f.line()).toList();
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
