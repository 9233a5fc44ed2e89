package dev.gongcrm.validator.rules.objects;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.rules.RecordScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;

/** Only with {@code --initial}: the first upload of an integration has nothing to delete yet. */
@RuleDoc(
        name = "deleted-on-initial-upload",
        severity = Severity.WARNING,
        fix = "With --initial, drops the objects sent with isDeleted: true.",
        summary = "On an initial upload, objects with isDeleted: true should not be sent.",
        seed = "On initial upload: Only send the items that weren't deleted",
        exampleOptions = "initial",
        bad = """
                --- accounts.ldjson
                {"objectId": "gfjhty756th", "modifiedDate": "2019-01-03T22:45:57Z", "name": "PBR", "domains": ["pbr.com", "pbr.gov"], "isDeleted": true}
                """,
        reported = {"accounts.ldjson:1:119 /isDeleted"},
        good = """
                --- accounts.ldjson
                {"objectId": "5ybyh6n6n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "name": "PBR", "domains": ["pbr.com", "pbr.gov"]}
                """)
public final class DeletedOnInitialUpload implements Rule {

    @Override
    public void checkRecord(RecordScope scope) {
        if (scope.options().initialUpload() && scope.isDeleted()) {
            scope.report(this, "isDeleted", "object is sent with isDeleted: true on an initial upload; "
                    + "only send the items that weren't deleted (drop this line)");
        }
    }
}
