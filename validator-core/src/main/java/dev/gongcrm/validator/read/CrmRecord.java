package dev.gongcrm.validator.read;

import dev.gongcrm.validator.schema.JsonKind;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One line that parsed as a JSON object: its top-level fields in order. The reader reuses one
 * instance for every line of a file; rules read it only during their hook.
 */
public final class CrmRecord {

    private int line;
    private FieldValue[] fields = new FieldValue[32];
    private int size;
    /** The most fields a line has had since the last {@link #release}. */
    private int used;
    private final List<String> duplicateKeys = new ArrayList<>();
    private byte[] lineBytes;
    private int lineStart;
    private int lineLength;
    // open-addressing index of this line's names: slot -> field index; a slot counts only when its
    // stamp is the current line's, so nothing is cleared between lines
    private int[] slots = new int[32];
    private int[] slotStamps = new int[32];
    private int stamp;
    // the columns of this line's top-level keys by name (count first), made by the first lookup
    private Map<String, int[]> keyColumns;
    private boolean lookedUp;
    private long columnBytesScanned;

    void reset(int lineNumber, byte[] bytes, int start, int length) {
        line = lineNumber;
        size = 0;
        duplicateKeys.clear();
        lineBytes = bytes;
        lineStart = start;
        lineLength = length;
        keyColumns = null;
        lookedUp = false;
        nextStamp();
    }

    /** Forgets the bytes of the lines read, so that a long line does not stay in memory once it is checked. */
    void release() {
        lineBytes = null;
        keyColumns = null;
        for (int i = 0; i < used; i++) {
            fields[i].release();
        }
        used = 0;
    }

    private void nextStamp() {
        if (++stamp == 0) {
            Arrays.fill(slotStamps, 0);
            stamp = 1;
        }
    }

    /** The next field slot, or null when the line already has a field of that name. */
    FieldValue add(String name, JsonKind kind) {
        if ((size + 1) * 2 > slots.length) {
            growSlots();
        }
        // one probe finds both: the field of that name, or the free slot where it goes
        int mask = slots.length - 1;
        int slot = spread(name.hashCode()) & mask;
        while (slotStamps[slot] == stamp) {
            String known = fields[slots[slot]].name;
            if (known == name || known.equals(name)) {
                duplicateKeys.add(name);
                return null;
            }
            slot = (slot + 1) & mask;
        }
        if (size == fields.length) {
            fields = Arrays.copyOf(fields, size * 2);
        }
        FieldValue value = fields[size];
        if (value == null) {
            value = new FieldValue();
            fields[size] = value;
        }
        value.reset(name, kind);
        slots[slot] = size;
        slotStamps[slot] = stamp;
        size++;
        used = Math.max(used, size);
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
     * Positions cost nothing until a finding needs one: the first lookup of a line scans to its key,
     * the next one indexes every top-level key of the line in one pass, so that a line with many
     * findings is still read at most twice.
     */
    public int columnOf(String name) {
        return columnOf(name, 1);
    }

    /** Like {@link #columnOf(String)} for the n-th occurrence of the key (duplicate keys). */
    public int columnOf(String name, int occurrence) {
        if (keyColumns == null) {
            if (!lookedUp) {
                lookedUp = true;
                KeyScanner keys = new KeyScanner(lineBytes, lineStart, lineLength);
                int column = keys.find(name, occurrence);
                columnBytesScanned += keys.scanned();
                return column;
            }
            keyColumns = new HashMap<>();
            KeyScanner keys = new KeyScanner(lineBytes, lineStart, lineLength);
            while (keys.next()) {
                String key = keys.name();
                int[] columns = keyColumns.get(key);
                if (columns == null) {
                    keyColumns.put(key, new int[] {1, keys.column()});
                } else {
                    if (columns[0] + 1 == columns.length) {
                        columns = Arrays.copyOf(columns, columns.length * 2);
                        keyColumns.put(key, columns);
                    }
                    columns[++columns[0]] = keys.column();
                }
            }
            columnBytesScanned += keys.scanned();
        }
        int[] columns = keyColumns.get(name);
        return columns == null || occurrence < 1 || occurrence > columns[0] ? 0 : columns[occurrence];
    }

    /** How many bytes the column lookups of this reader's lines have read, for tests of the work they do. */
    long columnBytesScanned() {
        return columnBytesScanned;
    }

    /**
     * The 1-based column (in characters) where the n-th top-level key {@code "name"} starts in a line,
     * or 0. Found by scanning the raw bytes, so positions cost nothing until a finding needs one.
     */
    public static int keyColumn(byte[] bytes, int start, int length, String name, int occurrence) {
        return new KeyScanner(bytes, start, length).find(name, occurrence);
    }

    /**
     * Walks the keys of the top-level object of a line, in one pass over its bytes: JSON strings
     * (with their escapes), nesting and character columns are followed, values are not decoded.
     */
    private static final class KeyScanner {
        private static final JsonFactory FACTORY = JsonFactory.builder().build();
        private final byte[] bytes;
        private final int start;
        private final int end;
        private int at;
        private int chars;
        private int depth;
        private boolean keyNext;
        // the key found last: its bytes between the quotes, whether it has escapes, its column
        private int keyFrom;
        private int keyTo;
        private boolean escaped;
        private int column;

        KeyScanner(byte[] bytes, int start, int length) {
            this.bytes = bytes;
            this.start = start;
            this.end = start + length;
            this.at = start;
        }

        /** The column of the n-th key {@code name}, or 0; reads the line only up to it. */
        int find(String name, int occurrence) {
            byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
            int seen = 0;
            while (next()) {
                if ((escaped ? name.equals(name()) : Arrays.equals(bytes, keyFrom, keyTo, wanted, 0, wanted.length))
                        && ++seen == occurrence) {
                    return column;
                }
            }
            return 0;
        }

        /** Moves to the next top-level key; false at the end of the line. */
        boolean next() {
            while (at < end) {
                byte b = bytes[at];
                if (b == '"') {
                    int open = at;
                    int openChars = chars;
                    boolean backslash = false;
                    chars++;
                    at++;
                    while (at < end && bytes[at] != '"') {
                        if (bytes[at] == '\\') {
                            backslash = true;
                            chars++;
                            at++;
                            if (at == end) {
                                break;
                            }
                        }
                        if ((bytes[at] & 0xC0) != 0x80) {
                            chars++;
                        }
                        at++;
                    }
                    int close = at;
                    if (at < end) {
                        chars++;
                        at++;
                    }
                    if (depth == 1 && keyNext) {
                        keyNext = false;
                        keyFrom = open + 1;
                        keyTo = close;
                        escaped = backslash;
                        column = openChars + 1;
                        return true;
                    }
                    continue;
                }
                if (b == '{' || b == '[') {
                    depth++;
                    keyNext = b == '{' && depth == 1;
                } else if (b == '}' || b == ']') {
                    depth--;
                } else if (b == ',' && depth == 1) {
                    keyNext = true;
                }
                if ((b & 0xC0) != 0x80) {
                    chars++;
                }
                at++;
            }
            return false;
        }

        /** The key found last, decoded as the parser decodes it (a broken escape stays as written). */
        String name() {
            if (!escaped) {
                return new String(bytes, keyFrom, keyTo - keyFrom, StandardCharsets.UTF_8);
            }
            try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), bytes, keyFrom - 1,
                    Math.min(end, keyTo + 1) - (keyFrom - 1))) {
                parser.nextToken();
                return parser.getString();
            } catch (JacksonException e) {
                return new String(bytes, keyFrom, keyTo - keyFrom, StandardCharsets.UTF_8);
            }
        }

        int column() {
            return column;
        }

        /** How many bytes of the line this scanner has read. */
        int scanned() {
            return at - start;
        }
    }
}
