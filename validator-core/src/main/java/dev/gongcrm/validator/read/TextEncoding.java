package dev.gongcrm.validator.read;

/**
 * What is wrong with the encoding of a file that must be UTF-8 text, told from its first bytes: the
 * same verdict for entity files and schema files.
 */
public final class TextEncoding {

    /** How many bytes at the start of a file are looked at for NUL bytes. */
    public static final int SNIFF_BYTES = 8192;
    /** The length of a UTF-8 byte order mark. */
    public static final int UTF8_BOM_LENGTH = 3;
    public static final String UTF8_BOM_MESSAGE =
            "file starts with a UTF-8 byte order mark (BOM); save it as UTF-8 without BOM";

    private TextEncoding() {
    }

    /**
     * Why the file that starts with {@code head[0..length)} cannot be read as UTF-8 text at all (UTF-16,
     * binary), or null when it can. A UTF-8 byte order mark is not such a problem: see {@link #hasUtf8Bom}.
     */
    public static String problem(byte[] head, int length) {
        if (length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            return "file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8";
        }
        int sniff = Math.min(length, SNIFF_BYTES);
        for (int i = 0; i < sniff; i++) {
            if (head[i] == 0) {
                return looksLikeUtf16(head, sniff)
                        ? "file is UTF-16 (every other byte is NUL); save it as UTF-8"
                        : "file is binary (it contains NUL bytes), not JSON text; check that this is the export you meant";
            }
        }
        return null;
    }

    /** A problem at a place of a file. */
    public record Located(int line, int column, String message) {
    }

    /**
     * The first JSON escape of half a UTF-16 character in a whole JSON document ({@code "\}{@code ud800"}
     * alone), which no UTF-8 text can hold, or null when it has none. LDJSON lines are checked as they
     * are read ({@link LdjsonReader}).
     */
    public static Located loneSurrogateEscape(byte[] json) {
        int at = SurrogateEscapes.firstLone(json, 0, json.length);
        if (at < 0) {
            return null;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (json[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Located(line, Utf8.columnAt(json, lineStart, at), SurrogateEscapes.message("a string", json, at));
    }

    /** Whether the file starts with a UTF-8 byte order mark. */
    public static boolean hasUtf8Bom(byte[] head, int length) {
        return length >= UTF8_BOM_LENGTH && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF;
    }

    /** ASCII text in UTF-16 without a byte order mark: one byte of each of the first pairs is NUL, the other is not. */
    private static boolean looksLikeUtf16(byte[] head, int length) {
        int pairs = Math.min(length / 2, 32);
        if (pairs < 2) {
            return false;
        }
        int nul = head[0] == 0 ? 0 : 1;
        for (int i = 0; i < pairs; i++) {
            byte zero = head[2 * i + nul];
            byte text = head[2 * i + 1 - nul];
            if (zero != 0 || text == 0 || (text & 0x80) != 0) {
                return false;
            }
        }
        return true;
    }
}
