package dev.gongcrm.validator.rules.objects;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.rules.GongWording;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.rules.SequenceScope;

/**
 * Within one file (one upload request); the same objectId in two files of a bundle is two requests and
 * fine. The id is the type's id field: objectId, or crmUserId in a {@code /map/users} file. The current
 * profile words the advice as its description does (profile.json).
 */
@GongWording("Object [{objectId}] appears more than once in the list")
@RuleDoc(
        name = "duplicate-object",
        severity = Severity.ERROR,
        fix = "Drops lines that repeat an earlier line exactly; with --keep latest, keeps only the version with the latest modifiedDate.",
        summary = "An objectId must appear at most once in a file.",
        seed = "An object cannot be contained more than once in a given list. (current: Records that have multiple "
                + "updates should be sent in separate files.)",
        bad = """
                --- contacts.ldjson
                {"objectId": "5zbwd7n5n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "accountId": "5ybyh6n6n65", "emailAddress": "john.smith@example.com", "firstName": "john", "lastName": "smith"}
                {"objectId": "5zbwd7n5n65", "modifiedDate": "2019-01-04T10:00:00Z", "accountId": "5ybyh6n6n65", "emailAddress": "john.smith@example.com", "firstName": "John", "lastName": "Smith"}
                """,
        reported = {"contacts.ldjson:2:2 /objectId"},
        good = """
                --- contacts.ldjson
                {"objectId": "5zbwd7n5n65", "modifiedDate": "2019-01-04T10:00:00Z", "accountId": "5ybyh6n6n65", "emailAddress": "john.smith@example.com", "firstName": "John", "lastName": "Smith"}
                """)
public final class DuplicateObject implements Rule {

    @Override
    public void checkSequence(SequenceScope scope) {
        int earlier = scope.earlierLine();
        if (earlier > 0) {
            String id = scope.spec().idField();
            scope.report(this, id, id + " '" + scope.objectId() + "' already appears on line " + earlier
                    + "; " + scope.profile().advice(meta().name()).orElse(
                            "an object cannot be contained more than once in a list: keep only its latest version"));
        }
    }
}
