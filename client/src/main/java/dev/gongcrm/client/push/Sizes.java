package dev.gongcrm.client.push;

import dev.gongcrm.validator.Thousands;

import java.util.Locale;

/** Byte counts and counts of things as people read them, the same in every locale. */
public final class Sizes {

    private Sizes() {
    }

    /** "1 object", "3 objects". */
    public static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** "4,990": thousands grouped. */
    public static String number(long count) {
        return Thousands.grouped(count);
    }

    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
