package dev.gongcrm.validator.rules.fields;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.read.FieldValue;
import dev.gongcrm.validator.rules.GongWording;
import dev.gongcrm.validator.rules.RecordScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.rules.SchemaKeywords;
import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.TypeSpec;

import java.util.List;

/**
 * The mandatory fields come from the type's JSON Schema ({@code required}, the {@code isDeleted}
 * condition, {@code x-gong-required-for-dialer} and the {@code anyOf}s of {@code required}); in schema
 * files, from the request body schema (PICKLIST needs orderedValueList, REFERENCE needs referenceTo).
 *
 * <p>A deal's closeDate and amount: the seed's table marks them mandatory (Y) and their deprecated
 * predecessors optional (N), yet its footnotes say "Either estimatedCloseDate or actualCloseDate (or
 * both) must exist in the JSON" and "Either estimatedAmount or actualAmount (or both) must exist in
 * the JSON". The footnotes describe the older shape, which the deprecation keeps working; the table
 * the shape to send. Both documented shapes are accepted: closeDate or one of its deprecated pair,
 * amount or one of its (deprecated-field still warns, and {@code gongcrm fix} renames them). When none
 * is given, the finding names the current field.
 */
@SchemaKeywords({"required", "anyOf", "minItems", "minLength"})
@GongWording("Mandatory field [{field}] is missing or empty")
@RuleDoc(
        name = "missing-mandatory-field",
        severity = Severity.ERROR,
        summary = "Mandatory fields must be present and not empty (null, \"\" and [] count as missing).",
        seed = "Mandatory field [objectId] is missing or empty (each object type lists its mandatory fields; "
                + "emailAddress: Not mandatory when isDeleted = true; orderedValueList: Required for fields of "
                + "type PICKLIST; referenceTo: Required for field of type REFERENCE; closeDate and amount: "
                + "Either estimatedCloseDate or actualCloseDate (or both) must exist in the JSON, "
                + "Either estimatedAmount or actualAmount (or both) must exist in the JSON)",
        bad = """
                --- deals.ldjson
                {"objectId": "8608553", "modifiedDate": "2022-02-04T18:24:59Z", "accountId": "5ybyh6n6n65", "ownerId": "5486951", "name": "", "createdDate": "2022-02-04T17:57:23Z", "closeDate": "2022-09-04", "isOpen": true, "isWon": false, "stage": "discovery"}
                """,
        reported = {"deals.ldjson:1 /amount", "deals.ldjson:1:115 /name"},
        good = """
                --- deals.ldjson
                {"objectId": "8608553", "modifiedDate": "2022-02-04T18:24:59Z", "accountId": "5ybyh6n6n65", "ownerId": "5486951", "name": "Deal name", "createdDate": "2022-02-04T17:57:23Z", "closeDate": "2022-09-04", "isOpen": true, "isWon": false, "stage": "discovery", "amount": 7000}
                """)
public final class MissingMandatoryField implements Rule {

    @Override
    public void checkRecord(RecordScope scope) {
        TypeSpec spec = scope.spec();
        check(scope, spec.mandatory(), "");
        if (!scope.isDeleted()) {
            check(scope, spec.mandatoryUnlessDeleted(), " (it may be left out only when isDeleted is true)");
        }
        if (scope.options().dialer()) {
            check(scope, spec.mandatoryForDialer(), " (mandatory because Gong imports dialer calls)");
        }
        List<List<String>> groups = spec.mandatoryOneOf();
        for (int i = 0; i < groups.size(); i++) { // asked of every line: indexed loops allocate no iterator
            List<String> group = groups.get(i);
            if (noneGiven(scope, group)) {
                // named by the field to use (the first); the others are the deprecated shape, never advised
                check(scope, List.of(group.get(0)), " (" + String.join(" or ", group.subList(1, group.size()))
                        + " would also do)");
            }
        }
    }

    /** Whether the object gives none of the group's fields a value (the group is then unmet). */
    private static boolean noneGiven(RecordScope scope, List<String> group) {
        for (int i = 0; i < group.size(); i++) {
            FieldValue value = scope.record().get(group.get(i));
            if (value != null && !value.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private void check(RecordScope scope, List<String> fields, String why) {
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i);
            FieldValue value = scope.record().get(name);
            if (value == null) {
                scope.report(this, name, "Mandatory field [" + name + "] is missing" + why + "; add it" + hint(scope, name));
            } else if (value.isEmpty()) {
                scope.report(this, name, "Mandatory field [" + name + "] is empty (" + value.display() + ")"
                        + why + "; give it a value" + hint(scope, name));
            }
        }
    }

    private static String hint(RecordScope scope, String name) {
        FieldSpec field = scope.spec().field(name);
        return field == null || field.description().isEmpty() ? "" : ": " + field.description();
    }
}
