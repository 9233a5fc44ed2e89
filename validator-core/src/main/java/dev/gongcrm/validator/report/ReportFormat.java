package dev.gongcrm.validator.report;

import dev.gongcrm.validator.DidYouMean;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The report formats, by the name users give on the command line or in the Maven configuration. */
public enum ReportFormat {
    TEXT("txt", new TextReport(false)),
    JSON("json", new JsonReport()),
    SARIF("sarif", new SarifReport()),
    JUNIT("xml", new JunitReport()),
    GITHUB("txt", new GithubReport()),
    CSV("csv", new CsvReport()),
    HTML("html", new HtmlReport(Path.of("")));

    private final String extension;
    private final ReportWriter writer;

    ReportFormat(String extension, ReportWriter writer) {
        this.extension = extension;
        this.writer = writer;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The writer of a result whose files are named relative to the working directory. */
    public ReportWriter writer() {
        return writer;
    }

    /**
     * The writer of a result whose files are named relative to {@code base} ({@link
     * dev.gongcrm.validator.ValidationResult#relativeTo}): the html report reads the lines its findings point
     * at from there (a Maven project's base directory need not be the working directory).
     */
    public ReportWriter writer(Path base) {
        return this == HTML ? new HtmlReport(base) : writer;
    }

    /** The file name a report of this format gets in a report folder, e.g. {@code gongcrm.sarif}. */
    public String defaultFileName() {
        return this == GITHUB ? "gongcrm-github.txt" : "gongcrm." + extension;
    }

    /** The one-line summary of a result that closes the text report, for consoles that show only that. */
    public static String summary(dev.gongcrm.validator.ValidationResult result) {
        return TextReport.summary(result);
    }

    /** The summary without the sentence on findings left out of a report: for counts shown without findings. */
    public static String countsSummary(dev.gongcrm.validator.ValidationResult result) {
        return TextReport.countsSummary(result);
    }

    /**
     * A finding as one line of a log that tells its severity by the level: {@code file:line:col: [rule]
     * message}, control characters from the data escaped ({@link Printable}).
     */
    public static String logLine(dev.gongcrm.validator.Finding finding) {
        return TextReport.logLine(finding);
    }

    /** The text report without its summary: the finding lines alone (for a quiet run). */
    public static void writeTextFindings(dev.gongcrm.validator.ValidationResult result, java.io.Writer out,
                                         boolean colour) throws java.io.IOException {
        TextReport.writeFindings(result, out, colour);
    }

    /** The text report with severities and rule names coloured by ANSI escapes, for a terminal. */
    public static ReportWriter colouredText() {
        return new TextReport(true);
    }

    public static ReportFormat parse(String name) {
        for (ReportFormat format : values()) {
            if (format.id().equalsIgnoreCase(name.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + name + "'; use one of " + names()
                + DidYouMean.hint(name, Arrays.stream(values()).map(ReportFormat::id).toList()));
    }

    public static String names() {
        return Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", "));
    }
}
