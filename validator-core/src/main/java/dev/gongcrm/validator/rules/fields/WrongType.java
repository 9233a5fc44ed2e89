package dev.gongcrm.validator.rules.fields;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.read.FieldValue;
import dev.gongcrm.validator.rules.GongWording;
import dev.gongcrm.validator.rules.RecordScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.rules.SchemaKeywords;
import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.JsonKind;

/** The JSON type of each field comes from its schema: built-in fields from the type schema, custom ones from the uploaded schema. */
@SchemaKeywords({"type", "pattern", "format", SchemaKeywords.ANY_OTHER})
@GongWording("Field [{field}] has an invalid value")
@RuleDoc(
        name = "wrong-type",
        severity = Severity.ERROR,
        fix = "Unquotes a string that holds a plain number in a number field, and \"true\"/\"false\" in a boolean field; nothing else.",
        summary = "Each field must have the JSON type its schema gives (string, boolean, number, integer, array of strings).",
        seed = "The field value matches the type defined in the schema",
        bad = """
                --- stages.ldjson
                {"objectId": "discovery", "modifiedDate": "2019-01-03T23:45:57+01:00", "internalName": "discovery", "name": "Discovery", "isActive": "true", "sortOrder": "1"}
                """,
        reported = {"stages.ldjson:1:122 /isActive", "stages.ldjson:1:142 /sortOrder"},
        good = """
                --- stages.ldjson
                {"objectId": "discovery", "modifiedDate": "2019-01-03T23:45:57+01:00", "internalName": "discovery", "name": "Discovery", "isActive": true, "sortOrder": 1}
                """)
public final class WrongType implements Rule {

    @Override
    public boolean appliesTo(FieldSpec spec) {
        return spec != null;
    }

    @Override
    public void checkField(RecordScope scope, FieldValue value, FieldSpec spec) {
        JsonKind kind = value.kind();
        if (spec.accepts(kind) || scope.isMissingMandatory(value)) {
            if (kind == JsonKind.ARRAY && spec.items() != null && value.firstNonStringItem() != null) {
                scope.report(this, value.name(), "field '" + value.name() + "' must be an array of strings, but it holds "
                        + value.firstNonStringItem().description() + "; quote every element");
            }
            return;
        }
        if (kind == JsonKind.NUMBER && spec.kinds().contains(JsonKind.INTEGER)
                && (value.isIntegral() || Double.isInfinite(value.number()))) {
            return; // 3.0 is an integer in JSON Schema; an infinite one is out-of-range's to report
        }
        scope.report(this, value.name(), "field '" + value.name() + "' must be " + spec.expectedDescription()
                + ", got " + kind.description() + " (" + value.display() + ")" + hint(value, spec),
                kind == JsonKind.STRING && !value.isCut() && spec.meansUnquoted(value.text()));
    }

    private static String hint(FieldValue value, FieldSpec spec) {
        if (value.kind() != JsonKind.STRING) {
            if (value.kind() != JsonKind.ARRAY && spec.kinds().contains(JsonKind.ARRAY)) {
                return "; wrap it in an array: [" + value.display().replace('\'', '"') + "]";
            }
            if (value.kind() != JsonKind.NULL && spec.kinds().contains(JsonKind.STRING)) {
                return "; quote it";
            }
            return "";
        }
        String text = value.text().trim();
        if (spec.kinds().contains(JsonKind.BOOLEAN) && (text.equals("true") || text.equals("false"))) {
            return "; write " + text + " without quotes";
        }
        if (spec.kinds().contains(JsonKind.NUMBER) || spec.kinds().contains(JsonKind.INTEGER)) {
            try {
                Double.parseDouble(text);
                return "; write " + text + " without quotes";
            } catch (NumberFormatException notANumber) {
                return "";
            }
        }
        return "";
    }
}
