package dev.gongcrm.validator.read;

import dev.gongcrm.validator.Thousands;
import dev.gongcrm.validator.schema.JsonKind;
import dev.gongcrm.validator.time.IsoDates;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The value of one top-level field of the line being checked. Instances are reused from line to
 * line: a rule must not keep one after its hook returns.
 *
 * <p>The text of a string is its first {@value #MAX_TEXT_CHARS} characters: no rule needs more to tell
 * a date, an id, a URL or a picklist value, and a 60 MB value then costs no more than a short one.
 * A long value in a long line is not even copied out of the line unless a rule asks for its text.
 */
public final class FieldValue {

    /** How many characters of a string value the rules see at most. */
    public static final int MAX_TEXT_CHARS = 1 << 16;
    /** A string value longer than this is quoted shortened in messages, to its first {@value #DISPLAY_HEAD_CHARS} characters. */
    static final int MAX_DISPLAY_CHARS = 1000;
    private static final int DISPLAY_HEAD_CHARS = 200;
    /** A longer character buffer is not kept for the next line: memory stays small after a line of long values. */
    private static final int KEPT_CHARS = 16 * 1024;
    private static final char[] NO_CHARS = new char[0];
    private static final long NOT_PARSED = Long.MIN_VALUE + 1;

    String name;
    JsonKind kind;
    private char[] chars = NO_CHARS;
    private int length = -1;
    /** The full length of the value: in characters, or in bytes for a value left in its line. */
    private long fullLength;
    private boolean fullLengthInBytes;
    private boolean cut;
    private String text;
    // a long string of a long line, still where it lies in the line: its bytes between the quotes
    private byte[] raw;
    /** The line, when the value is plain ASCII from {@code rawFrom} on, its {@link #length} characters as they lie. */
    private byte[] ascii;
    private int rawFrom;
    private int rawTo;
    private final CharSequence view = new CharSequence() {
        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            if (index >= length) {
                throw new IndexOutOfBoundsException(index);
            }
            return chars[index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text().subSequence(start, end);
        }

        @Override
        public String toString() {
            return text();
        }
    };
    double number;
    boolean bool;
    final List<String> strings = new ArrayList<>();
    JsonKind firstNonStringItem;
    private long epochSeconds;

    void reset(String fieldName, JsonKind valueKind) {
        name = fieldName;
        kind = valueKind;
        text = null;
        length = -1;
        raw = null;
        ascii = null;
        cut = false;
        if (chars.length > KEPT_CHARS) {
            chars = NO_CHARS;
        }
        number = 0;
        bool = false;
        strings.clear();
        firstNonStringItem = null;
        epochSeconds = NOT_PARSED;
    }

    public String name() {
        return name;
    }

    public JsonKind kind() {
        return kind;
    }

    /** Keeps the characters of a string or number (at most {@value #MAX_TEXT_CHARS}); a String is made only if someone asks for one. */
    void setText(char[] source, int offset, int count) {
        int kept = keep(count);
        System.arraycopy(source, offset, chars, 0, kept);
    }

    /**
     * Like {@link #setText} for characters that are ASCII bytes, {@code bytes[from, to)}: they become
     * a (one byte per character) String at once, a plain array copy.
     */
    void setAscii(byte[] bytes, int from, int to) {
        int kept = Math.min(to - from, MAX_TEXT_CHARS);
        measure(to - from, kept);
        // made only when a rule asks: most values are only checked for being there
        ascii = bytes;
        rawFrom = from;
    }

    /** Makes room for the first characters of a value of {@code count} characters; how many are kept. */
    private int keep(int count) {
        int kept = Math.min(count, MAX_TEXT_CHARS);
        if (kept > chars.length) {
            chars = new char[Math.min(MAX_TEXT_CHARS, Math.max(Math.max(kept, 16), chars.length * 2))];
        }
        measure(count, kept);
        return kept;
    }

    private void measure(int count, int kept) {
        length = kept;
        fullLength = count;
        fullLengthInBytes = false;
        cut = kept < count;
    }

    /**
     * Leaves a long string where it lies: the bytes between its quotes, valid while the line is
     * current. Its first characters are decoded only if a rule asks for the text.
     */
    void setRaw(byte[] bytes, int from, int to) {
        raw = bytes;
        rawFrom = from;
        rawTo = to;
        fullLength = to - from;
        fullLengthInBytes = true;
        cut = true;
    }

    /** Forgets the line's bytes, so that a long line is not kept alive by the last value read from it. */
    void release() {
        raw = null;
        ascii = null;
    }

    /** The string value, or the number as written in the line; null for other kinds. */
    public String text() {
        if (text == null && ascii != null) {
            text = new String(ascii, rawFrom, length, StandardCharsets.ISO_8859_1);
        } else if (text == null && raw != null) {
            text = JsonStrings.decode(raw, rawFrom, rawTo, MAX_TEXT_CHARS);
        } else if (text == null && length >= 0) {
            text = new String(chars, 0, length);
        }
        return text;
    }

    /**
     * The string value (or the number as written) without making a String, for checks that read
     * characters: valid while the line is current; null for other kinds.
     */
    public CharSequence chars() {
        return text != null || raw != null || ascii != null ? text() : length >= 0 ? view : null;
    }

    /**
     * The line in which a plain-ASCII string (or a number) lies as written, its {@link #text} being the bytes
     * {@code [asciiFrom(), asciiFrom() + asciiLength())}; null for any other value. Lets a check that runs on
     * every line (an id looked up) read the value without making a String; valid while the line is current.
     */
    public byte[] asciiLine() {
        return ascii;
    }

    /** Where the value's bytes start in {@link #asciiLine}. */
    public int asciiFrom() {
        return rawFrom;
    }

    /** How many bytes of {@link #asciiLine} the value's text is. */
    public int asciiLength() {
        return length;
    }

    /** Whether the value is longer than the text the rules see. */
    public boolean isCut() {
        return cut;
    }

    public double number() {
        return number;
    }

    /** Whether a number has no fractional part ({@code 3} or {@code 3.0}). */
    public boolean isIntegral() {
        return (kind == JsonKind.INTEGER || kind == JsonKind.NUMBER) && number == Math.rint(number)
                && !Double.isInfinite(number);
    }

    public boolean bool() {
        return bool;
    }

    /** The string elements of an array value, in order. */
    public List<String> strings() {
        return strings;
    }

    /** The kind of the first element of an array value that is not a string, or null. */
    public JsonKind firstNonStringItem() {
        return firstNonStringItem;
    }

    public boolean isTrue() {
        return kind == JsonKind.BOOLEAN && bool;
    }

    /** Null, an empty string or an empty array: what Gong calls "missing or empty". */
    public boolean isEmpty() {
        return kind == JsonKind.NULL
                || (kind == JsonKind.STRING && !cut && length == 0)
                || (kind == JsonKind.ARRAY && strings.isEmpty() && firstNonStringItem == null);
    }

    /**
     * Whether two values are the same JSON value: numbers by value ({@code 7000} and {@code 7000.0}), other
     * kinds as written. A value longer than the text the rules see is never judged the same.
     */
    public boolean sameValueAs(FieldValue other) {
        if (cut || other.cut) {
            return false;
        }
        boolean numbers = (kind == JsonKind.INTEGER || kind == JsonKind.NUMBER)
                && (other.kind == JsonKind.INTEGER || other.kind == JsonKind.NUMBER);
        if (numbers) {
            return new BigDecimal(text()).compareTo(new BigDecimal(other.text())) == 0;
        }
        return kind == other.kind && switch (kind) {
            case STRING -> text().equals(other.text());
            case BOOLEAN -> bool == other.bool;
            case NULL -> true;
            case ARRAY -> firstNonStringItem == null && other.firstNonStringItem == null && strings.equals(other.strings);
            default -> false;
        };
    }

    /** A string value read as a Gong datetime, or {@link IsoDates#INVALID}; parsed once per line. */
    public long epochSeconds() {
        if (epochSeconds == NOT_PARSED) {
            CharSequence characters = kind == JsonKind.STRING ? chars() : null;
            epochSeconds = characters != null ? IsoDates.parseDateTime(characters) : IsoDates.INVALID;
        }
        return epochSeconds;
    }

    /** The value as it would appear in a message: quoted strings, plain numbers and literals. */
    public String display() {
        return switch (kind) {
            case STRING -> quoted();
            case INTEGER, NUMBER -> text();
            case BOOLEAN -> Boolean.toString(bool);
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
        };
    }

    /** A string in quotes, shortened when it is long: a message never carries a value of megabytes. */
    private String quoted() {
        String value = text();
        if (value == null) {
            return "a string"; // skipped in a long line: no rule reads it
        }
        if (!cut && value.length() <= MAX_DISPLAY_CHARS) {
            return "'" + value + "'";
        }
        int end = DISPLAY_HEAD_CHARS;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return "'" + value.substring(0, end) + "…' (" + Thousands.grouped(fullLength)
                + (fullLengthInBytes ? " bytes)" : " characters)");
    }
}
