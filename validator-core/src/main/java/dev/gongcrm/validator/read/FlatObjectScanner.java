package dev.gongcrm.validator.read;

import dev.gongcrm.validator.schema.JsonKind;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the line nearly every CRM export is made of — one flat object of strings, numbers,
 * literals and arrays of those — straight from its bytes into a {@link CrmRecord}, without a
 * parser. It accepts only what is certainly well-formed JSON and gives up on anything else (a
 * nested object, a broken escape, bytes that are not UTF-8, the escape of half a character, a
 * number Jackson would refuse...):
 * {@link LdjsonReader} then reads that line with Jackson, which says exactly what is wrong.
 *
 * <p>Why it exists: a whole run is dominated by the JIT, and this loop is small enough to be
 * compiled once, early, where a general parser is compiled and recompiled as the data changes.
 * What it reads must equal what Jackson reads, field by field; a differential test holds it to that.
 */
final class FlatObjectScanner {

    // longer numbers and names are left to Jackson, which refuses them (its default limits)
    private static final int MAX_NUMBER_CHARS = 1000;
    private static final int MAX_NAME_BYTES = 50_000;
    private static final int NAME_CACHE_SIZE = 1024;
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    /** A double holds every integer up to 2^53 exactly. */
    private static final long EXACT_DOUBLE_LIMIT = 1L << 53;

    private final FieldValue ignored = new FieldValue();
    private char[] decoded = new char[256];
    private int decodedLength;
    /** Whether the string decoded last had escapes. */
    private boolean escaped;
    private boolean literalTrue;
    // the number read last: its sign, its digits as one integer while a double holds it exactly, and how many follow the point
    private boolean negative;
    private long mantissa;
    private boolean mantissaExact;
    private int fractionDigits;
    // field names seen before, by the hash of their bytes: a known name costs no String
    private final byte[][] cachedNameBytes = new byte[NAME_CACHE_SIZE][];
    private final String[] cachedNames = new String[NAME_CACHE_SIZE];
    private byte[] bytes;
    private int end;
    private int at;

    /** Reads the line {@code buf[start, start + length)} into the record, or returns false to leave it to Jackson. */
    boolean scan(byte[] buf, int start, int length, int line, CrmRecord record) {
        bytes = buf;
        end = start + length;
        at = start;
        record.reset(line, buf, start, length);
        try {
            return object(record);
        } finally {
            bytes = null;
        }
    }

    private boolean object(CrmRecord record) {
        if (at == end || bytes[at] != '{') {
            return false;
        }
        at++;
        skipWhitespace();
        if (at < end && bytes[at] == '}') {
            at++;
            return onlyWhitespaceLeft();
        }
        int keys = 0;
        while (true) {
            if (++keys > LdjsonReader.MAX_KEYS || at == end || bytes[at] != '"') {
                return false;
            }
            String name = name();
            if (name == null) {
                return false;
            }
            skipWhitespace();
            if (at == end || bytes[at] != ':') {
                return false;
            }
            at++;
            skipWhitespace();
            if (!value(record, name)) {
                return false;
            }
            skipWhitespace();
            if (at == end) {
                return false;
            }
            byte next = bytes[at++];
            if (next == '}') {
                return onlyWhitespaceLeft();
            }
            if (next != ',') {
                return false;
            }
            skipWhitespace();
        }
    }

    private boolean value(CrmRecord record, String name) {
        if (at == end) {
            return false;
        }
        byte first = bytes[at];
        if (first == '"') {
            FieldValue value = valueOrIgnored(record.add(name, JsonKind.STRING));
            return string(value);
        }
        if (first == '-' || (first >= '0' && first <= '9')) {
            int from = at;
            JsonKind kind = number();
            if (kind == null) {
                return false;
            }
            FieldValue value = valueOrIgnored(record.add(name, kind));
            value.setAscii(bytes, from, at);
            value.number = numberValue(from, at, kind);
            return true;
        }
        if (first == '[') {
            FieldValue value = valueOrIgnored(record.add(name, JsonKind.ARRAY));
            return array(value);
        }
        JsonKind literal = literal();
        if (literal == null) {
            return false;
        }
        FieldValue value = valueOrIgnored(record.add(name, literal));
        value.bool = literalTrue;
        return true;
    }

    /** A repeated key's value is read like any other (it must be well-formed) and then dropped. */
    private FieldValue valueOrIgnored(FieldValue value) {
        if (value != null) {
            return value;
        }
        ignored.reset(null, JsonKind.NULL);
        return ignored;
    }

    /**
     * {@code true}, {@code false} or {@code null} at {@link #at}: its kind (and {@link #literalTrue}),
     * or null when it is none of them.
     */
    private JsonKind literal() {
        byte[] b = bytes;
        int i = at;
        literalTrue = false;
        if (i + 4 <= end && b[i] == 't' && b[i + 1] == 'r' && b[i + 2] == 'u' && b[i + 3] == 'e') {
            literalTrue = true;
            at += 4;
            return JsonKind.BOOLEAN;
        }
        if (i + 5 <= end && b[i] == 'f' && b[i + 1] == 'a' && b[i + 2] == 'l' && b[i + 3] == 's' && b[i + 4] == 'e') {
            at += 5;
            return JsonKind.BOOLEAN;
        }
        if (i + 4 <= end && b[i] == 'n' && b[i + 1] == 'u' && b[i + 2] == 'l' && b[i + 3] == 'l') {
            at += 4;
            return JsonKind.NULL;
        }
        return null;
    }

    /** An array of strings, numbers and literals; false (left to Jackson) when an item is an array or object. */
    private boolean array(FieldValue value) {
        at++;
        skipWhitespace();
        if (at < end && bytes[at] == ']') {
            at++;
            return true;
        }
        while (at < end) {
            byte first = bytes[at];
            if (first == '"') {
                int from = at + 1;
                if (!stringInPlace()) {
                    return false;
                }
                if (value.strings.size() < LdjsonReader.MAX_ARRAY_ITEMS) {
                    value.strings.add(decodedLength < 0 ? asciiString(from, at - 1)
                            : new String(decoded, 0, Math.min(decodedLength, FieldValue.MAX_TEXT_CHARS)));
                }
            } else {
                JsonKind kind = first == '-' || (first >= '0' && first <= '9') ? number() : literal();
                if (kind == null) {
                    return false;
                }
                if (value.firstNonStringItem == null) {
                    value.firstNonStringItem = kind;
                }
            }
            skipWhitespace();
            if (at == end) {
                return false;
            }
            byte next = bytes[at++];
            if (next == ']') {
                return true;
            }
            if (next != ',') {
                return false;
            }
            skipWhitespace();
        }
        return false;
    }

    private String asciiString(int from, int to) {
        return new String(bytes, from, Math.min(to - from, FieldValue.MAX_TEXT_CHARS), StandardCharsets.ISO_8859_1);
    }

    /** A string value: plain ASCII is copied as it is, anything else decoded. */
    private boolean string(FieldValue value) {
        int from = at + 1;
        if (!stringInPlace()) {
            return false;
        }
        if (decodedLength < 0) {
            value.setAscii(bytes, from, at - 1);
        } else {
            value.setText(decoded, 0, decodedLength);
        }
        return true;
    }

    /**
     * Moves past the string whose opening quote is at {@link #at}. When it is plain ASCII without
     * escapes, {@link #decodedLength} is -1 (its bytes are its characters); otherwise its characters
     * are in {@link #decoded}. False for anything Jackson could refuse.
     */
    private boolean stringInPlace() {
        int i = at + 1;
        byte b = 0;
        // signed bytes: everything from 0x80 on is negative, so one comparison finds control and non-ASCII bytes
        while (i < end && (b = bytes[i]) >= 0x20 && b != '"' && b != '\\') {
            i++;
        }
        if (i < end && b == '"') {
            decodedLength = -1;
            at = i + 1;
            return true;
        }
        return decode(at + 1);
    }

    /** Decodes the string whose characters start at {@code from}: UTF-8 checked strictly, escapes resolved. */
    private boolean decode(int from) {
        escaped = false;
        int count = 0;
        int i = from;
        while (i < end) {
            int b = bytes[i] & 0xFF;
            if (count + 2 > decoded.length) {
                decoded = Arrays.copyOf(decoded, decoded.length * 2);
            }
            if (b == '"') {
                decodedLength = count;
                at = i + 1;
                return true;
            }
            if (b < 0x20) {
                return false;
            }
            if (b == '\\') {
                escaped = true;
                if (i + 1 == end) {
                    return false;
                }
                int escaped = bytes[i + 1];
                char c;
                switch (escaped) {
                    case '"', '\\', '/' -> c = (char) escaped;
                    case 'b' -> c = '\b';
                    case 'f' -> c = '\f';
                    case 'n' -> c = '\n';
                    case 'r' -> c = '\r';
                    case 't' -> c = '\t';
                    case 'u' -> {
                        int code = i + 6 <= end ? hex(i + 2) : -1;
                        if (code < 0) {
                            return false;
                        }
                        decoded[count++] = (char) code;
                        i += 6;
                        if (Character.isSurrogate((char) code)) {
                            // half a character is left to the reader, which reports it: only a high half
                            // with the escape of its low half right after is a character
                            int low = Character.isHighSurrogate((char) code)
                                    ? SurrogateEscapes.unicodeEscape(bytes, i, end) : -1;
                            if (low < 0 || !Character.isLowSurrogate((char) low)) {
                                return false;
                            }
                            decoded[count++] = (char) low;
                            i += 6;
                        }
                        continue;
                    }
                    default -> {
                        return false;
                    }
                }
                decoded[count++] = c;
                i += 2;
            } else if (b < 0x80) {
                decoded[count++] = (char) b;
                i++;
            } else {
                int width = utf8Width(i);
                if (width == 0) {
                    return false;
                }
                int code = codePoint(i, width);
                i += width;
                count += Character.toChars(code, decoded, count);
            }
        }
        return false;
    }

    /** How many bytes the well-formed UTF-8 character at {@code i} takes, or 0 when it is not well-formed (RFC 3629). */
    private int utf8Width(int i) {
        int lead = bytes[i] & 0xFF;
        int width;
        int lowest;
        int highest = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            width = 2;
            lowest = 0x80;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            width = 3;
            lowest = lead == 0xE0 ? 0xA0 : 0x80;
            highest = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            width = 4;
            lowest = lead == 0xF0 ? 0x90 : 0x80;
            highest = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            return 0;
        }
        if (i + width > end) {
            return 0;
        }
        int second = bytes[i + 1] & 0xFF;
        if (second < lowest || second > highest) {
            return 0;
        }
        for (int k = 2; k < width; k++) {
            if ((bytes[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return width;
    }

    private int codePoint(int i, int width) {
        int code = bytes[i] & (0xFF >> (width + 1));
        for (int k = 1; k < width; k++) {
            code = (code << 6) | (bytes[i + k] & 0x3F);
        }
        return code;
    }

    private int hex(int from) {
        int value = 0;
        for (int i = from; i < from + 4; i++) {
            int digit = Character.digit(bytes[i], 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    /**
     * Moves past the JSON number at {@link #at}: its kind (INTEGER without fraction or exponent), or
     * null when it is not a number JSON allows ({@code 01}, {@code 1.}, {@code -}, {@code .5}...).
     * Its digits are gathered on the way, for {@link #numberValue}.
     */
    private JsonKind number() {
        int from = at;
        negative = bytes[at] == '-';
        if (negative) {
            at++;
        }
        mantissa = 0;
        fractionDigits = 0;
        mantissaExact = true;
        if (at == end) {
            return null;
        }
        if (bytes[at] == '0') {
            at++;
        } else if (digits() == 0) {
            return null;
        }
        JsonKind kind = JsonKind.INTEGER;
        if (at < end && bytes[at] == '.') {
            at++;
            fractionDigits = digits();
            if (fractionDigits == 0) {
                return null;
            }
            kind = JsonKind.NUMBER;
        }
        if (at < end && (bytes[at] == 'e' || bytes[at] == 'E')) {
            at++;
            if (at < end && (bytes[at] == '+' || bytes[at] == '-')) {
                at++;
            }
            mantissaExact = false;
            if (digits() == 0) {
                return null;
            }
            kind = JsonKind.NUMBER;
        }
        return at - from > MAX_NUMBER_CHARS ? null : kind;
    }

    /** Moves past a run of digits, adding them to {@link #mantissa} while it stays exact; how many there were. */
    private int digits() {
        int from = at;
        while (at < end) {
            int digit = bytes[at] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            if (mantissa < EXACT_DOUBLE_LIMIT / 10) {
                mantissa = mantissa * 10 + digit;
            } else {
                mantissaExact = false;
            }
            at++;
        }
        return at - from;
    }

    /**
     * The value of the number just read, {@code bytes[from, to)}: exact integers and short decimals
     * from their digits (one correctly rounded division of two exact doubles), anything else as
     * {@link Double#parseDouble} reads it.
     */
    private double numberValue(int from, int to, JsonKind kind) {
        if (!mantissaExact || fractionDigits >= POWERS_OF_TEN.length) {
            return Double.parseDouble(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1));
        }
        if (kind == JsonKind.INTEGER) {
            return negative ? -mantissa : mantissa; // as a long first: "-0" is 0.0, as Jackson reads it
        }
        double value = mantissa / POWERS_OF_TEN[fractionDigits];
        return negative ? -value : value;
    }

    /**
     * The name whose opening quote is at {@link #at}: the same String for the same bytes while the
     * cache holds them. Only the first names of a slot are interned (as Jackson interns names), so
     * that a file of millions of distinct keys does not fill the JVM's string table.
     */
    private String name() {
        int from = at + 1;
        if (!stringInPlace() || at - from > MAX_NAME_BYTES) {
            return null;
        }
        if (decodedLength >= 0) {
            // Jackson judges escapes in names by rules of its own (surrogate pairs): it reads those names
            return escaped ? null : new String(decoded, 0, decodedLength);
        }
        int to = at - 1;
        int hash = 1;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + bytes[i];
        }
        int slot = (hash ^ (hash >>> 16)) & (NAME_CACHE_SIZE - 1);
        byte[] known = cachedNameBytes[slot];
        if (known != null && Arrays.equals(known, 0, known.length, bytes, from, to)) {
            return cachedNames[slot];
        }
        String name = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        if (known != null) {
            return name;
        }
        name = name.intern();
        cachedNameBytes[slot] = Arrays.copyOfRange(bytes, from, to);
        cachedNames[slot] = name;
        return name;
    }

    private void skipWhitespace() {
        while (at < end) {
            byte b = bytes[at];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return;
            }
            at++;
        }
    }

    private boolean onlyWhitespaceLeft() {
        skipWhitespace();
        return at == end;
    }
}
