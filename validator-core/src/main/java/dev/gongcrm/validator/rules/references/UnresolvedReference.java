package dev.gongcrm.validator.rules.references;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.rules.ReferenceScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;

/**
 * References come from the schemas ({@code x-gong-reference}, REFERENCE custom fields). Checked only
 * when the bundle has a file of the target type: a deals-only run cannot know the accounts.
 */
@RuleDoc(
        name = "unresolved-reference",
        severity = Severity.ERROR,
        summary = "References (deal to account, owner and stage; contact to account; lead conversions; REFERENCE fields) must name an object of the bundle.",
        seed = "An account with the same objectId must be uploaded first in order for the deal to be processed. "
                + "The accountId needs to match an Account with the same value in its objectId.",
        bad = """
                --- accounts.ldjson
                {"objectId": "5ybyh6n6n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "name": "PBR", "domains": ["pbr.com"]}
                --- contacts.ldjson
                {"objectId": "5zbwd7n5n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "accountId": "5ybyh6n6n66", "emailAddress": "john.smith@example.com", "firstName": "john", "lastName": "smith"}
                """,
        reported = {"contacts.ldjson:1:74 /accountId"},
        good = """
                --- accounts.ldjson
                {"objectId": "5ybyh6n6n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "name": "PBR", "domains": ["pbr.com"]}
                --- contacts.ldjson
                {"objectId": "5zbwd7n5n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "accountId": "5ybyh6n6n65", "emailAddress": "john.smith@example.com", "firstName": "john", "lastName": "smith"}
                """)
public final class UnresolvedReference implements Rule {

    @Override
    public void checkReference(ReferenceScope reference) {
        if (reference.found()) {
            return;
        }
        String target = reference.target() == ObjectType.BUSINESS_USER ? "business user"
                : reference.target().resourceName();
        reference.report(this, "field '" + reference.field() + "' names " + target + " '" + reference.value()
                + "', but no " + target + " in this bundle has " + reference.targetKey() + " '" + reference.value()
                + "'; add it to the " + target + " file or fix the id");
    }
}
