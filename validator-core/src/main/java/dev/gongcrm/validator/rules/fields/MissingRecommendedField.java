package dev.gongcrm.validator.rules.fields;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.read.FieldValue;
import dev.gongcrm.validator.rules.RecordScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;

import java.util.Map;

/**
 * Optional fields whose absence Gong's description warns about ({@code x-gong-if-missing} in the type's
 * schema): the current profile's deals without accountId, ownerId, closeDate or stage are accepted but
 * missing from the deal board or from Gong. A deleted object needs none of them.
 */
@RuleDoc(
        name = "missing-recommended-field",
        severity = Severity.WARNING,
        summary = "An optional field whose absence Gong's documentation warns about is missing or empty "
                + "(current profile: a deal's accountId, ownerId, closeDate, stage).",
        seed = "(current) accountId Note: Deals without an accountId will not appear in Gong; ownerId Note: Deals "
                + "without an ownerId will not appear in the deal board in Gong.",
        exampleOptions = "profile=current",
        bad = """
                --- deals.ldjson
                {"objectId": "8608553", "modifiedDate": "2022-02-04T18:24:59Z", "name": "Deal name", "closeDate": "2022-09-04", "status": "OPEN", "stage": "discovery"}
                """,
        reported = {"deals.ldjson:1 /accountId", "deals.ldjson:1 /ownerId"},
        good = """
                --- deals.ldjson
                {"objectId": "8608553", "modifiedDate": "2022-02-04T18:24:59Z", "accountId": "5ybyh6n6n65", "ownerId": "5486951", "name": "Deal name", "closeDate": "2022-09-04", "status": "OPEN", "stage": "discovery"}
                """)
public final class MissingRecommendedField implements Rule {

    @Override
    public void checkRecord(RecordScope scope) {
        Map<String, String> recommended = scope.spec().recommended();
        if (recommended.isEmpty() || scope.isDeleted()) { // asked of every line: no iterator when there is nothing
            return;
        }
        for (Map.Entry<String, String> field : recommended.entrySet()) {
            FieldValue value = scope.record().get(field.getKey());
            if (value == null || value.isEmpty()) {
                scope.report(this, field.getKey(), "field '" + field.getKey() + "' is "
                        + (value == null ? "missing" : "empty") + ": \"" + field.getValue() + "\"; send it when the CRM has it");
            }
        }
    }
}
