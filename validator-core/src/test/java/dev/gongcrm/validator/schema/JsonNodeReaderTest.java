package dev.gongcrm.validator.schema;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader gives the tree a mapper's readTree gives: the same nodes, of the same classes, in the same order. */
class JsonNodeReaderTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void readsWhatTheMapperReads() throws IOException {
        List<String> documents = new ArrayList<>(List.of("{}", "[]", "\"\"", "0", "null", "true",
                "[0, -1, 2147483647, 2147483648, -2147483649, 9223372036854775807, 9223372036854775808, "
                        + "-9223372036854775809, 123456789012345678901234567890]",
                "[0.0, -0.0, 1.5, 1e3, 1E-7, 2.5e400, 0.1000000000000000055511151231257827, 12345678901234567890.5]",
                "{\"a\": 1, \"b\": {\"a\": [1, {\"c\": null}]}, \"a\": \"again\"}",
                "{\"\\u00e9t\\u00e9\": \"\\ud83d\\ude00 caf\u00e9\", \"tab\\t\": \"line\\nend\", \"\": \"\"}",
                "[[[]], [{}], [\"x\", 1, false, null]]"));
        for (Path folder : List.of(Path.of("..", "examples"), Path.of("..", "schemas", "legacy"),
                Path.of("..", "schemas", "current"))) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(path -> path.toString().endsWith(".json")).toList()) {
                    documents.add(Files.readString(file));
                }
            }
        }
        assertTrue(documents.size() > 30, "the examples' and profiles' JSON files were found");
        for (String document : documents) {
            JsonNode expected = MAPPER.readTree(document);
            assertSame(expected, JsonNodeReader.read(document.getBytes(StandardCharsets.UTF_8)), document);
            assertSame(expected, JsonNodeReader.read(document), document);
        }
    }

    /** Content after the value, or a broken document, is an error for both, not a tree of what came first. */
    @Test
    void refusesWhatTheMapperRefuses() {
        for (String document : List.of("[1] [2]", "[1] x", "[1]]", "{\"a\": 1} {}", "[1", "{\"a\" 1}", "[1,]")) {
            assertThrows(JacksonException.class, () -> MAPPER.readTree(document), document);
            assertThrows(JacksonException.class, () -> JsonNodeReader.read(document), document);
            assertThrows(JacksonException.class,
                    () -> JsonNodeReader.read(document.getBytes(StandardCharsets.UTF_8)), document);
        }
    }

    /** Equal, and every node of the same class: an IntNode is not equal to a LongNode of the same value. */
    private static void assertSame(JsonNode expected, JsonNode actual, String document) {
        assertEquals(expected, actual, document);
        assertEquals(expected.getClass(), actual.getClass(), document);
        assertEquals(expected.toString(), actual.toString(), document);
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> actualMembers = actual.properties().iterator();
            for (Map.Entry<String, JsonNode> member : expected.properties()) {
                Map.Entry<String, JsonNode> other = actualMembers.next();
                assertEquals(member.getKey(), other.getKey(), document);
                assertSame(member.getValue(), other.getValue(), document);
            }
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                assertSame(expected.get(i), actual.get(i), document);
            }
        }
    }
}
