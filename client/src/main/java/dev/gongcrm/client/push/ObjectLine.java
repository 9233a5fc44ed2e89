package dev.gongcrm.client.push;

import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One LDJSON line read for a sync: the object's id and a 64-bit hash of its JSON value in which key
 * order and whitespace do not count (members are combined by a sum, arrays in order), and the raw
 * text of the top-level members asked for. It reads the bytes directly, without building a tree,
 * because a push reads every line of a bundle that is mostly unchanged. A string is hashed as
 * written: the same text escaped differently counts as a change, which only sends it once more.
 */
public final class ObjectLine {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long STRING = 0x9E3779B97F4A7C15L;
    private static final long NUMBER = 0xC2B2AE3D27D4EB4FL;
    private static final long OBJECT = 0x165667B19E3779F9L;
    private static final long ARRAY = 0x27D4EB2F165667C5L;
    private static final long LINE = 0x85EBCA77C2B2AE63L;

    private static final byte[] OBJECT_ID = "objectId".getBytes(StandardCharsets.UTF_8);
    /** Eight bytes of a line as one number, in one read rather than eight. */
    private static final java.lang.invoke.VarHandle LITTLE_ENDIAN_LONG = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** The line's bytes, read for the id only when it is asked for: most lines of a sync need its fingerprint alone. */
    private final byte[] bytes;
    private final int idFrom;
    private final int idTo;
    private String id;
    private final long idFingerprint;
    private final long valueHash;
    private final Map<String, String> kept;

    private ObjectLine(byte[] bytes, int idFrom, int idTo, String id, long idFingerprint, long valueHash,
                       Map<String, String> kept) {
        this.bytes = bytes;
        this.idFrom = idFrom;
        this.idTo = idTo;
        this.id = id;
        this.idFingerprint = idFingerprint;
        this.valueHash = valueHash;
        this.kept = kept;
    }

    /**
     * The object's id (its {@code idField}), or null when it has none that is a string; asked while the
     * bytes the line was read from are still the line's (a reader reuses its buffer).
     */
    public String id() {
        if (id == null && idFrom >= 0) {
            id = new String(bytes, idFrom, idTo - idFrom, StandardCharsets.UTF_8);
        }
        return id;
    }

    /** Whether the object has an id that is a string. */
    public boolean hasId() {
        return id != null || idFrom >= 0;
    }

    /** {@link #fingerprint} of the id, taken from the line's bytes without making a string of it. */
    public long idFingerprint() {
        return idFingerprint;
    }

    public long valueHash() {
        return valueHash;
    }

    /** The raw JSON text of a top-level member that {@link #read} was asked to keep, or null. */
    public String raw(String name) {
        return kept.get(name);
    }

    /** The string value of a kept top-level member, or null when it is absent or not a string. */
    public String string(String name) {
        String raw = kept.get(name);
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '"') {
            return null;
        }
        return raw.indexOf('\\') < 0 ? raw.substring(1, raw.length() - 1) : JSON.readValue(raw, String.class);
    }

    /** The line's bytes {@code [from, to)} read as one object, or null when they are not one JSON object. */
    public static ObjectLine read(byte[] bytes, int from, int to, String idField, Set<String> keep) {
        try {
            return new Reader(bytes, from, to, idField, keep).line();
        } catch (Malformed | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** A 64-bit fingerprint of an object id, for indexes that do not keep the ids themselves. */
    public static long fingerprint(String id) {
        return fingerprint(id.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #fingerprint(String)} of the id's UTF-8 bytes. */
    static long fingerprint(byte[] utf8) {
        return fingerprint(utf8, 0, utf8.length);
    }

    /** {@link #fingerprint(String)} of the id whose UTF-8 bytes are these. */
    static long fingerprint(byte[] bytes, int from, int to) {
        return bytesHash(bytes, from, to, STRING);
    }

    /**
     * A 64-bit hash of the line's bytes as they are, without its line end: a line whose hash is that of
     * a line sent before holds the same object, read or not.
     */
    static long lineHash(byte[] bytes, int from, int to) {
        int end = to;
        while (end > from && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        return bytesHash(bytes, from, end, LINE);
    }

    /**
     * Where the line's objectId is when the line begins with it, as exports write it ({@code {"objectId":
     * "..."}}, the id without escapes): its first byte in the high half, the byte after its last in the low
     * half; -1 when the line does not begin so. Nothing after the id is read.
     */
    static long leadingId(byte[] bytes, int from, int to) {
        int at = skipSpace(bytes, from, to);
        if (at >= to || bytes[at] != '{') {
            return -1;
        }
        at = skipSpace(bytes, at + 1, to);
        int name = at + 1;
        if (name + OBJECT_ID.length + 1 > to || bytes[at] != '"'
                || !Arrays.equals(bytes, name, name + OBJECT_ID.length, OBJECT_ID, 0, OBJECT_ID.length)
                || bytes[name + OBJECT_ID.length] != '"') {
            return -1;
        }
        at = skipSpace(bytes, name + OBJECT_ID.length + 1, to);
        if (at >= to || bytes[at] != ':') {
            return -1;
        }
        at = skipSpace(bytes, at + 1, to);
        if (at >= to || bytes[at] != '"') {
            return -1;
        }
        int start = at + 1;
        for (int i = start; i < to; i++) {
            if (bytes[i] == '"') {
                return (long) start << 32 | i;
            }
            if (bytes[i] == '\\') {
                return -1;
            }
        }
        return -1;
    }

    private static int skipSpace(byte[] bytes, int at, int to) {
        while (at < to && (bytes[at] == ' ' || bytes[at] == '\t' || bytes[at] == '\n' || bytes[at] == '\r')) {
            at++;
        }
        return at;
    }

    private static long bytesHash(byte[] bytes, int from, int to, long seed) {
        long hash = seed ^ (to - from) * 0xFF51AFD7ED558CCDL;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            hash = Long.rotateLeft(hash ^ mix((long) LITTLE_ENDIAN_LONG.get(bytes, i)), 27) * 0x9E3779B97F4A7C15L
                    + 0x52DCE729;
        }
        for (; i < to; i++) {
            hash = (hash ^ (bytes[i] & 0xFF)) * 0x100000001B3L;
        }
        return mix(hash);
    }

    /** MurmurHash3's finalizer: every bit of the input moves every bit of the output. */
    private static long mix(long value) {
        value ^= value >>> 33;
        value *= 0xFF51AFD7ED558CCDL;
        value ^= value >>> 33;
        value *= 0xC4CEB9FE1A85EC53L;
        return value ^ value >>> 33;
    }

    private static final class Malformed extends RuntimeException {
        Malformed() {
            super(null, null, false, false);
        }
    }

    private static final class Reader {
        private final byte[] bytes;
        private final int to;
        private final byte[] idField;
        private final Set<String> keep;
        private int at;
        private int idFrom = -1;
        private int idTo = -1;
        private String id;
        private long idFingerprint;
        private Map<String, String> kept = Map.of();

        Reader(byte[] bytes, int from, int to, String idField, Set<String> keep) {
            this.bytes = bytes;
            this.at = from;
            this.to = to;
            this.idField = idField.equals("objectId") ? OBJECT_ID : idField.getBytes(StandardCharsets.UTF_8);
            this.keep = keep;
        }

        ObjectLine line() {
            skipSpace();
            if (at >= to || bytes[at] != '{') {
                return null;
            }
            long hash = object(true);
            skipSpace();
            if (at != to) {
                return null;
            }
            return new ObjectLine(bytes, idFrom, idTo, id, idFingerprint, hash, kept);
        }

        private long value() {
            skipSpace();
            if (at >= to) {
                throw new Malformed();
            }
            byte first = bytes[at];
            return switch (first) {
                case '{' -> object(false);
                case '[' -> array();
                case '"' -> {
                    int start = at;
                    skipString();
                    yield bytesHash(bytes, start + 1, at - 1, STRING);
                }
                case 't' -> literal("true", 1);
                case 'f' -> literal("false", 2);
                case 'n' -> literal("null", 3);
                default -> number();
            };
        }

        private long object(boolean top) {
            at++; // {
            long sum = OBJECT;
            int members = 0;
            skipSpace();
            if (at < to && bytes[at] == '}') {
                at++;
                return mix(sum);
            }
            while (true) {
                skipSpace();
                if (at >= to || bytes[at] != '"') {
                    throw new Malformed();
                }
                int keyStart = at + 1;
                skipString();
                int keyEnd = at - 1;
                skipSpace();
                if (at >= to || bytes[at++] != ':') {
                    throw new Malformed();
                }
                skipSpace();
                int valueStart = at;
                long value = value();
                if (top) {
                    member(keyStart, keyEnd, valueStart, at);
                }
                sum += mix(bytesHash(bytes, keyStart, keyEnd, STRING) ^ Long.rotateLeft(value, 29));
                members++;
                skipSpace();
                if (at >= to) {
                    throw new Malformed();
                }
                byte next = bytes[at++];
                if (next == '}') {
                    return mix(sum + members);
                }
                if (next != ',') {
                    throw new Malformed();
                }
            }
        }

        private void member(int keyStart, int keyEnd, int valueStart, int valueEnd) {
            if (keyEnd - keyStart == idField.length
                    && Arrays.equals(bytes, keyStart, keyEnd, idField, 0, idField.length)
                    && bytes[valueStart] == '"') {
                identify(valueStart, valueEnd);
            }
            if (!keep.isEmpty()) {
                String name = new String(bytes, keyStart, keyEnd - keyStart, StandardCharsets.UTF_8);
                if (keep.contains(name)) {
                    if (kept.isEmpty()) {
                        kept = new HashMap<>();
                    }
                    kept.put(name, new String(bytes, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8));
                }
            }
        }

        /** The id's place in the line, or, when it is written with escapes, the id itself; and its fingerprint. */
        private void identify(int start, int end) {
            for (int i = start + 1; i < end - 1; i++) {
                if (bytes[i] == '\\') {
                    id = JSON.readValue(new String(bytes, start, end - start, StandardCharsets.UTF_8), String.class);
                    idFrom = -1;
                    idFingerprint = fingerprint(id);
                    return;
                }
            }
            id = null;
            idFrom = start + 1;
            idTo = end - 1;
            idFingerprint = bytesHash(bytes, idFrom, idTo, STRING);
        }

        private long array() {
            at++; // [
            long hash = ARRAY;
            skipSpace();
            if (at < to && bytes[at] == ']') {
                at++;
                return mix(hash);
            }
            while (true) {
                hash = mix(hash * 31 + value());
                skipSpace();
                if (at >= to) {
                    throw new Malformed();
                }
                byte next = bytes[at++];
                if (next == ']') {
                    return hash;
                }
                if (next != ',') {
                    throw new Malformed();
                }
            }
        }

        private long literal(String word, int tag) {
            for (int i = 0; i < word.length(); i++) {
                if (at >= to || bytes[at++] != word.charAt(i)) {
                    throw new Malformed();
                }
            }
            return mix(tag);
        }

        private long number() {
            int start = at;
            while (at < to) {
                byte b = bytes[at];
                if ((b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E') {
                    at++;
                } else {
                    break;
                }
            }
            if (at == start) {
                throw new Malformed();
            }
            return bytesHash(bytes, start, at, NUMBER);
        }

        /** From an opening quote to just past its closing quote. */
        private void skipString() {
            at++;
            while (true) {
                if (at >= to) {
                    throw new Malformed();
                }
                byte b = bytes[at++];
                if (b == '\\') {
                    at++;
                } else if (b == '"') {
                    return;
                }
            }
        }

        private void skipSpace() {
            while (at < to) {
                byte b = bytes[at];
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                    return;
                }
                at++;
            }
        }
    }
}
