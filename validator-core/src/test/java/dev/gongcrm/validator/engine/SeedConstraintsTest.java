package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.Bundles;
import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ValidationResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed's constraints across objects and fields: unique stage internalNames and user email
 * addresses, the {@code /map/users} file, and a deal's closeDate and amount in either documented shape.
 */
class SeedConstraintsTest {

    private static final String DEAL_START = "{\"objectId\": \"d1\", \"modifiedDate\": \"2022-02-04T18:24:59Z\", "
            + "\"accountId\": \"a1\", \"ownerId\": \"u1\", \"name\": \"D\", \"createdDate\": \"2022-02-04T17:57:23Z\", "
            + "\"isOpen\": true, \"isWon\": false, \"stage\": \"s\"";

    private static List<String> rulesAt(ValidationResult result) {
        return result.findings().stream().map(f -> f.rule() + "@" + f.file() + ":" + f.line() + ":" + f.column()).toList();
    }

    private static String stage(String objectId, String internalName, String extra) {
        return "{\"objectId\": \"" + objectId + "\", \"modifiedDate\": \"2019-01-03T23:45:57Z\", \"internalName\": \""
                + internalName + "\", \"name\": \"N\", \"isActive\": true, \"sortOrder\": 1" + extra + "}";
    }

    @Test
    void aSecondStageWithTheSameInternalNameIsReportedAtItsInternalName() {
        String second = stage("s2", "discovery", "");
        ValidationResult result = Bundles.validate("--- stages.ldjson\n" + stage("s1", "discovery", "") + "\n"
                + stage("s3", "won", "") + "\n" + second + "\n");
        assertEquals(List.of("duplicate-stage-name@stages.ldjson:3:" + (second.indexOf("\"internalName\"") + 1)),
                rulesAt(result));
        Finding finding = result.findings().get(0);
        assertEquals("/internalName", finding.field());
        assertEquals("s2", finding.objectId());
        assertTrue(finding.message().contains("stage 's1' on line 1;"), finding.message());
    }

    @Test
    void stageNamesAreUniqueAcrossTheFilesOfABundleButAnUpdateOrADeletionIsNoDuplicate() {
        String bundle = "--- stages.ldjson\n" + stage("s1", "discovery", "") + "\n" + stage("old", "won", ", \"isDeleted\": true")
                + "\n--- stages-2.ldjson\n" + stage("s1", "discovery", "") + "\n" + stage("s2", "won", "") + "\n"
                + stage("s3", "discovery", "") + "\n";
        ValidationResult result = Bundles.validate(bundle);
        assertEquals(List.of("duplicate-stage-name@stages-2.ldjson:3"),
                result.findings().stream().map(f -> f.rule() + "@" + f.file() + ":" + f.line()).toList());
        assertTrue(result.findings().get(0).message().contains("on line 1 of stages.ldjson;"));
    }

    @Test
    void aDealInADuplicatedStageGetsNoFindingOfItsOwn() {
        String bundle = "--- stages.ldjson\n" + stage("s1", "s", "") + "\n" + stage("s2", "s", "") + "\n"
                + "--- deals.ldjson\n" + DEAL_START + ", \"closeDate\": \"2022-09-04\", \"amount\": 1}\n";
        assertEquals(List.of("duplicate-stage-name@stages.ldjson:2"), Bundles.validate(bundle).findings().stream()
                .map(f -> f.rule() + "@" + f.file() + ":" + f.line()).toList());
    }

    @Test
    void userEmailsAreComparedIgnoringCaseAndDeletedUsersDoNotCount() {
        String bundle = """
                --- users.ldjson
                {"objectId": "u1", "modifiedDate": "2019-01-03T23:45:57Z", "emailAddress": "jane@example.com"}
                {"objectId": "u0", "modifiedDate": "2019-01-03T23:45:58Z", "emailAddress": "john@example.com", "isDeleted": true}
                {"objectId": "u2", "modifiedDate": "2019-01-03T23:45:59Z", "emailAddress": "JANE@Example.com"}
                {"objectId": "u3", "modifiedDate": "2019-01-03T23:46:00Z", "emailAddress": "john@example.com"}
                --- contacts.ldjson
                {"objectId": "c1", "modifiedDate": "2019-01-03T23:45:57Z", "accountId": "a", "emailAddress": "jane@example.com", "firstName": "J", "lastName": "D"}
                {"objectId": "c2", "modifiedDate": "2019-01-03T23:45:58Z", "accountId": "a", "emailAddress": "jane@example.com", "firstName": "J", "lastName": "D"}
                """;
        ValidationResult result = Bundles.validate(bundle);
        assertEquals(List.of("duplicate-user-email@users.ldjson:3:60"), rulesAt(result));
        assertTrue(result.findings().get(0).message().contains("'JANE@Example.com' is already mapped to user 'u1' on line 1 "
                + "(written 'jane@example.com' there);"), "the line's own spelling first: " + result.findings().get(0).message());
    }

    @Test
    void aUserMappingFileIsRecognisedByItsNameAndCheckedByItsOwnSchema() {
        String bundle = """
                --- user-mapping.ldjson
                {"crmUserId": "2356ddfwe32", "emailAddress": "jane@example.com"}
                {"crmUserId": "67534ghf745", "isDeleted": true}
                """;
        assertEquals(List.of(), Bundles.validate(bundle).findings());
    }

    @Test
    void aUserMappingFileGetsTheMandatoryTypeFormatAndDuplicateChecks() {
        String bundle = """
                --- map-users.ldjson
                {"crmUserId": "u1", "emailAddress": "jane@example.com"}
                {"emailAddress": "john@example.com"}
                {"crmUserId": "u2"}
                {"crmUserId": "u3", "emailAddress": "not an address", "isDeleted": "no"}
                {"crmUserId": "u1", "emailAddress": "jane@example.com"}
                {"crmUserId": "u4", "emailAddress": "Jane@example.com"}
                """;
        assertEquals(List.of("missing-mandatory-field@map-users.ldjson:2:0", "missing-mandatory-field@map-users.ldjson:3:0",
                        "email-format@map-users.ldjson:4:21", "wrong-type@map-users.ldjson:4:55",
                        "duplicate-object@map-users.ldjson:5:2", "duplicate-user-email@map-users.ldjson:6:21"),
                rulesAt(Bundles.validate(bundle)));
        Finding duplicate = Bundles.findings(bundle, "duplicate-object").get(0);
        assertTrue(duplicate.message().startsWith("crmUserId 'u1' already appears on line 1"), duplicate.message());
        assertEquals("/crmUserId", duplicate.field());
    }

    @Test
    void aFieldAUserMappingLineDoesNotListIsUnknownWithoutSchemaFileAdvice() {
        String bundle = """
                --- user-mapping.ldjson
                {"crmUserId": "u1", "emailAddress": "jane@example.com", "objectId": "u1"}
                """;
        List<Finding> unknown = Bundles.findings(bundle, "unknown-field");
        assertEquals(1, unknown.size());
        assertEquals("field 'objectId' is not one of the fields of this file (crmUserId, emailAddress, isDeleted); "
                + "Gong documents no other field here: drop it", unknown.get(0).message());
    }

    @Test
    void mappedUsersAreTheUsersDealsReferToAndShareEmailAddressesWithBusinessUsers() {
        String bundle = "--- users_mapping.jsonl\n{\"crmUserId\": \"u1\", \"emailAddress\": \"jane@example.com\"}\n"
                + "--- users.ldjson\n{\"objectId\": \"u2\", \"modifiedDate\": \"2019-01-03T23:45:57Z\", \"emailAddress\": \"jane@example.com\"}\n"
                + "--- deals.ldjson\n" + DEAL_START.replace("\"stage\": \"s\"", "\"stage\": \"s\", \"closeDate\": \"2022-09-04\", \"amount\": 1")
                + "}\n" + DEAL_START.replace("\"u1\"", "\"u9\"").replace("\"d1\"", "\"d2\"")
                + ", \"closeDate\": \"2022-09-04\", \"amount\": 1}\n";
        assertEquals(List.of("duplicate-user-email@users.ldjson:1", "unresolved-reference@deals.ldjson:2"),
                Bundles.validate(bundle).findings().stream().map(f -> f.rule() + "@" + f.file() + ":" + f.line()).toList());
    }

    @Test
    void aDealMayGiveTheDeprecatedCloseDateAndAmountInsteadWithAWarning() {
        String bundle = "--- deals.ldjson\n" + DEAL_START + ", \"estimatedCloseDate\": \"2022-09-04\", \"actualAmount\": 7}\n";
        assertEquals(List.of("deprecated-field", "deprecated-field"),
                Bundles.validate(bundle).findings().stream().map(Finding::rule).toList());
    }

    @Test
    void aDealWithNeitherShapeIsMissingTheCurrentField() {
        String bundle = "--- deals.ldjson\n" + DEAL_START + ", \"estimatedAmount\": null}\n";
        List<Finding> findings = Bundles.findings(bundle, "missing-mandatory-field");
        assertEquals(List.of("/closeDate", "/amount"), findings.stream().map(Finding::field).toList(),
                "named by the field to use, never by a deprecated one (an empty estimatedAmount included)");
        assertTrue(findings.get(0).message().startsWith("Mandatory field [closeDate] is missing "
                + "(estimatedCloseDate or actualCloseDate would also do)"), findings.get(0).message());
        assertTrue(findings.get(1).message().startsWith("Mandatory field [amount] is missing "
                + "(estimatedAmount or actualAmount would also do)"), findings.get(1).message());
    }
}
