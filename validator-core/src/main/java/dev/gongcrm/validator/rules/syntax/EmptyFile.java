package dev.gongcrm.validator.rules.syntax;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.read.LineProblem;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.rules.SyntaxScope;

/** A file with no bytes at all, usually an export that failed upstream. */
@RuleDoc(
        name = "empty-file",
        severity = Severity.WARNING,
        summary = "An entity file should hold at least one object; an empty one usually means the export failed.",
        seed = "The request body should contain one parameter named \"dataFile\" which holds the LDJSON file",
        bad = """
                --- leads.ldjson
                """,
        reported = {"leads.ldjson:0"},
        good = """
                --- leads.ldjson
                {"objectId": "4v5bt54t553", "modifiedDate": "2019-01-03T23:45:57+01:00", "emailAddress": "jane.doe@example.com", "firstName": "Jane", "lastName": "Doe"}
                """)
public final class EmptyFile implements Rule {

    @Override
    public void checkSyntax(SyntaxScope problem) {
        if (problem.problem() == LineProblem.EMPTY_FILE) {
            problem.report(this, problem.message());
        }
    }
}
