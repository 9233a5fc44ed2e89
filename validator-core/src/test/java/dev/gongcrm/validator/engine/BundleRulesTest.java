package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.Bundles;
import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.rules.RuleConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rule behaviour beyond the documented examples: conditions, custom fields, references, schema files. */
class BundleRulesTest {

    private static final String ACCOUNT = "{\"objectId\": \"a1\", \"modifiedDate\": \"2019-01-03T23:45:57+01:00\", "
            + "\"name\": \"PBR\", \"domains\": [\"pbr.com\"]";

    private static List<String> rulesAt(ValidationResult result) {
        return result.findings().stream().map(f -> f.rule() + "@" + f.file() + ":" + f.line()).toList();
    }

    @Test
    void businessUserNeedsNoEmailWhenDeleted() {
        String bundle = """
                --- users.ldjson
                {"objectId": "u1", "modifiedDate": "2019-01-03T23:45:57+01:00", "isDeleted": true}
                {"objectId": "u2", "modifiedDate": "2019-01-03T23:45:57+01:00"}
                """;
        assertEquals(List.of("missing-mandatory-field@users.ldjson:2"), rulesAt(Bundles.validate(bundle)));
    }

    @Test
    void phoneNumberIsMandatoryOnlyForDialerCalls() {
        String bundle = """
                --- leads.ldjson
                {"objectId": "l1", "modifiedDate": "2019-01-03T23:45:57+01:00", "emailAddress": "a@b.co", "firstName": "A", "lastName": "B"}
                """;
        assertEquals(List.of(), rulesAt(Bundles.validate(bundle)));
        ValidationResult dialer = Bundles.validate(Validator.builder().dialer(true).build(), bundle);
        assertEquals(List.of("missing-mandatory-field@leads.ldjson:1"), rulesAt(dialer));
        assertTrue(dialer.findings().get(0).message().contains("dialer"));
        assertEquals("/phoneNumber", dialer.findings().get(0).field());
    }

    @Test
    void customFieldsAreCheckedAgainstTheirSchemaTypes() {
        String bundle = """
                --- deal.schema.json
                [{"uniqueName": "probability", "label": "Probability", "type": "PERCENT"},
                 {"uniqueName": "signedOn", "label": "Signed on", "type": "DATE"},
                 {"uniqueName": "lastCall", "label": "Last call", "type": "DATETIME"},
                 {"uniqueName": "champion", "label": "Champion", "type": "REFERENCE", "referenceTo": "USER"},
                 {"uniqueName": "renewal", "label": "Renewal", "type": "BOOLEAN"},
                 {"uniqueName": "old", "isDeleted": true}]
                --- users.ldjson
                {"objectId": "u1", "modifiedDate": "2019-01-03T23:45:57+01:00", "emailAddress": "u1@example.com"}
                --- deals.ldjson
                {"objectId": "d1", "modifiedDate": "2022-02-04T18:24:59Z", "accountId": "a1", "ownerId": "u1", "name": "D", "createdDate": "2022-02-04T17:57:23Z", "closeDate": "2022-09-04", "isOpen": true, "isWon": false, "stage": "s", "amount": 1, "probability": 67.3, "signedOn": null, "lastCall": "2022-02-04T17:57:23Z", "champion": "u1", "renewal": false}
                {"objectId": "d2", "modifiedDate": "2022-02-04T18:24:59Z", "accountId": "a1", "ownerId": "u1", "name": "D", "createdDate": "2022-02-04T17:57:23Z", "closeDate": "2022-09-04", "isOpen": true, "isWon": false, "stage": "s", "amount": 1, "probability": 0.673e3, "signedOn": "2022-02-04T17:57:23Z", "lastCall": "2022-02-04", "champion": "u9", "renewal": "yes", "old": 1}
                """;
        ValidationResult result = Bundles.validate(bundle);
        assertEquals(List.of("out-of-range@deals.ldjson:2", "date-format@deals.ldjson:2",
                "datetime-format@deals.ldjson:2", "unresolved-reference@deals.ldjson:2", "wrong-type@deals.ldjson:2",
                "unknown-field@deals.ldjson:2"), rulesAt(result));
        assertTrue(result.findings().get(0).message().contains("PERCENT is 0 to 100"));
        assertTrue(result.findings().get(3).message().contains("business user 'u9'"));
    }

    @Test
    void referencesToATypeWithoutFileAreNotChecked() {
        String bundle = """
                --- contacts.ldjson
                {"objectId": "c1", "modifiedDate": "2019-01-03T23:45:57+01:00", "accountId": "nowhere", "emailAddress": "a@b.co", "firstName": "A", "lastName": "B"}
                """;
        assertEquals(List.of(), rulesAt(Bundles.validate(bundle)));
    }

    @Test
    void referencesWithinOneTypeMayPointForward() {
        String bundle = """
                --- account.schema.json
                [{"uniqueName": "parentAccount", "label": "Parent", "type": "REFERENCE", "referenceTo": "ACCOUNT"}]
                --- accounts.ldjson
                {"objectId": "child", "modifiedDate": "2019-01-03T23:45:57+01:00", "name": "C", "domains": ["c.com"], "parentAccount": "parent"}
                {"objectId": "parent", "modifiedDate": "2019-01-03T23:45:57+01:00", "name": "P", "domains": ["p.com"], "parentAccount": "missing"}
                """;
        ValidationResult result = Bundles.validate(bundle);
        assertEquals(List.of("unresolved-reference@accounts.ldjson:2"), rulesAt(result));
        assertEquals(104, result.findings().get(0).column());
    }

    @Test
    void referencesAcrossFilesAreOrderIndependent() {
        String deals = """
                --- deals.ldjson
                {"objectId": "d1", "modifiedDate": "2022-02-04T18:24:59Z", "accountId": "a1", "ownerId": "u1", "name": "D", "createdDate": "2022-02-04T17:57:23Z", "closeDate": "2022-09-04", "isOpen": true, "isWon": false, "stage": "s1", "amount": 1}
                """;
        String others = """
                --- accounts.ldjson
                %s}
                --- stages.ldjson
                {"objectId": "s1", "modifiedDate": "2019-01-03T23:45:57+01:00", "internalName": "s1", "name": "S", "isActive": true, "sortOrder": 1}
                --- users.ldjson
                {"objectId": "u1", "modifiedDate": "2019-01-03T23:45:57+01:00", "emailAddress": "u1@example.com"}
                """.formatted(ACCOUNT);
        assertEquals(List.of(), rulesAt(Bundles.validate(deals + others)));
        assertEquals(List.of(), rulesAt(Bundles.validate(others + deals)));
    }

    @Test
    void stageReferencesUseInternalName() {
        String bundle = """
                --- stages.ldjson
                {"objectId": "stage-1", "modifiedDate": "2019-01-03T23:45:57+01:00", "internalName": "discovery", "name": "Discovery", "isActive": true, "sortOrder": 1}
                --- deals.ldjson
                {"objectId": "d1", "modifiedDate": "2022-02-04T18:24:59Z", "accountId": "a1", "ownerId": "u1", "name": "D", "createdDate": "2022-02-04T17:57:23Z", "closeDate": "2022-09-04", "isOpen": true, "isWon": false, "stage": "stage-1", "amount": 1}
                {"objectId": "d2", "modifiedDate": "2022-02-04T18:24:59Z", "accountId": "a1", "ownerId": "u1", "name": "D", "createdDate": "2022-02-04T17:57:23Z", "closeDate": "2022-09-04", "isOpen": true, "isWon": false, "stage": "discovery", "amount": 1}
                """;
        assertEquals(List.of("unresolved-reference@deals.ldjson:1"), rulesAt(Bundles.validate(bundle)));
    }

    @Test
    void duplicatesAreCountedPerFileNotPerBundle() {
        String bundle = """
                --- accounts-monday.ldjson
                %1$s}
                --- accounts-tuesday.ldjson
                %1$s}
                %1$s}
                """.formatted(ACCOUNT);
        assertEquals(List.of("duplicate-object@accounts-tuesday.ldjson:2"), rulesAt(Bundles.validate(bundle)));
    }

    @Test
    void mandatoryNullIsMissingNotAWrongType() {
        String bundle = """
                --- accounts.ldjson
                {"objectId": "a1", "modifiedDate": "2019-01-03T23:45:57+01:00", "name": null, "domains": []}
                """;
        assertEquals(List.of("missing-mandatory-field@accounts.ldjson:1", "missing-mandatory-field@accounts.ldjson:1"),
                rulesAt(Bundles.validate(bundle)));
    }

    @Test
    void aNumberWhereAStringBelongsIsAWrongType() {
        String bundle = """
                --- accounts.ldjson
                {"objectId": 12345, "modifiedDate": "2019-01-03T23:45:57+01:00", "name": "A", "domains": ["a.com", 7]}
                """;
        ValidationResult result = Bundles.validate(bundle);
        assertEquals(List.of("wrong-type@accounts.ldjson:1", "wrong-type@accounts.ldjson:1"), rulesAt(result));
        assertTrue(result.findings().get(0).message().contains("quote it"));
    }

    @Test
    void hugeNumbersAreOutOfRange() {
        String bundle = """
                --- stages.ldjson
                {"objectId": "s", "modifiedDate": "2019-01-03T23:45:57+01:00", "internalName": "s", "name": "S", "isActive": true, "sortOrder": 1e400}
                """;
        assertEquals(List.of("out-of-range@stages.ldjson:1"), rulesAt(Bundles.validate(bundle)));
    }

    @Test
    void schemaFileRulesReportAtTheLineWhereTheDefinitionStarts() {
        String bundle = """
                --- contact.schema.json
                [
                  {"uniqueName": "tier", "label": "Tier", "type": "PICKLIST"},
                  {"uniqueName": "boss", "label": "Boss",
                   "type": "REFERENCE"},
                  {"name": "legacyName", "label": "Legacy", "type": "STRING"},
                  {"uniqueName": "gone", "isDeleted": true},
                  {"uniqueName": "tier", "label": "Tier again", "type": "STRING", "lastModified": "yesterday"}
                ]
                """;
        ValidationResult result = Bundles.validate(bundle);
        assertEquals(List.of("missing-mandatory-field@contact.schema.json:2",
                "missing-mandatory-field@contact.schema.json:3", "deprecated-field@contact.schema.json:5",
                "datetime-format@contact.schema.json:7", "duplicate-field-definition@contact.schema.json:7"),
                rulesAt(result));
        assertEquals("/0/orderedValueList", result.findings().get(0).field());
        assertTrue(result.findings().get(0).message().contains("Required for fields of type PICKLIST"));
    }

    @Test
    void schemaFilesWithCommentsAreInvalidJsonAtTheirLine() {
        String bundle = """
                --- account.schema.json
                [{"uniqueName": "category", "label": "Category", "type": "STRING"}, // custom field
                 {"uniqueName": "industry", "isDeleted": true}]
                """;
        assertEquals(List.of("invalid-json@account.schema.json:1"), rulesAt(Bundles.validate(bundle)));
    }

    @Test
    void stagesCannotHaveCustomFields() {
        String bundle = """
                --- stage.schema.json
                [{"uniqueName": "color", "label": "Color", "type": "STRING"}]
                """;
        assertEquals(List.of("invalid-enum-value@stage.schema.json:1"), rulesAt(Bundles.validate(bundle)));
    }

    @Test
    void selectIgnoreAndSeverityOverridesApply() {
        String bundle = """
                --- accounts.ldjson
                {"objectId": "a1", "modifiedDate": "2019-01-03T23:45:57.000Z", "name": "A", "domains": ["a.com"], "extra": 1}
                """;
        Validator ignoring = Validator.builder().rules(new RuleConfig(Set.of(), Set.of("datetime-format"),
                Map.of("unknown-field", Severity.ERROR))).build();
        List<Finding> findings = Bundles.validate(ignoring, bundle).findings();
        assertEquals(1, findings.size());
        assertEquals("unknown-field", findings.get(0).rule());
        assertEquals(Severity.ERROR, findings.get(0).severity());
        Validator selecting = Validator.builder().rules(new RuleConfig(Set.of("datetime-format"), Set.of(), Map.of()))
                .build();
        assertEquals(List.of("datetime-format@accounts.ldjson:1"), rulesAt(Bundles.validate(selecting, bundle)));
    }

    @Test
    void theFindingCapKeepsCounting() {
        StringBuilder bundle = new StringBuilder("--- accounts.ldjson\n");
        for (int i = 0; i < 50; i++) {
            bundle.append("{\"objectId\": \"a").append(i).append("\"}\n");
        }
        ValidationResult result = Bundles.validate(Validator.builder().maxFindings(10).build(), bundle.toString());
        assertEquals(10, result.findings().size());
        assertEquals(150, result.count(Severity.ERROR));
        assertTrue(result.truncated());
    }
}
