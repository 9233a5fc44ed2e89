package dev.gongcrm.validator.rules.references;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.rules.ReferenceScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;

/** Stages are left to inactive-stage: deleting a stage only makes it inactive. */
@RuleDoc(
        name = "reference-to-deleted",
        severity = Severity.WARNING,
        summary = "A reference should not name an object that the same bundle deletes.",
        seed = "isDeleted \"true\" deletes the object",
        bad = """
                --- accounts.ldjson
                {"objectId": "gfjhty756th", "modifiedDate": "2019-01-03T22:45:57Z", "name": "PBR", "domains": ["pbr.com", "pbr.gov"], "isDeleted": true}
                --- contacts.ldjson
                {"objectId": "5zbwd7n5n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "accountId": "gfjhty756th", "emailAddress": "john.smith@example.com", "firstName": "john", "lastName": "smith"}
                """,
        reported = {"contacts.ldjson:1:74 /accountId"},
        good = """
                --- accounts.ldjson
                {"objectId": "gfjhty756th", "modifiedDate": "2019-01-03T22:45:57Z", "name": "PBR", "domains": ["pbr.com", "pbr.gov"]}
                --- contacts.ldjson
                {"objectId": "5zbwd7n5n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "accountId": "gfjhty756th", "emailAddress": "john.smith@example.com", "firstName": "john", "lastName": "smith"}
                """)
public final class ReferenceToDeleted implements Rule {

    @Override
    public void checkReference(ReferenceScope reference) {
        if (reference.found() && reference.deleted() && reference.target() != ObjectType.STAGE) {
            reference.report(this, "field '" + reference.field() + "' names " + reference.target().resourceName()
                    + " '" + reference.value() + "', which this bundle deletes (isDeleted: true)");
        }
    }
}
