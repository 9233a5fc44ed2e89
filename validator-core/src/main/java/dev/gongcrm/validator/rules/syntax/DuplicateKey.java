package dev.gongcrm.validator.rules.syntax;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.rules.GongWording;
import dev.gongcrm.validator.rules.RecordScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;

/** The same key twice in one object: which value Gong keeps is not defined, so neither is safe. */
@GongWording("Failed to parse the line as a JSON object")
@RuleDoc(
        name = "duplicate-key",
        severity = Severity.ERROR,
        summary = "An object must not have the same key twice.",
        seed = "each JSON object is in a separate line and represents a single CRM object.",
        bad = """
                --- accounts.ldjson
                {"objectId": "5ybyh6n6n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "name": "PBR", "name": "PBR Inc.", "domains": ["pbr.com"]}
                """,
        reported = {"accounts.ldjson:1:74 /name"},
        good = """
                --- accounts.ldjson
                {"objectId": "5ybyh6n6n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "name": "PBR Inc.", "domains": ["pbr.com"]}
                """)
public final class DuplicateKey implements Rule {

    @Override
    public void checkRecord(RecordScope scope) {
        for (String key : scope.record().duplicateKeys()) {
            scope.report(this, key, "key '" + key + "' appears more than once in this object; keep one");
        }
    }
}
