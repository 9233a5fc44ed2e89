package dev.gongcrm.validator.rules.syntax;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.read.LineProblem;
import dev.gongcrm.validator.rules.GongWording;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.rules.SyntaxScope;

/** A line holding an array, a string or a number instead of one object. */
@GongWording("Failed to parse the line as a JSON object")
@RuleDoc(
        name = "not-an-object",
        severity = Severity.ERROR,
        summary = "Each line must be a single JSON object, not an array or a bare value.",
        seed = "each JSON object is in a separate line and represents a single CRM object.",
        bad = """
                --- stages.ldjson
                [{"objectId": "discovery", "modifiedDate": "2019-01-03T23:45:57+01:00", "internalName": "discovery", "name": "Discovery", "isActive": true, "sortOrder": 1}]
                """,
        reported = {"stages.ldjson:1:1"},
        good = """
                --- stages.ldjson
                {"objectId": "discovery", "modifiedDate": "2019-01-03T23:45:57+01:00", "internalName": "discovery", "name": "Discovery", "isActive": true, "sortOrder": 1}
                """)
public final class NotAnObject implements Rule {

    @Override
    public void checkSyntax(SyntaxScope problem) {
        if (problem.problem() == LineProblem.NOT_AN_OBJECT) {
            problem.report(this, problem.message());
        }
    }
}
