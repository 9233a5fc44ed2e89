package dev.gongcrm.validator.rules.fields;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.read.FieldValue;
import dev.gongcrm.validator.rules.RecordScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.JsonKind;
import dev.gongcrm.validator.schema.TextLimits;
import dev.gongcrm.validator.schema.ValueFormat;

/**
 * The JSON Schema {@code maxLength} and {@code pattern} of a string field. Date and datetime fields
 * carry a pattern too, but their format rules judge their shape with a better message, so they are
 * left to them.
 */
@RuleDoc(
        name = "string-format",
        severity = Severity.ERROR,
        summary = "A string must fit its field's documented length and pattern (current profile: objectId at most "
                + "64 characters of letters, digits and '-', or an email address).",
        seed = "(current) objectId can have a maximum of 64 characters and can have the following characters: "
                + "alpha numeric characters and a \"-\", a valid email address. No other special characters can be used",
        exampleOptions = "profile=current",
        bad = """
                --- accounts.ldjson
                {"objectId": "acme corp/EMEA", "modifiedDate": "2019-01-03T23:45:57+01:00", "name": "Acme"}
                """,
        reported = {"accounts.ldjson:1:2 /objectId"},
        good = """
                --- accounts.ldjson
                {"objectId": "acme-corp-EMEA", "modifiedDate": "2019-01-03T23:45:57+01:00", "name": "Acme"}
                """)
public final class StringFormat implements Rule {

    @Override
    public boolean appliesTo(FieldSpec spec) {
        return spec != null && !spec.text().isNone() && spec.format() != ValueFormat.DATE
                && spec.format() != ValueFormat.DATE_TIME;
    }

    @Override
    public void checkField(RecordScope scope, FieldValue value, FieldSpec spec) {
        if (value.kind() != JsonKind.STRING || scope.isMissingMandatory(value)) {
            return;
        }
        TextLimits limits = spec.text();
        String text = value.text();
        if (limits.tooLong(text)) {
            scope.report(this, value.name(), "field '" + value.name() + "' is " + text.codePointCount(0, text.length())
                    + " characters long, over its maximum of " + limits.maxLength() + explain(limits));
        } else if (limits.mismatches(text)) {
            scope.report(this, value.name(), "field '" + value.name() + "' is " + value.display()
                    + ", which does not fit its format" + explain(limits));
        }
    }

    private static String explain(TextLimits limits) {
        return limits.patternDescription() == null ? "" : " (" + limits.patternDescription() + ")";
    }
}
