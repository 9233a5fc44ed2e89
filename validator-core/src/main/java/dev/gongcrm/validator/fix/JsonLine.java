package dev.gongcrm.validator.fix;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * One LDJSON line read as a JSON object with the character span of each top-level member, so a fix can
 * change one member and keep every other character of the line as it was (field order, spacing, escapes).
 * Lines that are not exactly one JSON object, or that repeat a key, are not parsed: fixing them would mean
 * guessing, and the validation after the fix reports them.
 */
final class JsonLine {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * One top-level member. {@code text} is the string's value for strings, the literal for numbers,
     * booleans and null, and the raw JSON for arrays and objects.
     */
    record Member(String name, int keyStart, int keyEnd, int valueStart, int valueEnd, JsonToken kind, String text) {

        boolean isString() {
            return kind == JsonToken.VALUE_STRING;
        }

        /** Whether two values are the same JSON value (7000 and 7000.0 are; "7000" and 7000 are not). */
        boolean sameValueAs(Member other) {
            boolean numbers = kind.isNumeric() && other.kind.isNumeric();
            if (numbers) {
                return new BigDecimal(text).compareTo(new BigDecimal(other.text)) == 0;
            }
            return kind == other.kind && text.equals(other.text);
        }
    }

    private final String text;
    private final int openBrace;
    private final List<Member> members;

    private JsonLine(String text, int openBrace, List<Member> members) {
        this.text = text;
        this.openBrace = openBrace;
        this.members = members;
    }

    /** The line as an object, or null when it is not one JSON object with distinct keys. */
    static JsonLine parse(String text) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            int openBrace = (int) parser.currentTokenLocation().getCharOffset();
            List<Member> members = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String name = parser.currentName();
                int keyStart = (int) parser.currentTokenLocation().getCharOffset();
                int keyEnd = stringEnd(text, keyStart);
                JsonToken kind = parser.nextToken();
                int valueStart = (int) parser.currentTokenLocation().getCharOffset();
                String value;
                int valueEnd;
                if (kind == JsonToken.START_OBJECT || kind == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    valueEnd = (int) parser.currentLocation().getCharOffset();
                    value = text.substring(valueStart, valueEnd);
                } else {
                    value = parser.getString();
                    valueEnd = kind == JsonToken.VALUE_STRING ? stringEnd(text, valueStart) : literalEnd(text, valueStart);
                }
                members.add(new Member(name, keyStart, keyEnd, valueStart, valueEnd, kind, value));
            }
            if (parser.nextToken() != null) {
                return null;
            }
            return new JsonLine(text, openBrace, Collections.unmodifiableList(members));
        } catch (JacksonException | NumberFormatException e) {
            return null;
        }
    }

    String text() {
        return text;
    }

    List<Member> members() {
        return members;
    }

    Member member(String name) {
        for (Member member : members) {
            if (member.name().equals(name)) {
                return member;
            }
        }
        return null;
    }

    /** A change of the characters in [start, end). */
    record Edit(int start, int end, String replacement) {
    }

    static Edit replaceValue(Member member, String json) {
        return new Edit(member.valueStart(), member.valueEnd(), json);
    }

    static Edit renameKey(Member member, String newName) {
        return new Edit(member.keyStart(), member.keyEnd(), '"' + newName + '"');
    }

    /** Removes a member with the comma that separates it from its neighbour, leaving the others' spacing. */
    Edit remove(Member member) {
        int index = members.indexOf(member);
        if (index > 0) {
            return new Edit(members.get(index - 1).valueEnd(), member.valueEnd(), "");
        }
        if (members.size() > 1) {
            return new Edit(member.keyStart(), members.get(1).keyStart(), "");
        }
        return new Edit(openBrace + 1, member.valueEnd(), "");
    }

    /** The line with non-overlapping edits applied. */
    String apply(List<Edit> edits) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).reversed());
        StringBuilder result = new StringBuilder(text);
        for (Edit edit : sorted) {
            result.replace(edit.start(), edit.end(), edit.replacement());
        }
        return result.toString();
    }

    /** The index just past the closing quote of the JSON string opening at {@code start}. */
    private static int stringEnd(String text, int start) {
        int at = start + 1;
        while (text.charAt(at) != '"') {
            at += text.charAt(at) == '\\' ? 2 : 1;
        }
        return at + 1;
    }

    /** The index just past a number or literal ({@code true}, {@code null}...) starting at {@code start}. */
    private static int literalEnd(String text, int start) {
        int at = start;
        while (at < text.length() && ",}] \t\r\n".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        return at;
    }
}
