package dev.gongcrm.validator.rules.fields;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.read.CrmRecord;
import dev.gongcrm.validator.read.FieldValue;
import dev.gongcrm.validator.rules.RecordScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.rules.SchemaFieldScope;
import dev.gongcrm.validator.schema.FieldSpec;

/** Which fields are deprecated, and by what they are replaced, comes from the schemas ({@code deprecated}, {@code x-gong-replacement}). */
@RuleDoc(
        name = "deprecated-field",
        severity = Severity.WARNING,
        fix = "Renames a deprecated field to the field that replaces it, or drops it when that field is already set to the same value.",
        summary = "Deprecated fields (lastModified, estimatedCloseDate, actualCloseDate, estimatedAmount, actualAmount, schema 'name') should be replaced.",
        seed = "estimatedAmount (Deprecated) Deprecated. Please use amount instead",
        bad = """
                --- deals.ldjson
                {"objectId": "8608553", "modifiedDate": "2022-02-04T18:24:59Z", "accountId": "5ybyh6n6n65", "ownerId": "5486951", "name": "Deal name", "createdDate": "2022-02-04T17:57:23Z", "closeDate": "2022-09-04", "isOpen": true, "isWon": false, "stage": "discovery", "amount": 7000, "estimatedAmount": 7000}
                """,
        reported = {"deals.ldjson:1:272 /estimatedAmount"},
        good = """
                --- deals.ldjson
                {"objectId": "8608553", "modifiedDate": "2022-02-04T18:24:59Z", "accountId": "5ybyh6n6n65", "ownerId": "5486951", "name": "Deal name", "createdDate": "2022-02-04T17:57:23Z", "closeDate": "2022-09-04", "isOpen": true, "isWon": false, "stage": "discovery", "amount": 7000}
                """)
public final class DeprecatedField implements Rule {

    @Override
    public boolean appliesTo(FieldSpec spec) {
        return spec != null && spec.deprecated();
    }

    @Override
    public void checkField(RecordScope scope, FieldValue value, FieldSpec spec) {
        String replacement = spec.replacement();
        FieldValue current = replacement == null ? null : scope.record().get(replacement);
        scope.report(this, value.name(), "field '" + value.name() + "' is deprecated"
                + (replacement == null ? withoutReplacement(spec) : current != null
                        ? "; '" + replacement + "' is already set, so drop '" + value.name() + "'"
                        : "; send '" + replacement + "' instead"),
                replacement != null && takesReplacement(scope, value, replacement, current));
    }

    /**
     * Whether {@code gongcrm fix} can put the replacement in place of this field: it renames the first
     * deprecated field of the line that has this replacement, then drops each later one that holds the same value.
     */
    private static boolean takesReplacement(RecordScope scope, FieldValue value, String replacement,
                                            FieldValue current) {
        if (current != null) {
            return current.sameValueAs(value);
        }
        CrmRecord record = scope.record();
        for (int i = 0; i < record.size(); i++) {
            FieldValue field = record.field(i);
            FieldSpec spec = scope.spec().field(field.name());
            if (spec != null && spec.deprecated() && replacement.equals(spec.replacement())) {
                return field == value || field.sameValueAs(value);
            }
        }
        return true;
    }

    /** A field replaced by something other than a rename (the current profile's isOpen/isWon): its description says how. */
    private static String withoutReplacement(FieldSpec spec) {
        String how = spec.description().replace("(Deprecated)", "").strip();
        return how.isEmpty() ? "" : ": " + how;
    }

    @Override
    public void checkSchemaField(SchemaFieldScope field) {
        for (String property : field.definition().propertyNames()) {
            field.replacementOf(property).ifPresent(replacement -> field.report(this, property,
                    replacement.isEmpty() ? "'" + property + "' is deprecated; drop it"
                    : field.definition().has(replacement)
                    ? "'" + property + "' is deprecated and " + replacement + " is set; drop '" + property + "'"
                    : "'" + property + "' is deprecated; rename it to '" + replacement + "'",
                    !replacement.isEmpty() && (!field.definition().has(replacement)
                            || field.definition().get(replacement).equals(field.definition().get(property)))));
        }
    }
}
