package dev.gongcrm.validator.rules.fields;

/**
 * {@link Character#isLetterOrDigit} and {@link Character#isWhitespace}, answered without the Unicode tables
 * for ASCII, the characters of nearly every URL, domain and address: the format rules ask for each character
 * of such values on every line.
 */
final class Characters {

    private Characters() {
    }

    static boolean isLetterOrDigit(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c);
    }

    /** Every ASCII white space character is a control character or the space: none lies above it. */
    static boolean isWhitespace(char c) {
        return (c <= ' ' || c >= 0x80) && Character.isWhitespace(c);
    }
}
