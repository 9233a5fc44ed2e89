package dev.gongcrm.validator.report;

import java.nio.file.Path;

/**
 * A report asked for: its format and the file it goes to, or standard output when there is none. Written
 * {@code FORMAT} or {@code FORMAT=FILE} on the command line and in {@code gongcrm.json}'s {@code formats}.
 */
public record ReportRequest(ReportFormat format, Path file) {

    /**
     * Reads {@code FORMAT} or {@code FORMAT=FILE} ({@code FORMAT=-}: standard output); a relative FILE is taken from {@code base} when there is one
     * (the folder of the configuration file that says it, or of the project). An unknown format or an empty FILE is an
     * IllegalArgumentException that says what to write instead.
     */
    public static ReportRequest parse(String text, Path base) {
        int equals = text.indexOf('=');
        ReportFormat format = ReportFormat.parse(equals < 0 ? text : text.substring(0, equals));
        if (equals < 0) {
            return new ReportRequest(format, null);
        }
        String name = text.substring(equals + 1);
        if (name.isBlank()) {
            // in a configuration file the report's own default name could be the file's: a folder beside it
            throw new EmptyFileName("name the report file after '=', e.g. " + text.substring(0, equals) + "="
                    + (base == null ? "" : "reports/") + format.defaultFileName());
        }
        if (name.equals("-")) {
            return new ReportRequest(format, null); // the usual name of standard output, never a file called '-'
        }
        Path file = Path.of(name);
        return new ReportRequest(format, base == null || file.isAbsolute() ? file : base.resolve(file));
    }

    /** {@code FORMAT=} with nothing after the '=': the caller says where it was written. */
    public static final class EmptyFileName extends IllegalArgumentException {
        EmptyFileName(String message) {
            super(message);
        }
    }
}
