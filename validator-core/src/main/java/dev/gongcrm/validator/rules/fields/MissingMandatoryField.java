package dev.gongcrm.validator.rules.fields;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.read.FieldValue;
import dev.gongcrm.validator.rules.RecordScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.TypeSpec;

import java.util.List;

/**
 * The mandatory fields come from the type's JSON Schema ({@code required}, the {@code isDeleted}
 * condition and {@code x-gong-required-for-dialer}); in schema files, from the request body schema
 * (PICKLIST needs orderedValueList, REFERENCE needs referenceTo).
 */
@RuleDoc(
        name = "missing-mandatory-field",
        severity = Severity.ERROR,
        summary = "Mandatory fields must be present and not empty (null, \"\" and [] count as missing).",
        seed = "Mandatory field [objectId] is missing or empty (each object type lists its mandatory fields; "
                + "emailAddress: Not mandatory when isDeleted = true; orderedValueList: Required for fields of "
                + "type PICKLIST; referenceTo: Required for field of type REFERENCE)",
        bad = """
                --- deals.ldjson
                {"objectId": "8608553", "modifiedDate": "2022-02-04T18:24:59Z", "accountId": "5ybyh6n6n65", "ownerId": "5486951", "name": "", "createdDate": "2022-02-04T17:57:23Z", "closeDate": "2022-09-04", "isOpen": true, "isWon": false, "stage": "discovery"}
                """,
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
    }

    private void check(RecordScope scope, List<String> fields, String why) {
        for (String name : fields) {
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
