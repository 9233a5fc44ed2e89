package dev.gongcrm.validator.rules.references;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.rules.ReferenceScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;

/** A stage with isActive: false, or sent with isDeleted: true (which sets a stage to inactive). */
@RuleDoc(
        name = "inactive-stage",
        severity = Severity.WARNING,
        summary = "A deal should not be in a stage that is inactive or deleted in the same bundle.",
        seed = "isActive Indicates if the stage is active in the CRM. (For objectType=STAGE isDeleted sets the stage to inactive)",
        bad = """
                --- stages.ldjson
                {"objectId": "discovery", "modifiedDate": "2019-01-03T23:45:57+01:00", "internalName": "discovery", "name": "Discovery", "isActive": false, "sortOrder": 1}
                --- deals.ldjson
                {"objectId": "8608553", "modifiedDate": "2022-02-04T18:24:59Z", "accountId": "5ybyh6n6n65", "ownerId": "5486951", "name": "Deal name", "createdDate": "2022-02-04T17:57:23Z", "closeDate": "2022-09-04", "isOpen": true, "isWon": false, "stage": "discovery", "amount": 7000}
                """,
        reported = {"deals.ldjson:1:234 /stage"},
        good = """
                --- stages.ldjson
                {"objectId": "discovery", "modifiedDate": "2019-01-03T23:45:57+01:00", "internalName": "discovery", "name": "Discovery", "isActive": true, "sortOrder": 1}
                --- deals.ldjson
                {"objectId": "8608553", "modifiedDate": "2022-02-04T18:24:59Z", "accountId": "5ybyh6n6n65", "ownerId": "5486951", "name": "Deal name", "createdDate": "2022-02-04T17:57:23Z", "closeDate": "2022-09-04", "isOpen": true, "isWon": false, "stage": "discovery", "amount": 7000}
                """)
public final class InactiveStage implements Rule {

    @Override
    public void checkReference(ReferenceScope reference) {
        if (reference.target() == ObjectType.STAGE && reference.found() && reference.inactive()) {
            reference.report(this, "stage '" + reference.value() + "' is inactive in this bundle"
                    + (reference.deleted() ? " (sent with isDeleted: true)" : " (isActive: false)")
                    + "; move the deal to an active stage or activate the stage");
        }
    }
}
