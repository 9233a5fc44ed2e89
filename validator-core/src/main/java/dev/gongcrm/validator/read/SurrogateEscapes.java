package dev.gongcrm.validator.read;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.nio.charset.StandardCharsets;

/**
 * JSON escapes of half a character: {@code \}{@code ud800}..{@code \}{@code udbff} not followed by
 * the escape of a low half, or a low half {@code \}{@code udc00}..{@code \}{@code udfff} alone. JSON
 * allows them, Jackson reads them, but no UTF-8 text can hold the result, and Gong stores UTF-8.
 * (Raw bytes cannot encode a surrogate at all: UTF-8 decoding already refuses them.)
 */
final class SurrogateEscapes {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final int ESCAPE_LENGTH = 6;

    private SurrogateEscapes() {
    }

    /**
     * The offset of the backslash of the first escape of half a character in {@code buf[from, to)}, or
     * -1. Backslashes occur only inside strings in JSON, so the escapes are walked without following
     * strings; an escaped backslash ({@code \\}) is stepped over whole, so {@code \\ud800} is text.
     */
    static int firstLone(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] != '\\') {
                continue;
            }
            int code = unicodeEscape(buf, i, to);
            if (code < 0 || !Character.isSurrogate((char) code)) {
                i++; // past the escaped character; a \\u's digits are plain text after it
                continue;
            }
            if (Character.isHighSurrogate((char) code)
                    && Character.isLowSurrogate((char) unicodeEscape(buf, i + ESCAPE_LENGTH, to))) {
                i += 2 * ESCAPE_LENGTH - 1;
                continue;
            }
            return i;
        }
        return -1;
    }

    /** The code unit of the {@code \}{@code uXXXX} escape at {@code at}, or -1 when there is none there. */
    static int unicodeEscape(byte[] buf, int at, int to) {
        if (at + ESCAPE_LENGTH > to || buf[at] != '\\' || buf[at + 1] != 'u') {
            return -1;
        }
        int code = 0;
        for (int i = at + 2; i < at + ESCAPE_LENGTH; i++) {
            int digit = Character.digit(buf[i], 16);
            if (digit < 0) {
                return -1;
            }
            code = code * 16 + digit;
        }
        return code;
    }

    /**
     * The offset of the last escape of half a character before {@code limit} in {@code buf[from, to)},
     * or -1: where Jackson stopped refusing a key is just past the key's own escape.
     */
    static int lastLoneBefore(byte[] buf, int from, int to, int limit) {
        int last = -1;
        for (int at = firstLone(buf, from, to); at >= 0 && at < limit; at = firstLone(buf, at + ESCAPE_LENGTH, to)) {
            last = at;
        }
        return last;
    }

    /**
     * What is wrong with the escape at {@code at} of the line {@code buf[start, start + length)}, and
     * how to fix it: in a key, or in the value of the top-level field it names.
     */
    static String message(byte[] buf, int start, int length, int at, boolean inKey) {
        String field = inKey ? null : fieldAt(buf, start, length, at);
        return message(inKey ? "a key" : field == null ? "a value" : "field '" + field + "'", buf, at);
    }

    /** What is wrong with the escape at {@code at}, which {@code holder} holds, and how to fix it. */
    static String message(String holder, byte[] buf, int at) {
        boolean high = Character.isHighSurrogate((char) unicodeEscape(buf, at, at + ESCAPE_LENGTH));
        return holder + " holds " + new String(buf, at, ESCAPE_LENGTH, StandardCharsets.US_ASCII)
                + ", half of a character (" + (high ? "a high surrogate without the low one after it"
                : "a low surrogate without the high one before it") + "): UTF-8, which Gong stores, cannot encode "
                + "it; write the whole character (its two escapes, e.g. \\ud83d\\ude00, or the character itself) "
                + "or remove the escape";
    }

    /**
     * The top-level field whose value holds byte {@code at} of a line Jackson reads, or null. Asked only
     * of a line that has such an escape: it parses the line again.
     */
    private static String fieldAt(byte[] buf, int start, int length, int at) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), buf, start, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String field = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                if (start + parser.currentTokenLocation().getByteOffset() > at) {
                    break;
                }
                field = parser.currentName();
                parser.nextToken();
                parser.skipChildren();
            }
            return field;
        } catch (JacksonException e) {
            return null;
        }
    }
}
