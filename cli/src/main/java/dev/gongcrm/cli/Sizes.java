package dev.gongcrm.cli;

/** Byte counts and counts of things as people read them. */
final class Sizes {

    private Sizes() {
    }

    /** "1 object", "3 objects". */
    static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** "4,990": thousands grouped. */
    static String number(long count) {
        return String.format(java.util.Locale.ROOT, "%,d", count);
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KB", bytes / 1024.0);
        }
        return String.format("%.1f MB", bytes / (1024.0 * 1024));
    }
}
