package dev.gongcrm.validator;

import java.util.Locale;
import java.util.Optional;

/** How serious a finding is; ordered so that {@code compareTo} tells which is worse. */
public enum Severity {
    INFO,
    WARNING,
    ERROR;

    /** The lower-case name used on the command line and in reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** Parses {@code error}, {@code warning} or {@code info} (any case). */
    public static Severity parse(String text) {
        for (Severity severity : values()) {
            if (severity.id().equalsIgnoreCase(text.trim())) {
                return severity;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "': use error, warning or info");
    }

    /**
     * Parses the least severity that fails a run: a severity, or {@code never} (empty: nothing fails it).
     */
    public static Optional<Severity> parseFailLevel(String text) {
        if (text.trim().equalsIgnoreCase("never")) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown level '" + text + "': use error, warning, info or never");
        }
    }
}
