package dev.gongcrm.validator.rules.objects;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.rules.FirstHolder;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.rules.UniqueValueScope;

/**
 * Gong maps a CRM user to the Gong user with the same email address, and maps each address once: the
 * second user with an address gets no mapping, and the deals it owns are not processed. Across the
 * files of the bundle, BUSINESS_USER files and {@code /map/users} files alike (both create the
 * mapping), and the users of earlier pushes the bundle does not send again (the ledger); the same id
 * again (an update of the user) and users sent with isDeleted: true do not count. Addresses are compared ignoring case: Gong matches a user "based on the email address", and
 * mail systems, Gong's sign-in among them, treat {@code Jane@Example.com} and {@code jane@example.com}
 * as one address.
 */
@RuleDoc(
        name = "duplicate-user-email",
        severity = Severity.ERROR,
        summary = "Two users (two ids) must not map to one email address (compared ignoring case).",
        seed = "Gong matches the user from the uploaded JSON to a user in Gong based on the email address. "
                + "The user mapping will not be created when: ... Mapping already exists for the supplied email address",
        bad = """
                --- users.ldjson
                {"objectId": "user1_Id_In_The_CRM", "emailAddress": "jane.doe@example.com", "modifiedDate": "2019-01-03T23:45:57+01:00"}
                {"objectId": "user2_Id_In_The_CRM", "emailAddress": "Jane.Doe@example.com", "modifiedDate": "2019-01-04T10:00:00Z"}
                """,
        reported = {"users.ldjson:2:37 /emailAddress"},
        good = """
                --- users.ldjson
                {"objectId": "user1_Id_In_The_CRM", "emailAddress": "jane.doe@example.com", "modifiedDate": "2019-01-03T23:45:57+01:00"}
                {"objectId": "user2_Id_In_The_CRM", "emailAddress": "john.roe@example.com", "modifiedDate": "2019-01-04T10:00:00Z"}
                """)
public final class DuplicateUserEmail implements Rule {

    private static final String EMAIL_ADDRESS = "emailAddress";

    @Override
    public void checkUniqueValue(UniqueValueScope scope) {
        if (!EMAIL_ADDRESS.equals(scope.field())) {
            return;
        }
        FirstHolder first = scope.holder();
        String email = scope.value();
        scope.report(this, "emailAddress '" + email + "' is already mapped to user '" + first.objectId() + "' "
                + first.where(scope.file()) + (first.value().equals(email) ? "" : " (written '" + first.value()
                + "' there)") + "; Gong maps an email address once, so this user would get no mapping: send each "
                + "Gong user's address with one CRM user only");
    }
}
