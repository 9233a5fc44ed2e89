package dev.gongcrm.validator.rules.fields;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.read.FieldValue;
import dev.gongcrm.validator.rules.GongWording;
import dev.gongcrm.validator.rules.RecordScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.JsonKind;

/** Bounds come from the schema's {@code minimum}/{@code maximum}; numbers too large for a double are caught too. */
@GongWording("Field [{field}] has an invalid value")
@RuleDoc(
        name = "out-of-range",
        severity = Severity.ERROR,
        summary = "Numbers must lie in their field's range: PERCENT 0..100, STAGE sortOrder from 1, and finite.",
        seed = "PERCENT number (between 0 to 100); sortOrder The order of the stage in the sales process (starting from 1).",
        bad = """
                --- stages.ldjson
                {"objectId": "discovery", "modifiedDate": "2019-01-03T23:45:57+01:00", "internalName": "discovery", "name": "Discovery", "isActive": true, "sortOrder": 0}
                """,
        reported = {"stages.ldjson:1:140 /sortOrder"},
        good = """
                --- stages.ldjson
                {"objectId": "discovery", "modifiedDate": "2019-01-03T23:45:57+01:00", "internalName": "discovery", "name": "Discovery", "isActive": true, "sortOrder": 1}
                """)
public final class OutOfRange implements Rule {

    @Override
    public boolean appliesTo(FieldSpec spec) {
        return spec != null && (spec.kinds().contains(JsonKind.NUMBER) || spec.kinds().contains(JsonKind.INTEGER));
    }

    @Override
    public void checkField(RecordScope scope, FieldValue value, FieldSpec spec) {
        if (value.kind() != JsonKind.INTEGER && value.kind() != JsonKind.NUMBER) {
            return;
        }
        double number = value.number();
        String name = value.name();
        if (Double.isInfinite(number)) {
            scope.report(this, name, "field '" + name + "' is " + value.text() + ", beyond the range of a number Gong can store");
        } else if (spec.minimum() != null && number < spec.minimum()) {
            scope.report(this, name, "field '" + name + "' is " + value.text() + ", below its minimum "
                    + plain(spec.minimum()) + rangeHint(spec));
        } else if (spec.maximum() != null && number > spec.maximum()) {
            scope.report(this, name, "field '" + name + "' is " + value.text() + ", above its maximum "
                    + plain(spec.maximum()) + rangeHint(spec));
        }
    }

    private static String rangeHint(FieldSpec spec) {
        if ("PERCENT".equals(spec.customType())) {
            return " (PERCENT is 0 to 100: send 67.3 for 67.3%, not 0.673 or 6730)";
        }
        return spec.description().isEmpty() ? "" : " (" + spec.description() + ")";
    }

    private static String plain(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }
}
