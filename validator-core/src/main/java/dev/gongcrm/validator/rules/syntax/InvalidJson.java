package dev.gongcrm.validator.rules.syntax;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.read.LineProblem;
import dev.gongcrm.validator.rules.GongWording;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.rules.SyntaxScope;

/** A line that is not valid JSON. The rest of the file is still checked. */
@GongWording("Failed to parse the line as a JSON object")
@RuleDoc(
        name = "invalid-json",
        severity = Severity.ERROR,
        summary = "Each line must be valid JSON: no comments, trailing commas, NaN or unquoted names.",
        seed = "The request body is a file in LDJSON format, meaning the file should contain JSON objects, "
                + "where each JSON object is in a separate line and represents a single CRM object.",
        bad = """
                --- accounts.ldjson
                {"objectId": "5ybyh6n6n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "name": "PBR", "domains": ["pbr.com"]} // account
                """,
        reported = {"accounts.ldjson:1:113"},
        good = """
                --- accounts.ldjson
                {"objectId": "5ybyh6n6n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "name": "PBR", "domains": ["pbr.com"]}
                """)
public final class InvalidJson implements Rule {

    @Override
    public void checkSyntax(SyntaxScope problem) {
        if (problem.problem() == LineProblem.INVALID_JSON) {
            problem.report(this, problem.message());
        }
    }
}
