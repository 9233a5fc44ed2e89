package dev.gongcrm.validator.read;

import dev.gongcrm.validator.schema.JsonKind;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One line that parsed as a JSON object: its top-level fields in order. The reader reuses one
 * instance for every line of a file; rules read it only during their hook.
 */
public final class CrmRecord {

    private int line;
    private FieldValue[] fields = new FieldValue[32];
    private int size;
    private final List<String> duplicateKeys = new ArrayList<>();
    private byte[] lineBytes;
    private int lineStart;
    private int lineLength;

    void reset(int lineNumber, byte[] bytes, int start, int length) {
        line = lineNumber;
        size = 0;
        duplicateKeys.clear();
        lineBytes = bytes;
        lineStart = start;
        lineLength = length;
    }

    /** The next field slot, or null when the line already has a field of that name. */
    FieldValue add(String name, JsonKind kind) {
        for (int i = 0; i < size; i++) {
            if (fields[i].name == name) {
                duplicateKeys.add(name);
                return null;
            }
        }
        if (size == fields.length) {
            FieldValue[] grown = new FieldValue[size * 2];
            System.arraycopy(fields, 0, grown, 0, size);
            fields = grown;
        }
        FieldValue value = fields[size];
        if (value == null) {
            value = new FieldValue();
            fields[size] = value;
        }
        value.reset(name, kind);
        size++;
        return value;
    }

    public int line() {
        return line;
    }

    public int size() {
        return size;
    }

    public FieldValue field(int index) {
        return fields[index];
    }

    /** The field of that name, or null when the line does not have it. */
    public FieldValue get(String name) {
        // the reader interns names, as do the schemas and Java literals: compare references first
        for (int i = 0; i < size; i++) {
            if (fields[i].name == name) {
                return fields[i];
            }
        }
        for (int i = 0; i < size; i++) {
            if (fields[i].name.equals(name)) {
                return fields[i];
            }
        }
        return null;
    }

    /** A string field's value, or null when it is absent or not a string. */
    public String string(String name) {
        FieldValue value = get(name);
        return value != null && value.kind == JsonKind.STRING ? value.text : null;
    }

    public boolean isTrue(String name) {
        FieldValue value = get(name);
        return value != null && value.isTrue();
    }

    /** Names that appeared more than once in the object (the first occurrence is the one checked). */
    public List<String> duplicateKeys() {
        return duplicateKeys;
    }

    /**
     * The 1-based column (in characters) where the key {@code "name"} starts in this line, or 0.
     * Found by scanning the raw line, so positions cost nothing until a finding needs one.
     */
    public int columnOf(String name) {
        return columnOf(name, 1);
    }

    /** Like {@link #columnOf(String)} for the n-th occurrence of the key (duplicate keys). */
    public int columnOf(String name, int occurrence) {
        byte[] key = ('"' + name + '"').getBytes(StandardCharsets.UTF_8);
        int end = lineStart + lineLength - key.length;
        int seen = 0;
        for (int i = lineStart; i <= end; i++) {
            if (matchesAt(key, i) && followedByColon(i + key.length)) {
                if (++seen == occurrence) {
                    return Utf8.columnAt(lineBytes, lineStart, i);
                }
            }
        }
        return 0;
    }

    private boolean matchesAt(byte[] key, int at) {
        for (int j = 0; j < key.length; j++) {
            if (lineBytes[at + j] != key[j]) {
                return false;
            }
        }
        return at == lineStart || lineBytes[at - 1] != '\\';
    }

    private boolean followedByColon(int at) {
        int end = lineStart + lineLength;
        while (at < end && (lineBytes[at] == ' ' || lineBytes[at] == '\t')) {
            at++;
        }
        return at < end && lineBytes[at] == ':';
    }
}
