package dev.gongcrm.validator.read;

import dev.gongcrm.validator.schema.JsonKind;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
    // open-addressing index of this line's names: slot -> field index; a slot counts only when its
    // stamp is the current line's, so nothing is cleared between lines
    private int[] slots = new int[32];
    private int[] slotStamps = new int[32];
    private int stamp;

    void reset(int lineNumber, byte[] bytes, int start, int length) {
        line = lineNumber;
        size = 0;
        duplicateKeys.clear();
        lineBytes = bytes;
        lineStart = start;
        lineLength = length;
        nextStamp();
    }

    private void nextStamp() {
        if (++stamp == 0) {
            Arrays.fill(slotStamps, 0);
            stamp = 1;
        }
    }

    /** The next field slot, or null when the line already has a field of that name. */
    FieldValue add(String name, JsonKind kind) {
        if (indexOf(name) >= 0) {
            duplicateKeys.add(name);
            return null;
        }
        if (size == fields.length) {
            FieldValue[] grown = new FieldValue[size * 2];
            System.arraycopy(fields, 0, grown, 0, size);
            fields = grown;
        }
        if ((size + 1) * 2 > slots.length) {
            growSlots();
        }
        FieldValue value = fields[size];
        if (value == null) {
            value = new FieldValue();
            fields[size] = value;
        }
        value.reset(name, kind);
        insert(name, size);
        size++;
        return value;
    }

    private int indexOf(String name) {
        int mask = slots.length - 1;
        for (int slot = spread(name.hashCode()) & mask; slotStamps[slot] == stamp; slot = (slot + 1) & mask) {
            FieldValue candidate = fields[slots[slot]];
            if (candidate.name == name || candidate.name.equals(name)) {
                return slots[slot];
            }
        }
        return -1;
    }

    private void insert(String name, int index) {
        int mask = slots.length - 1;
        int slot = spread(name.hashCode()) & mask;
        while (slotStamps[slot] == stamp) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = index;
        slotStamps[slot] = stamp;
    }

    private void growSlots() {
        slots = new int[slots.length * 2];
        slotStamps = new int[slots.length];
        nextStamp();
        for (int i = 0; i < size; i++) {
            insert(fields[i].name, i);
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    public int line() {
        return line;
    }

    /** Where the line starts in the bytes it was read from. */
    public int start() {
        return lineStart;
    }

    /** The line's length in bytes, without its line end. */
    public int length() {
        return lineLength;
    }

    public int size() {
        return size;
    }

    public FieldValue field(int index) {
        return fields[index];
    }

    /** The field of that name, or null when the line does not have it. */
    public FieldValue get(String name) {
        int index = indexOf(name);
        return index < 0 ? null : fields[index];
    }

    /** A string field's value, or null when it is absent or not a string. */
    public String string(String name) {
        FieldValue value = get(name);
        return value != null && value.kind == JsonKind.STRING ? value.text() : null;
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
        return keyColumn(lineBytes, lineStart, lineLength, name, occurrence);
    }

    /**
     * The 1-based column (in characters) where the n-th key {@code "name"} starts in a line, or 0.
     * Found by scanning the raw bytes, so positions cost nothing until a finding needs one.
     */
    public static int keyColumn(byte[] bytes, int start, int length, String name, int occurrence) {
        byte[] key = ('"' + name + '"').getBytes(StandardCharsets.UTF_8);
        int end = start + length;
        int seen = 0;
        for (int i = start; i + key.length <= end; i++) {
            if (matchesAt(bytes, start, key, i) && followedByColon(bytes, i + key.length, end) && ++seen == occurrence) {
                return Utf8.columnAt(bytes, start, i);
            }
        }
        return 0;
    }

    private static boolean matchesAt(byte[] bytes, int lineStart, byte[] key, int at) {
        for (int j = 0; j < key.length; j++) {
            if (bytes[at + j] != key[j]) {
                return false;
            }
        }
        return at == lineStart || bytes[at - 1] != '\\';
    }

    private static boolean followedByColon(byte[] bytes, int at, int end) {
        while (at < end && (bytes[at] == ' ' || bytes[at] == '\t')) {
            at++;
        }
        return at < end && bytes[at] == ':';
    }
}
