package dev.gongcrm.validator.schema;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTreeTest {

    private static JsonTree read(String json) {
        return JsonTree.read(json.getBytes(StandardCharsets.UTF_8), "test.json");
    }

    private static String refusal(String json) {
        return assertThrows(SchemaLoadException.class, () -> read(json)).getMessage();
    }

    @Test
    void readsMembersInDocumentOrderAndEveryScalar() {
        JsonTree tree = read("{\"z\": \"text\", \"a\": [1, 2.5, true, false, null], \"m\": {\"deep\": -3}}");

        assertEquals(List.of("z", "a", "m"), List.copyOf(tree.properties().keySet()));
        assertEquals("text", tree.path("z").asString(null));
        List<JsonTree> elements = tree.path("a").elements();
        assertEquals(1.0, elements.get(0).asNumber());
        assertEquals(2.5, elements.get(1).asNumber());
        assertTrue(elements.get(2).asBoolean(false));
        assertFalse(elements.get(3).asBoolean(true));
        assertNull(elements.get(4).asString(null));
        assertEquals(-3.0, tree.path("m").path("deep").asNumber());
    }

    @Test
    void aMissingMemberIsNotANullOne() {
        JsonTree tree = read("{\"nothing\": null}");

        assertTrue(tree.has("nothing"));
        assertFalse(tree.has("absent"));
        assertEquals("fallback", tree.path("absent").path("deeper").asString("fallback"));
        assertTrue(tree.path("absent").elements().isEmpty());
        assertTrue(tree.path("absent").properties().isEmpty());
        assertNull(tree.path("absent").asNumber());
    }

    @Test
    void refusesAValueOfTheWrongTypeByItsLocation() {
        JsonTree tree = read("{\"properties\": {\"amount\": {\"minimum\": \"0\", \"enum\": {}}}}");
        JsonTree amount = tree.path("properties").path("amount");

        assertEquals("test.json#/properties/amount/minimum must be a number, got \"0\"",
                assertThrows(SchemaLoadException.class, () -> amount.path("minimum").asNumber()).getMessage());
        assertEquals("test.json#/properties/amount/enum must be an array, got an object",
                assertThrows(SchemaLoadException.class, () -> amount.path("enum").elements()).getMessage());
        assertEquals("test.json#/properties/amount/minimum must be an object, got \"0\"",
                assertThrows(SchemaLoadException.class, () -> amount.path("minimum").path("x")).getMessage());
    }

    @Test
    void refusesInvalidJsonWithWhereItBroke() {
        String message = refusal("{\n  \"type\": \"string\",\n  \"format\" \"date\"\n}");

        assertTrue(message.startsWith("test.json: invalid JSON at line 3, column 12: "), message);
    }

    @Test
    void refusesATruncatedDocument() {
        assertTrue(refusal("{\"required\": [\"a\"").startsWith("test.json: invalid JSON at line 1"));
    }

    @Test
    void refusesADuplicateMember() {
        String message = refusal("{\"type\": \"string\", \"type\": \"number\"}");

        assertTrue(message.startsWith("test.json: invalid JSON at line 1") && message.contains("type"), message);
    }

    @Test
    void refusesAnEmptyDocumentAndContentAfterTheValue() {
        assertEquals("test.json: no JSON value (the document is empty)", refusal("  \n"));
        assertEquals("test.json: content after the JSON value at line 1, column 4", refusal("{} {}"));
    }
}
