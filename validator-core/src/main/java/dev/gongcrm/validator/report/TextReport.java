package dev.gongcrm.validator.report;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;

import java.io.IOException;
import java.io.Writer;

/** {@code file:line:col: severity[rule] message}, grouped by file, then one summary line. */
final class TextReport implements ReportWriter {

    @Override
    public void write(ValidationResult result, Writer out) throws IOException {
        String file = null;
        for (Finding finding : result.findings()) {
            if (file != null && !file.equals(finding.file())) {
                out.write("\n");
            }
            file = finding.file();
            out.write(location(finding) + ": " + finding.severity().id() + "[" + finding.rule() + "] "
                    + finding.message() + "\n");
        }
        if (file != null) {
            out.write("\n");
        }
        out.write(summary(result) + "\n");
    }

    /** {@code file:line:col}, {@code file:line} or {@code file}. */
    static String location(Finding finding) {
        if (finding.line() <= 0) {
            return finding.file();
        }
        return finding.file() + ":" + finding.line() + (finding.hasColumn() ? ":" + finding.column() : "");
    }

    /** One line a person reads first: what was checked and what was found. */
    public static String summary(ValidationResult result) {
        String checked = result.files().size() + (result.files().size() == 1 ? " file" : " files") + ", "
                + String.format("%,d", result.objects()) + (result.objects() == 1 ? " object" : " objects");
        if (result.total() == 0) {
            return "No problems found (" + checked + " checked).";
        }
        String counts = count(result, Severity.ERROR, "error") + ", " + count(result, Severity.WARNING, "warning")
                + ", " + count(result, Severity.INFO, "info");
        String shown = result.truncated()
                ? " Showing the first " + result.findings().size() + "; raise --max-findings to see all." : "";
        return "Found " + counts + " (" + checked + " checked)." + shown;
    }

    private static String count(ValidationResult result, Severity severity, String noun) {
        long n = result.count(severity);
        return String.format("%,d", n) + " " + noun + (n == 1 || severity == Severity.INFO ? "" : "s");
    }
}
