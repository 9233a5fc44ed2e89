package dev.gongcrm.validator.rules.fields;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.read.FieldValue;
import dev.gongcrm.validator.rules.GongWording;
import dev.gongcrm.validator.rules.RecordScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.JsonKind;
import dev.gongcrm.validator.schema.ValueFormat;
import dev.gongcrm.validator.time.IsoDates;

/** Applies to fields whose schema says {@code format: date} (closeDate, DATE custom fields). */
@GongWording("Field [{field}] has an invalid date format")
@RuleDoc(
        name = "date-format",
        severity = Severity.ERROR,
        summary = "Dates (closeDate, DATE fields) must be ISO-8601 dates without time, like 2021-05-19.",
        seed = "closeDate The deal's close date (ISO-8601), without time e.g. \"2021-05-19\"",
        bad = """
                --- deals.ldjson
                {"objectId": "8608553", "modifiedDate": "2022-02-04T18:24:59Z", "accountId": "5ybyh6n6n65", "ownerId": "5486951", "name": "Deal name", "createdDate": "2022-02-04T17:57:23Z", "closeDate": "2022-09-04T00:00:00Z", "isOpen": true, "isWon": false, "stage": "discovery", "amount": 7000}
                """,
        reported = {"deals.ldjson:1:175 /closeDate"},
        good = """
                --- deals.ldjson
                {"objectId": "8608553", "modifiedDate": "2022-02-04T18:24:59Z", "accountId": "5ybyh6n6n65", "ownerId": "5486951", "name": "Deal name", "createdDate": "2022-02-04T17:57:23Z", "closeDate": "2022-09-04", "isOpen": true, "isWon": false, "stage": "discovery", "amount": 7000}
                """)
public final class DateFormat implements Rule {

    @Override
    public boolean appliesTo(FieldSpec spec) {
        return spec != null && spec.format() == ValueFormat.DATE;
    }

    @Override
    public void checkField(RecordScope scope, FieldValue value, FieldSpec spec) {
        if (value.kind() == JsonKind.STRING && !scope.isMissingMandatory(value) && !IsoDates.isDate(value.chars())) {
            scope.report(this, value.name(), "field '" + value.name() + "': " + IsoDates.explainDate(value.text()));
        }
    }
}
