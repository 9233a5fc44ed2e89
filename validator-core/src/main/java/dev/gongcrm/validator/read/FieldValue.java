package dev.gongcrm.validator.read;

import dev.gongcrm.validator.schema.JsonKind;
import dev.gongcrm.validator.time.IsoDates;

import java.util.ArrayList;
import java.util.List;

/**
 * The value of one top-level field of the line being checked. Instances are reused from line to
 * line: a rule must not keep one after its hook returns.
 */
public final class FieldValue {

    private static final long NOT_PARSED = Long.MIN_VALUE + 1;

    String name;
    JsonKind kind;
    private char[] chars = new char[64];
    private int length = -1;
    private String text;
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

    /** Keeps the characters of a string or number; a String is made only if someone asks for one. */
    void setText(char[] source, int offset, int count) {
        if (count > chars.length) {
            chars = new char[Math.max(count, chars.length * 2)];
        }
        System.arraycopy(source, offset, chars, 0, count);
        length = count;
    }

    /** The string value, or the number as written in the line; null for other kinds. */
    public String text() {
        if (text == null && length >= 0) {
            text = new String(chars, 0, length);
        }
        return text;
    }

    /**
     * The string value (or the number as written) without making a String, for checks that read
     * characters: valid while the line is current; null for other kinds.
     */
    public CharSequence chars() {
        return length >= 0 ? view : null;
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
                || (kind == JsonKind.STRING && length == 0)
                || (kind == JsonKind.ARRAY && strings.isEmpty() && firstNonStringItem == null);
    }

    /** A string value read as a Gong datetime, or {@link IsoDates#INVALID}; parsed once per line. */
    public long epochSeconds() {
        if (epochSeconds == NOT_PARSED) {
            epochSeconds = kind == JsonKind.STRING ? IsoDates.parseDateTime(view) : IsoDates.INVALID;
        }
        return epochSeconds;
    }

    /** The value as it would appear in a message: quoted strings, plain numbers and literals. */
    public String display() {
        return switch (kind) {
            case STRING -> "'" + text() + "'";
            case INTEGER, NUMBER -> text();
            case BOOLEAN -> Boolean.toString(bool);
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
        };
    }
}
