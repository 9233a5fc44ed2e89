package dev.gongcrm.validator.report;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.Thousands;
import dev.gongcrm.validator.ValidationResult;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** {@code file:line:col: severity[rule] message}, grouped by file, then one summary line. */
final class TextReport implements ReportWriter {

    private static final int MAX_SKIPPED_NAMED = 5;
    private static final String RESET = "\u001B[0m";
    private static final String RULE_COLOUR = "\u001B[36m";

    /** Whether severities and rule names are coloured with ANSI escapes, for a terminal. */
    private final boolean colour;

    TextReport(boolean colour) {
        this.colour = colour;
    }

    @Override
    public void write(ValidationResult result, Writer out) throws IOException {
        if (writeFindings(result, out, colour)) {
            out.write("\n");
        }
        out.write(summary(result) + "\n");
    }

    /** The finding lines alone, a blank line between files; whether there was any. */
    static boolean writeFindings(ValidationResult result, Writer out, boolean colour) throws IOException {
        String file = null;
        for (Finding finding : result.findings()) {
            if (file != null && !file.equals(finding.file())) {
                out.write("\n");
            }
            file = finding.file();
            out.write((colour ? colouredLine(finding) : line(finding)) + "\n");
        }
        return file != null;
    }

    /** {@code file:line:col: severity[rule] message}, with what came from the data made {@link Printable}. */
    static String line(Finding finding) {
        return location(finding) + ": " + finding.severity().id() + "[" + finding.rule() + "] "
                + Printable.escape(finding.message());
    }

    private static String colouredLine(Finding finding) {
        String severity = switch (finding.severity()) {
            case ERROR -> "\u001B[1;31m";
            case WARNING -> "\u001B[33m";
            case INFO -> "\u001B[34m";
        };
        return location(finding) + ": " + severity + finding.severity().id() + RESET + "[" + RULE_COLOUR
                + finding.rule() + RESET + "] " + Printable.escape(finding.message());
    }

    /** {@code file:line:col: [rule] message} for a log that tells the severity by its level, made {@link Printable}. */
    static String logLine(Finding finding) {
        return location(finding) + ": [" + finding.rule() + "] " + Printable.escape(finding.message());
    }

    /** {@code file:line:col}, {@code file:line} or {@code file}, made {@link Printable}. */
    static String location(Finding finding) {
        String file = Printable.escape(finding.file());
        if (finding.line() <= 0) {
            return file;
        }
        return file + ":" + finding.line() + (finding.hasColumn() ? ":" + finding.column() : "");
    }

    /** One line a person reads first: what was checked and what was found. */
    /** How many findings the fixer repairs, for the summary: the first thing to do about them. */
    private static String fixable(ValidationResult result) {
        long fixable = result.fixable();
        if (fixable == 0) {
            return "";
        }
        String which = fixable < result.total() ? Thousands.grouped(fixable) + " of them"
                : fixable == 1 ? "it" : "all of them";
        return " 'gongcrm fix' repairs " + which + ".";
    }

    public static String summary(ValidationResult result) {
        return summary(result, true);
    }

    /** The summary without the sentence on findings a report left out: for counts shown without findings. */
    public static String countsSummary(ValidationResult result) {
        return summary(result, false);
    }

    private static String summary(ValidationResult result, boolean sayTruncation) {
        String checked = result.files().size() + (result.files().size() == 1 ? " file" : " files") + ", "
                + Thousands.grouped(result.objects()) + (result.objects() == 1 ? " object" : " objects");
        String skipped = result.skipped().isEmpty() ? "" : " " + skipped(result.skipped());
        if (result.total() == 0) {
            return "No problems found (" + checked + " checked)." + skipped;
        }
        String counts = count(result, Severity.ERROR) + ", " + count(result, Severity.WARNING) + ", "
                + count(result, Severity.INFO);
        return "Found " + counts + " (" + checked + " checked)."
                + (sayTruncation && result.truncated() ? " " + truncation(result) : "") + fixable(result) + skipped;
    }

    /** The files of bundle folders left out, named (the first few) so a misnamed export is noticed. */
    private static String skipped(List<String> files) {
        int shown = Math.min(files.size(), MAX_SKIPPED_NAMED);
        String names = String.join(", ", files.subList(0, shown).stream().map(Printable::escape).toList())
                + (files.size() > shown ? " and " + (files.size() - shown) + " more" : "");
        return files.size() + (files.size() == 1 ? " file" : " files") + " skipped, not LDJSON (.ldjson, .jsonl, "
                + ".ndjson) or .schema.json: " + names + ".";
    }

    /**
     * The sentence that says the findings shown are not all of them, and how many were left out; null when
     * none was. Every report format carries it when the run's limit left findings out.
     */
    public static String truncation(ValidationResult result) {
        if (!result.truncated()) {
            return null;
        }
        List<String> left = new ArrayList<>();
        for (Severity severity : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
            long n = result.omitted(severity);
            if (n > 0) {
                left.add(Thousands.grouped(n) + " " + noun(severity, n));
            }
        }
        if (result.findings().isEmpty()) {
            return "Counts only: " + Thousands.grouped(result.omitted()) + " findings left out ("
                    + String.join(", ", left) + ").";
        }
        return "Showing " + Thousands.grouped(result.findings().size()) + " of " + Thousands.grouped(result.total())
                + " findings, the most severe first: " + Thousands.grouped(result.omitted()) + " left out ("
                + String.join(", ", left) + "); raise the limit on findings to see all.";
    }

    private static String count(ValidationResult result, Severity severity) {
        long n = result.count(severity);
        return Thousands.grouped(n) + " " + noun(severity, n);
    }

    private static String noun(Severity severity, long n) {
        return severity.id() + (n == 1 || severity == Severity.INFO ? "" : "s");
    }
}
