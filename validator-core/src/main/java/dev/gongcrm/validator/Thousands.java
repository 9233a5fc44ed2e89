package dev.gongcrm.validator;

/**
 * Counts as every message of gongcrm writes them, {@code 581,024}: thousands grouped with a comma whatever the
 * machine's locale, so that a report reads the same on every runner. Not {@code String.format("%,d")}: that
 * follows the locale, and its first call loads the JDK's formatter and locale data, a few percent of a short run.
 */
public final class Thousands {

    private Thousands() {
    }

    public static String grouped(long count) {
        String digits = Long.toString(count);
        int first = count < 0 ? 1 : 0;
        int length = digits.length() - first;
        if (length <= 3) {
            return digits;
        }
        StringBuilder grouped = new StringBuilder(digits.length() + length / 3);
        grouped.append(digits, 0, first + (length % 3 == 0 ? 3 : length % 3));
        for (int at = grouped.length(); at < digits.length(); at += 3) {
            grouped.append(',').append(digits, at, at + 3);
        }
        return grouped.toString();
    }
}
