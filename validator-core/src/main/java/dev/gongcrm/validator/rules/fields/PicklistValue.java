package dev.gongcrm.validator.rules.fields;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.read.FieldValue;
import dev.gongcrm.validator.rules.GongWording;
import dev.gongcrm.validator.rules.RecordScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.JsonKind;

/**
 * The allowed values are the orderedValueList of the field's definition in the uploaded schema, or the
 * {@code enum} of a Gong-defined field (the current profile's deal {@code status}).
 */
@GongWording("Field [{field}] has an invalid value")
@RuleDoc(
        name = "picklist-value",
        severity = Severity.ERROR,
        summary = "A PICKLIST field's value must be one of its orderedValueList (case-sensitive), and so must the value of a Gong-defined field with fixed values (current profile: deal status WON, LOST or OPEN).",
        seed = "PICKLIST string - one of the values in an orderedValueList",
        bad = """
                --- account.schema.json
                [{"uniqueName": "category", "label": "Category", "type": "PICKLIST", "orderedValueList": ["Analyst", "Customer", "Partner"]}]
                --- accounts.ldjson
                {"objectId": "5ybyh6n6n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "name": "PBR", "domains": ["pbr.com"], "category": "customer"}
                """,
        reported = {"accounts.ldjson:1:113 /category"},
        good = """
                --- account.schema.json
                [{"uniqueName": "category", "label": "Category", "type": "PICKLIST", "orderedValueList": ["Analyst", "Customer", "Partner"]}]
                --- accounts.ldjson
                {"objectId": "5ybyh6n6n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "name": "PBR", "domains": ["pbr.com"], "category": "Customer"}
                """)
public final class PicklistValue implements Rule {

    @Override
    public boolean appliesTo(FieldSpec spec) {
        return spec != null && spec.allowedValues() != null;
    }

    @Override
    public void checkField(RecordScope scope, FieldValue value, FieldSpec spec) {
        if (value.kind() != JsonKind.STRING || spec.allowedValues().contains(value.text())) {
            return;
        }
        String caseHint = spec.allowedValues().stream().filter(v -> v.equalsIgnoreCase(value.text())).findFirst()
                .map(v -> " (values are case-sensitive: did you mean '" + v + "'?)").orElse("");
        scope.report(this, value.name(), "field '" + value.name() + "' is " + value.display()
                + ", which is not " + (spec.isCustom() ? "in its orderedValueList " : "one of ")
                + spec.allowedValues() + caseHint);
    }
}
