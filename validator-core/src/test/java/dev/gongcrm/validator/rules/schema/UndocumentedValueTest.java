package dev.gongcrm.validator.rules.schema;

import dev.gongcrm.validator.Bundles;
import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.schema.ProfileSchemas;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * referenceTo BUSINESS_USER, which the upload endpoint names and clients send but neither profile's
 * description documents (both say USER): a warning naming USER in every profile, never an error, and a
 * field that refers to users either way.
 */
class UndocumentedValueTest {

    private static List<String> findings(String profile, String referenceTo, String deals) throws Exception {
        String bundle = "--- deal.schema.json\n[{\"uniqueName\": \"salesEngineer\", \"label\": \"Sales Engineer\", "
                + "\"type\": \"REFERENCE\", \"referenceTo\": \"" + referenceTo + "\"}]\n"
                + "--- users.ldjson\n{\"objectId\": \"u1\", \"modifiedDate\": \"2024-01-01T00:00:00Z\", "
                + "\"emailAddress\": \"u1@example.com\"}\n"
                + "--- deals.ldjson\n" + deals;
        return Validator.builder().profile(profile).build().validateFiles(Bundles.parse(bundle)).findings().stream()
                .filter(f -> !f.rule().equals("missing-mandatory-field") && !f.rule().equals("missing-recommended-field"))
                .map(UndocumentedValueTest::describe).toList();
    }

    private static String describe(Finding f) {
        return f.severity().id() + " " + f.rule() + " " + f.file() + ":" + f.line() + " " + f.field() + " " + f.message();
    }

    private static String deal(String salesEngineer) {
        return "{\"objectId\": \"d1\", \"modifiedDate\": \"2024-01-01T00:00:00Z\", \"salesEngineer\": \""
                + salesEngineer + "\"}\n";
    }

    @Test
    void businessUserIsAWarningNamingUserInEveryProfileAndRefersToUsers() throws Exception {
        for (String profile : ProfileSchemas.PROFILES) {
            assertEquals(List.of("warning undocumented-value deal.schema.json:1 /0/referenceTo field definition "
                            + "'salesEngineer': referenceTo \"BUSINESS_USER\" is accepted, but this profile's API "
                            + "description does not document it; it documents \"USER\" for the same: write \"USER\""),
                    findings(profile, "BUSINESS_USER", deal("u1")), profile);
            List<String> unresolved = findings(profile, "BUSINESS_USER", deal("u2"));
            assertEquals(2, unresolved.size(), profile + ": " + unresolved);
            assertEquals("error unresolved-reference deals.ldjson:1 /salesEngineer", unresolved.get(1).substring(0,
                    "error unresolved-reference deals.ldjson:1 /salesEngineer".length()), profile + ": " + unresolved);
        }
    }

    @Test
    void userIsDocumentedAndAnythingElseIsRefusedWithTheDocumentedValues() throws Exception {
        for (String profile : ProfileSchemas.PROFILES) {
            assertEquals(List.of(), findings(profile, "USER", deal("u1")), profile);
            List<String> wrong = findings(profile, "Users", deal("u1"));
            assertEquals("error invalid-enum-value deal.schema.json:1 /0/referenceTo field definition 'salesEngineer': "
                    + "referenceTo \"Users\" is not one of [ACCOUNT, CONTACT, DEAL, LEAD, USER] (case-sensitive)",
                    wrong.get(0), profile);
        }
    }
}
