package dev.gongcrm.client.verify;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueComparisonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static boolean same(String sent, String inGong) {
        return ValueComparison.same(json(sent), json(inGong));
    }

    @Test
    void numbersAreComparedByValue() {
        assertTrue(same("7000", "7000.0"));
        assertTrue(same("7000", "7e3"));
        assertTrue(same("0.1", "0.10"));
        assertTrue(same("12345678901234567890", "12345678901234567890"));
        assertFalse(same("12345678901234567891", "12345678901234567890"), "integers exactly, past a double's precision");
        assertFalse(same("7000", "7000.5"));
        assertFalse(same("7000", "\"7000\""), "a number is not its text");
    }

    @Test
    void stringsExactlyAndBooleansByValue() {
        assertTrue(same("\"Deal\"", "\"Deal\""));
        assertFalse(same("\"Deal\"", "\"deal\""));
        assertFalse(same("\"Deal\"", "\"Deal \""));
        assertTrue(same("\"\\u0044eal\"", "\"Deal\""), "the value, not how it was escaped");
        assertTrue(same("true", "true"));
        assertFalse(same("true", "false"));
        assertFalse(same("false", "\"false\""));
    }

    @Test
    void arraysInOrderAndObjectsByTheMembersSent() {
        assertTrue(same("[\"a.com\", \"b.com\"]", "[\"a.com\", \"b.com\"]"));
        assertFalse(same("[\"a.com\", \"b.com\"]", "[\"b.com\", \"a.com\"]"));
        assertFalse(same("[\"a.com\"]", "[\"a.com\", \"b.com\"]"));
        assertTrue(same("[1, 2.0]", "[1.0, 2]"));
        assertTrue(same("{\"a\": 1}", "{\"b\": 2, \"a\": 1.0}"));
        assertFalse(same("{\"a\": 1}", "{\"a\": 2}"));
    }

    @Test
    void nullAndAbsentAreTheSame() {
        assertTrue(same("null", "null"));
        assertTrue(ValueComparison.same(json("null"), null));
        assertTrue(ValueComparison.same(null, json("{}").path("missing")));
        assertFalse(ValueComparison.same(json("1"), null));
        assertFalse(same("null", "0"));
        assertFalse(same("null", "\"\""), "an empty string is a value");
    }

    @Test
    void theDifferencesAreTheFieldsSentThatGongHoldsOtherwise() {
        JsonNode sent = json("{\"objectId\": \"1\", \"name\": \"A\", \"amount\": 7000, \"custom\": null, "
                + "\"domains\": [\"a.com\"], \"url\": \"https://a.com\"}");
        JsonNode inGong = json("{\"objectId\": \"1\", \"name\": \"B\", \"amount\": 7000.0, \"domains\": [\"a.com\"], "
                + "\"addedByGong\": true}");

        List<ValueComparison.Difference> differences = ValueComparison.differences(sent, inGong, "objectId");

        assertEquals(List.of("name", "url"), differences.stream().map(ValueComparison.Difference::field).toList());
        assertEquals(json("\"A\""), differences.get(0).sent());
        assertEquals(json("\"B\""), differences.get(0).inGong());
        assertNull(differences.get(1).inGong(), "Gong has no url");
    }

    @Test
    void theIdIsNotCompared() {
        assertTrue(ValueComparison.differences(json("{\"objectId\": \"1\"}"), json("{\"objectId\": \"2\"}"), "objectId")
                .isEmpty());
    }
}
