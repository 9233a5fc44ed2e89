package dev.gongcrm.validator.rules.syntax;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.rules.BundleFileScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;

/**
 * A file whose object type cannot be told from its name, and no override; or a file of a kind the
 * run's profile has no endpoint for.
 */
@RuleDoc(
        name = "unknown-object-type",
        severity = Severity.ERROR,
        summary = "Every file must have one of the six object types, told by its name (deals.ldjson) or --type.",
        seed = "objectType Must be one of: \"ACCOUNT\", \"CONTACT\", \"DEAL\", \"LEAD\", \"BUSINESS_USER\", "
                + "or \"STAGE\" (case-sensitive)",
        bad = """
                --- crm-export.ldjson
                {"objectId": "5ybyh6n6n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "name": "PBR", "domains": ["pbr.com"]}
                """,
        reported = {"crm-export.ldjson:0"},
        good = """
                --- crm-export-accounts.ldjson
                {"objectId": "5ybyh6n6n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "name": "PBR", "domains": ["pbr.com"]}
                """)
public final class UnknownObjectType implements Rule {

    @Override
    public void checkBundleFile(BundleFileScope file) {
        if (file.type() == null) {
            file.report(this, "cannot tell the object type from the name '" + file.file() + "'; name the file after "
                    + "its type (accounts, contacts, deals, leads, users, stages, user-mapping) or give its type "
                    + "(command line: --type NAME=TYPE; gongcrm.json or Maven: types)");
        } else if (file.spec() == null) {
            file.report(this, "the " + file.profileName()
                    + " profile has no /map/users endpoint: upload users as BUSINESS_USER objects");
        }
    }
}
