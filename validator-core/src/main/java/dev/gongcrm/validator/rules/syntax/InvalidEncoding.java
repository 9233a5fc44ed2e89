package dev.gongcrm.validator.rules.syntax;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.read.LineProblem;
import dev.gongcrm.validator.rules.GongWording;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.rules.SyntaxScope;

/**
 * Bytes that are not UTF-8, a byte order mark, UTF-16 or a binary file; and the JSON escape of half a
 * character ({@code "\}{@code ud800"} alone), which JSON parsers read but no UTF-8 text can hold.
 */
@GongWording("Failed to parse the line as a JSON object")
@RuleDoc(
        name = "invalid-encoding",
        severity = Severity.ERROR,
        summary = "Files must be plain UTF-8 text: no byte order mark, no UTF-16, no invalid bytes, not binary, and no "
                + "escape of half a character (a lone surrogate such as \\ud800).",
        seed = "The request body is a file in LDJSON format (JSON text, which is UTF-8 on the wire).",
        bad = "--- accounts.ldjson\n\uFEFF{\"objectId\": \"5ybyh6n6n65\", \"modifiedDate\": \"2019-01-03T23:45:57+01:00\", "
                + "\"name\": \"PBR\", \"domains\": [\"pbr.com\"]}\n"
                + "{\"objectId\": \"8rk3jd74ns5\", \"modifiedDate\": \"2019-01-04T08:12:30+01:00\", "
                + "\"name\": \"Caf\\u00e9 \\ud83d\", \"domains\": [\"cafe.com\"]}\n",
        reported = {"accounts.ldjson:1:1", "accounts.ldjson:2:93"},
        good = "--- accounts.ldjson\n{\"objectId\": \"5ybyh6n6n65\", \"modifiedDate\": \"2019-01-03T23:45:57+01:00\", "
                + "\"name\": \"PBR\", \"domains\": [\"pbr.com\"]}\n"
                + "{\"objectId\": \"8rk3jd74ns5\", \"modifiedDate\": \"2019-01-04T08:12:30+01:00\", "
                + "\"name\": \"Caf\\u00e9 \\ud83d\\ude00\", \"domains\": [\"cafe.com\"]}\n")
public final class InvalidEncoding implements Rule {

    @Override
    public void checkSyntax(SyntaxScope problem) {
        if (problem.problem() == LineProblem.INVALID_ENCODING) {
            problem.report(this, problem.message());
        }
    }
}
