package dev.gongcrm.validator.rules.syntax;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.read.LineProblem;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.rules.SyntaxScope;

/** A line with nothing but white space. */
@RuleDoc(
        name = "blank-line",
        severity = Severity.WARNING,
        summary = "Lines must not be blank; every line holds one object.",
        seed = "the file should contain JSON objects, where each JSON object is in a separate line",
        bad = """
                --- users.ldjson
                {"objectId": "user1_Id_In_The_CRM", "emailAddress": "user1@example.com", "modifiedDate": "2019-01-03T23:45:57+01:00"}

                {"objectId": "user2_Id_In_The_CRM", "emailAddress": "user2@example.com", "modifiedDate": "2019-01-03T23:45:57+01:00"}
                """,
        reported = {"users.ldjson:2:1"},
        good = """
                --- users.ldjson
                {"objectId": "user1_Id_In_The_CRM", "emailAddress": "user1@example.com", "modifiedDate": "2019-01-03T23:45:57+01:00"}
                {"objectId": "user2_Id_In_The_CRM", "emailAddress": "user2@example.com", "modifiedDate": "2019-01-03T23:45:57+01:00"}
                """)
public final class BlankLine implements Rule {

    @Override
    public void checkSyntax(SyntaxScope problem) {
        if (problem.problem() == LineProblem.BLANK_LINE) {
            problem.report(this, problem.message());
        }
    }
}
