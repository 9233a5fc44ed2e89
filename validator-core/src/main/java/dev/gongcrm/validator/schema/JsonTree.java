package dev.gongcrm.validator.schema;

import dev.gongcrm.validator.read.SyntaxMessages;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of a JSON document read with the streaming parser into plain Java values (objects keep
 * their member order), for the built-in schema resources. They are small and read once per run, and
 * setting up jackson-databind would be a large share of a short run's start-up, which a bundle
 * without schema files otherwise never pays. Access is typed: a value of the wrong type is refused
 * with its location rather than coerced, as a resource the engine reads differently than it is
 * written must not be half understood.
 */
final class JsonTree {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** The value of a member an object does not have (JSON null is Java null). */
    private static final Object MISSING = new Object();

    private final String location;
    private final Object value;

    private JsonTree(String location, Object value) {
        this.location = location;
        this.value = value;
    }

    /** The document {@code json} holds; {@code source} names it in messages. */
    static JsonTree read(byte[] json, String source) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SchemaLoadException(source + ": no JSON value (the document is empty)");
            }
            Object root = readValue(parser, first);
            if (parser.nextToken() != null) {
                throw new SchemaLoadException(source + ": content after the JSON value at "
                        + position(parser));
            }
            return new JsonTree(source + "#", root);
        } catch (JacksonException e) {
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new SchemaLoadException(source + ": invalid JSON" + at + ": " + SyntaxMessages.reason(e));
        }
    }

    private static Object readValue(JsonParser parser, JsonToken token) {
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> members = new LinkedHashMap<>();
                for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                    members.put(name, readValue(parser, parser.nextToken()));
                }
                yield Collections.unmodifiableMap(members);
            }
            case START_ARRAY -> {
                List<Object> elements = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    elements.add(readValue(parser, next));
                }
                yield Collections.unmodifiableList(elements);
            }
            case VALUE_STRING -> parser.getString();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            // the parser checks the structure: an object or array always ends with its own end token
            default -> throw new IllegalStateException("unexpected " + token + " at " + position(parser));
        };
    }

    private static String position(JsonParser parser) {
        return "line " + parser.currentTokenLocation().getLineNr() + ", column "
                + parser.currentTokenLocation().getColumnNr();
    }

    /** The member {@code name} of this object, missing when it has none (or when this value is missing). */
    JsonTree path(String name) {
        String memberLocation = location + "/" + name;
        if (value == MISSING) {
            return new JsonTree(memberLocation, MISSING);
        }
        Map<String, Object> members = members();
        return new JsonTree(memberLocation, members.containsKey(name) ? members.get(name) : MISSING);
    }

    boolean has(String name) {
        return !path(name).isMissing();
    }

    boolean isMissing() {
        return value == MISSING;
    }

    boolean isArray() {
        return value instanceof List<?>;
    }

    /** The elements of this array, none when it is missing. */
    List<JsonTree> elements() {
        if (value == MISSING) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw wrongType("an array");
        }
        List<JsonTree> elements = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            elements.add(new JsonTree(location + "/" + i, list.get(i)));
        }
        return elements;
    }

    /** The members of this object in document order, none when it is missing. */
    Map<String, JsonTree> properties() {
        if (value == MISSING) {
            return Map.of();
        }
        Map<String, JsonTree> properties = new LinkedHashMap<>();
        members().forEach((name, member) -> properties.put(name, new JsonTree(location + "/" + name, member)));
        return properties;
    }

    /** This string, or {@code fallback} when this value is missing or null. */
    String asString(String fallback) {
        if (value == MISSING || value == null) {
            return fallback;
        }
        if (!(value instanceof String string)) {
            throw wrongType("a string");
        }
        return string;
    }

    /** This boolean, or {@code fallback} when this value is missing or null. */
    boolean asBoolean(boolean fallback) {
        if (value == MISSING || value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean bool)) {
            throw wrongType("a boolean");
        }
        return bool;
    }

    /** This number, or null when this value is missing or null. */
    Double asNumber() {
        if (value == MISSING || value == null) {
            return null;
        }
        if (!(value instanceof Number number)) {
            throw wrongType("a number");
        }
        return number.doubleValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> members() {
        if (!(value instanceof Map<?, ?>)) {
            throw wrongType("an object");
        }
        return (Map<String, Object>) value;
    }

    private SchemaLoadException wrongType(String expected) {
        return new SchemaLoadException(location + " must be " + expected + ", got " + describe(value));
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        return value instanceof String ? "\"" + value + "\"" : value.toString();
    }
}
