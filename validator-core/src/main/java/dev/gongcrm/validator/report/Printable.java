package dev.gongcrm.validator.report;

/**
 * Text from the data (values, field names, file names) made safe for a terminal, a CI log or an XML
 * document: characters that would move the cursor, start an escape sequence, begin a new line (and
 * so forge a line such as a summary or a GitHub {@code ::error} command), reorder the text, or that
 * XML forbids are written as Java-style escapes: {@code \n}, {@code \r}, {@code \t}, else a backslash,
 * {@code u} and four hex digits (ESC as {@code \}{@code u001B}). Every other
 * character, including any letter of any script, is kept as it is.
 */
public final class Printable {

    /** U+2400 SYMBOL FOR NULL: the Control Picture of a C0 control c is this plus c. */
    private static final char CONTROL_PICTURES = '\u2400';
    private static final char DELETE_PICTURE = '\u2421';

    private Printable() {
    }

    /** The text with every unsafe character escaped; the same string when it has none. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int first = 0;
        while (first < text.length() && !unsafe(text, first)) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(text, i)) {
                escaped.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> escaped.append(String.format("\\u%04X", (int) c));
            }
        }
        return escaped.toString();
    }

    /**
     * The text with every unsafe character replaced by one visible stand-in (a C0 control by its Control
     * Picture, such as U+241B for ESC; DEL by U+2421; anything else by U+FFFD), so that every character
     * keeps its place: for a line of a file shown with a column marked.
     */
    static String replace(String text) {
        StringBuilder replaced = null;
        for (int i = 0; i < text.length(); i++) {
            if (!unsafe(text, i)) {
                if (replaced != null) {
                    replaced.append(text.charAt(i));
                }
                continue;
            }
            if (replaced == null) {
                replaced = new StringBuilder(text.length()).append(text, 0, i);
            }
            char c = text.charAt(i);
            replaced.append(c < 0x20 ? (char) (CONTROL_PICTURES + c) : c == 0x7F ? DELETE_PICTURE : '\uFFFD');
        }
        return replaced == null ? text : replaced.toString();
    }

    private static boolean unsafe(String text, int index) {
        char c = text.charAt(index);
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return true; // C0 and C1 controls, DEL: ESC sequences, CR, LF, BEL, backspace
        }
        if (Character.isHighSurrogate(c)) {
            return index + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(index + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return index == 0 || !Character.isHighSurrogate(text.charAt(index - 1));
        }
        return switch (c) {
            // line and paragraph separators; bidirectional marks, embeddings, overrides and isolates
            case '\u2028', '\u2029', '\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E',
                    '\u2066', '\u2067', '\u2068', '\u2069',
                    // noncharacters that XML forbids
                    '\uFFFE', '\uFFFF' -> true;
            default -> false;
        };
    }
}
