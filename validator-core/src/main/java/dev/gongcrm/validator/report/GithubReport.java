package dev.gongcrm.validator.report;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ValidationResult;

import java.io.IOException;
import java.io.Writer;

/** GitHub Actions workflow commands: each finding becomes an annotation on its file and line. */
final class GithubReport implements ReportWriter {

    @Override
    public void write(ValidationResult result, Writer out) throws IOException {
        for (Finding finding : result.findings()) {
            String command = switch (finding.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            };
            StringBuilder line = new StringBuilder("::").append(command).append(" file=")
                    .append(property(finding.file()));
            if (finding.line() > 0) {
                line.append(",line=").append(finding.line());
                if (finding.hasColumn()) {
                    line.append(",col=").append(finding.column());
                }
            }
            line.append(",title=").append(property("gongcrm " + finding.rule())).append("::")
                    .append(data(finding.message()));
            out.write(line + "\n");
        }
        if (result.truncated()) {
            out.write("::warning title=" + property("gongcrm findings left out") + "::"
                    + data(TextReport.truncation(result)) + "\n");
        }
    }

    /** Text from the data: control characters escaped, then encoded as workflow commands require. */
    private static String data(String text) {
        return Printable.escape(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
