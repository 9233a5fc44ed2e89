package dev.gongcrm.validator.time;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in a command or a POM: {@code 60s}, {@code 2m}, {@code 1h}, {@code 500ms}. */
public final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private Durations() {
    }

    /** @throws IllegalArgumentException saying how to write one */
    public static Duration parse(String text) {
        Matcher matcher = DURATION.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 60s, 2m, 1h or 500ms");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** {@code 500ms} below a second, else whole seconds rounded up ({@code 60s}). */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis > 0 && millis < 1000 ? millis + "ms" : (millis + 999) / 1000 + "s";
    }
}
