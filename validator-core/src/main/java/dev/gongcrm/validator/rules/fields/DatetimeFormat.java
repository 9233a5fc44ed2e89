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
import dev.gongcrm.validator.schema.ValueFormat;
import dev.gongcrm.validator.time.IsoDates;

/** Applies to fields whose schema says {@code format: date-time} (modifiedDate, createdDate, DATETIME custom fields). */
@SchemaKeywords(value = {"pattern", "format"}, onFormat = "date-time", breaksDefinition = false)
@GongWording("Field [{field}] has an invalid date format")
@RuleDoc(
        name = "datetime-format",
        severity = Severity.ERROR,
        fix = "Drops fractional seconds (truncating: .999Z becomes Z); adds a zone to a datetime without one only with --assume-zone.",
        summary = "Datetimes must be ISO-8601 with a zone offset or Z and without milliseconds.",
        seed = "Dates in the uploaded JSON objects are represented in ISO-8601 format without milliseconds "
                + "(e.g. '2018-02-18T02:30:00-07:00' or '2018-02-18T08:00:00Z', where Z stands for UTC).",
        bad = """
                --- accounts.ldjson
                {"objectId": "5ybyh6n6n65", "modifiedDate": "2019-01-03T22:45:57.000Z", "name": "PBR", "domains": ["pbr.com"]}
                """,
        reported = {"accounts.ldjson:1:29 /modifiedDate"},
        good = """
                --- accounts.ldjson
                {"objectId": "5ybyh6n6n65", "modifiedDate": "2019-01-03T22:45:57Z", "name": "PBR", "domains": ["pbr.com"]}
                """)
public final class DatetimeFormat implements Rule {

    @Override
    public boolean appliesTo(FieldSpec spec) {
        return spec != null && spec.format() == ValueFormat.DATE_TIME;
    }

    @Override
    public void checkField(RecordScope scope, FieldValue value, FieldSpec spec) {
        if (value.kind() == JsonKind.STRING && !scope.isMissingMandatory(value)
                && value.epochSeconds() == IsoDates.INVALID) {
            String text = value.text();
            scope.report(this, value.name(), "field '" + value.name() + "': " + IsoDates.explainDateTime(text),
                    !value.isCut() && IsoDates.onlyFractionWrong(text));
        }
    }
}
