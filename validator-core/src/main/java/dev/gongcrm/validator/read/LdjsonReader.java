package dev.gongcrm.validator.read;

import dev.gongcrm.validator.Thousands;
import dev.gongcrm.validator.schema.JsonKind;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

import java.io.IOException;
import java.io.InputStream;

/**
 * Parses the lines of an LDJSON stream (which a {@link LineSplitter} cuts out of it) and hands every
 * line that is a JSON object to a {@link Listener} as a {@link CrmRecord}; {@link #read} does both in
 * one pass. Each line gets its own parser over the bytes of that
 * line only, so a broken line is reported at its own position and never hides the next one.
 * Memory is the longest line, not the file.
 */
public final class LdjsonReader {

    /** Receives the objects and the problems of a stream, in line order. */
    public interface Listener {
        void record(CrmRecord record);

        void problem(LineProblem problem, int line, int column, String message);

        /**
         * Whether a rule may read the value of this field, or only its name and kind: asked in long
         * lines only, where a value no one reads is skipped without being copied out of the line.
         */
        default boolean needsValue(String field) {
            return true;
        }
    }

    /** How many elements of an array value the rules see at most (a long line could hold millions). */
    public static final int MAX_ARRAY_ITEMS = 100_000;
    /** Objects with more keys are reported and skipped, like lines over {@link #MAX_LINE_BYTES}. */
    public static final int MAX_KEYS = 200_000;

    /** Lines longer than this are reported and skipped rather than buffered. */
    public static final int MAX_LINE_BYTES = 64 * 1024 * 1024;
    /**
     * In a line longer than this, a string value longer than {@link #LONG_VALUE_BYTES} is left where it
     * lies instead of being copied out by the parser (which takes about four times its length):
     * a long line then costs its own length in memory, not ten times it.
     */
    public static final int LONG_LINE_BYTES = 1 << 20;
    static final int LONG_VALUE_BYTES = 1 << 16;

    // one parser per line: buffers come from a thread-local pool, names are interned so that lookups
    // by name compare references, and the encoding is UTF-8 by definition (a BOM is reported, not sniffed)
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.threadLocalPool())
            .enable(TokenStreamFactory.Feature.INTERN_PROPERTY_NAMES)
            .disable(TokenStreamFactory.Feature.CHARSET_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_LINE_BYTES)
                    .build())
            .build();

    private final CrmRecord record = new CrmRecord();
    /** Reads the common flat lines; the others, and all of them when null, go through Jackson. */
    private final FlatObjectScanner scanner;
    private final LineSplitter splitter;
    private final int longLineBytes;

    public LdjsonReader() {
        this(MAX_LINE_BYTES);
    }

    LdjsonReader(int maxLineBytes) {
        this(maxLineBytes, LONG_LINE_BYTES, true);
    }

    LdjsonReader(int maxLineBytes, int longLineBytes) {
        this(maxLineBytes, longLineBytes, true);
    }

    private LdjsonReader(int maxLineBytes, int longLineBytes, boolean flatScanner) {
        this.splitter = new LineSplitter(maxLineBytes);
        this.longLineBytes = longLineBytes;
        this.scanner = flatScanner ? new FlatObjectScanner() : null;
    }

    /** A reader that parses every line with Jackson: what the flat scanner is compared with. */
    static LdjsonReader jacksonOnly() {
        return new LdjsonReader(MAX_LINE_BYTES, LONG_LINE_BYTES, false);
    }

    /** Reads the whole stream, calling the listener in line order; the caller closes the stream. */
    public void read(InputStream in, Listener listener) throws IOException {
        int[] nextLine = {1};
        splitter.split(in, new LineSplitter.BlockSink() {
            @Override
            public void lines(byte[] buf, int from, int to) {
                nextLine[0] = LineSplitter.forEachLine(buf, from, to, nextLine[0],
                        (bytes, start, length, line) -> parseLine(bytes, start, length, line, listener));
            }

            @Override
            public void lineTooLong(String message) {
                listener.problem(LineProblem.INVALID_JSON, nextLine[0]++, 1, message);
            }
        }, listener::problem);
    }

    /**
     * Parses one line (without its line end) and tells the listener: the object, and any problem.
     * Uses this reader's one {@link CrmRecord}, so a reader serves one thread.
     */
    public void parseLine(byte[] buf, int start, int length, int line, Listener listener) {
        if (scanner != null && length <= longLineBytes && scanner.scan(buf, start, length, line, record)) {
            listener.record(record);
            return;
        }
        record.reset(line, buf, start, length);
        boolean objectRead = false;
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), buf, start, length)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                listener.problem(LineProblem.BLANK_LINE, line, 1,
                        "blank line; remove it (every line must hold one object)");
                return;
            }
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                listener.problem(LineProblem.NOT_AN_OBJECT, line, 1, "line is " + describe(token)
                        + ", not a JSON object; each line must represent a single CRM object");
                return;
            }
            if (!readFields(parser, record, length > longLineBytes ? buf : null, start, listener)) {
                listener.problem(LineProblem.INVALID_JSON, line,
                        Utf8.columnAt(buf, start, start + (int) parser.currentTokenLocation().getByteOffset()),
                        "object has more than " + Thousands.grouped(MAX_KEYS)
                                + " keys; a CRM object this large is not plausible");
                return;
            }
            objectRead = true;
            if (parser.nextToken() != null) {
                int column = parser.currentTokenLocation().getColumnNr();
                listener.problem(LineProblem.INVALID_JSON, line, column,
                        "more than one JSON value on this line; put each object on its own line");
            }
        } catch (StreamConstraintsException e) {
            listener.problem(LineProblem.INVALID_JSON, line, columnOf(e, buf, start),
                    "line exceeds a parser limit: " + SyntaxMessages.reason(e));
            return;
        } catch (JacksonException e) {
            int column = columnOf(e, buf, start);
            String message = SyntaxMessages.reason(e);
            int keyEscape = message.contains("surrogate") ? SurrogateEscapes.lastLoneBefore(buf, start, start + length,
                    start + (int) Math.max(0, e.getLocation() == null ? length : e.getLocation().getByteOffset())) : -1;
            if (message.startsWith("Invalid UTF-8")) {
                listener.problem(LineProblem.INVALID_ENCODING, line, column,
                        "bytes that are not UTF-8 (" + message + "); the file must be encoded as UTF-8");
            } else if (keyEscape >= 0) {
                // Jackson refuses half a character in a key (in a value it reads it): the same problem either way
                listener.problem(LineProblem.INVALID_ENCODING, line, Utf8.columnAt(buf, start, keyEscape),
                        SurrogateEscapes.message(buf, start, length, keyEscape, true));
            } else {
                listener.problem(LineProblem.INVALID_JSON, line, column, SyntaxMessages.explain(e, buf, start, length));
            }
            if (!objectRead) {
                return;
            }
        }
        // the flat scanner reads no line with such an escape: only the lines read here can have one
        int valueEscape = SurrogateEscapes.firstLone(buf, start, start + length);
        if (valueEscape >= 0) {
            listener.problem(LineProblem.INVALID_ENCODING, line, Utf8.columnAt(buf, start, valueEscape),
                    SurrogateEscapes.message(buf, start, length, valueEscape, false));
        }
        // text after a complete object (a trailing comment, a second object) leaves that object checkable
        listener.record(record);
    }

    /** Forgets the bytes of the lines parsed so far (they may be a long line's), once the caller is done with them. */
    public void release() {
        record.release();
    }

    /**
     * Reads the fields of the object whose START_OBJECT was just read. {@code longLine} is the
     * buffer the parser reads (from {@code base} on) when the line is long, else null. False when
     * the object has more than {@link #MAX_KEYS} keys: the parser then stands on the first key too many.
     */
    private static boolean readFields(JsonParser parser, CrmRecord record, byte[] longLine, int base,
                                      Listener listener) {
        JsonToken token;
        int keys = 0;
        while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
            if (++keys > MAX_KEYS) {
                return false;
            }
            String name = parser.currentName();
            token = parser.nextToken();
            FieldValue value = record.add(name, kindOf(token, parser));
            if (value == null || (longLine != null && !listener.needsValue(name))) {
                parser.skipChildren();
                continue;
            }
            switch (token) {
                case VALUE_STRING -> {
                    if (longLine == null || !leftInLine(parser, value, longLine, base, record)) {
                        value.setText(parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
                    }
                }
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    value.setText(parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
                    value.number = parser.getDoubleValue();
                }
                case VALUE_TRUE -> value.bool = true;
                case START_ARRAY -> readArray(parser, value, longLine, base, record.start() + record.length());
                case START_OBJECT -> parser.skipChildren();
                default -> {
                }
            }
        }
        return true;
    }

    private static void readArray(JsonParser parser, FieldValue value, byte[] longLine, int base, int lineEnd) {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.VALUE_STRING) {
                // past the limit, the parser skips the item on the next token
                if (value.strings.size() < MAX_ARRAY_ITEMS) {
                    value.strings.add(longLine == null ? shortened(parser.getString()) : item(parser, longLine, base, lineEnd));
                }
            } else {
                if (value.firstNonStringItem == null) {
                    value.firstNonStringItem = kindOf(token, parser);
                }
                parser.skipChildren();
            }
        }
    }

    /**
     * Leaves the string the parser stands on where it lies when it is long (the parser then skips it
     * on the next token, without copying it); false when it is short enough to be read as usual.
     */
    private static boolean leftInLine(JsonParser parser, FieldValue value, byte[] line, int base, CrmRecord record) {
        int open = stringStart(parser, line, base);
        int close = open < 0 ? -1 : JsonStrings.closingQuote(line, open, record.start() + record.length());
        if (close - open <= LONG_VALUE_BYTES) {
            return false;
        }
        value.setRaw(line, open + 1, close);
        return true;
    }

    /** The string item the parser stands on in a long line: a long one is decoded from where it lies. */
    private static String item(JsonParser parser, byte[] line, int base, int lineEnd) {
        int open = stringStart(parser, line, base);
        int close = open < 0 ? -1 : JsonStrings.closingQuote(line, open, lineEnd);
        return close - open > LONG_VALUE_BYTES ? JsonStrings.decode(line, open + 1, close, FieldValue.MAX_TEXT_CHARS)
                : shortened(parser.getString());
    }

    private static String shortened(String item) {
        return item.length() > FieldValue.MAX_TEXT_CHARS ? item.substring(0, FieldValue.MAX_TEXT_CHARS) : item;
    }

    /** Where the string the parser stands on opens in {@code buf}, or -1 when that cannot be told. */
    private static int stringStart(JsonParser parser, byte[] buf, int base) {
        long offset = parser.currentTokenLocation().getByteOffset();
        int open = offset < 0 ? -1 : base + (int) offset;
        return open >= 0 && open < buf.length && buf[open] == '"' ? open : -1;
    }

    private static JsonKind kindOf(JsonToken token, JsonParser parser) {
        return switch (token) {
            case VALUE_STRING -> JsonKind.STRING;
            case VALUE_NUMBER_INT -> JsonKind.INTEGER;
            case VALUE_NUMBER_FLOAT -> JsonKind.NUMBER;
            case VALUE_TRUE, VALUE_FALSE -> JsonKind.BOOLEAN;
            case START_ARRAY -> JsonKind.ARRAY;
            case START_OBJECT -> JsonKind.OBJECT;
            default -> JsonKind.NULL;
        };
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> "null";
        };
    }

    private static int columnOf(JacksonException e, byte[] buf, int start) {
        long offset = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
        if (offset < 0) {
            return e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNr());
        }
        return Utf8.columnAt(buf, start, start + (int) offset);
    }
}
