package dev.gongcrm.client.push;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The value hash a sync compares: key order and whitespace do not count, every value does. */
class ObjectLineTest {

    private static ObjectLine read(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return ObjectLine.read(bytes, 0, bytes.length, "objectId", Set.of("name", "tags"));
    }

    private static long hash(String line) {
        return read(line).valueHash();
    }

    @Test
    void keyOrderAndWhitespaceDoNotCount() {
        long hash = hash("{\"objectId\": \"a1\", \"name\": \"Acme\", \"tags\": [1, 2], \"nested\": {\"x\": 1, \"y\": 2}}");
        assertEquals(hash, hash("{\"nested\":{\"y\":2,\"x\":1},\"tags\":[1,2],\"name\":\"Acme\",\"objectId\":\"a1\"}"));
        assertEquals(hash, hash("  {\"objectId\":\t\"a1\" , \"name\" : \"Acme\", \"tags\": [ 1 , 2 ], "
                + "\"nested\": { \"x\": 1, \"y\": 2 } }\r\n"));
    }

    @Test
    void everyValueCounts() {
        long hash = hash("{\"objectId\": \"a1\", \"name\": \"Acme\", \"tags\": [1, 2], \"open\": true}");
        assertNotEquals(hash, hash("{\"objectId\": \"a1\", \"name\": \"Acme \", \"tags\": [1, 2], \"open\": true}"));
        assertNotEquals(hash, hash("{\"objectId\": \"a1\", \"name\": \"Acme\", \"tags\": [2, 1], \"open\": true}"));
        assertNotEquals(hash, hash("{\"objectId\": \"a1\", \"name\": \"Acme\", \"tags\": [1, 2], \"open\": false}"));
        assertNotEquals(hash, hash("{\"objectId\": \"a1\", \"name\": \"Acme\", \"tags\": [1, 2]}"));
        assertNotEquals(hash, hash("{\"objectId\": \"a1\", \"name\": \"Acme\", \"tags\": [1, 2], \"open\": true, "
                + "\"extra\": null}"));
        assertNotEquals(hash("{\"a\": 1, \"b\": 2}"), hash("{\"a\": 2, \"b\": 1}"), "values swapped between keys");
        assertNotEquals(hash("{\"a\": \"1\"}"), hash("{\"a\": 1}"), "a string is not a number");
        assertNotEquals(hash("{\"a\": [[1], 2]}"), hash("{\"a\": [1, [2]]}"));
    }

    @Test
    void theIdAndKeptMembersAreRead() {
        ObjectLine line = read("{\"objectId\": \"d\\u00e9al-1\", \"name\": \"Acme \\\"Labs\\\"\", \"tags\": [\"x\"], "
                + "\"other\": 1}");
        assertEquals("déal-1", line.id());
        assertEquals("Acme \"Labs\"", line.string("name"));
        assertEquals("[\"x\"]", line.raw("tags"));
        assertNull(line.string("tags"), "not a string");
        assertNull(line.raw("other"), "not asked for");
        assertNull(read("{\"objectId\": 42}").id(), "an id that is not a string is no id");
        assertNull(read("{\"nested\": {\"objectId\": \"inner\"}}").id(), "only the top level names the object");
    }

    @Test
    void whatIsNotOneObjectIsNull() {
        for (String bad : new String[] {"", "[1]", "{\"a\": 1", "{\"a\": 1}}", "{\"a\" 1}", "{\"a\": tru}", "\"x\"",
                "{\"a\": [1,}", "{\"a\": \"unterminated}", "{a: 1}", "{\"a\": 1} {\"b\": 2}"}) {
            assertNull(read(bad), bad);
        }
    }

    private static long lineHash(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return ObjectLine.lineHash(bytes, 0, bytes.length);
    }

    @Test
    void theLineHashIsOfTheBytesButTheLineEnd() {
        long hash = lineHash("{\"objectId\": \"a1\", \"name\": \"Acme\"}");
        assertEquals(hash, lineHash("{\"objectId\": \"a1\", \"name\": \"Acme\"}\n"));
        assertEquals(hash, lineHash("{\"objectId\": \"a1\", \"name\": \"Acme\"}\r\n"));
        assertNotEquals(hash, lineHash("{\"objectId\":\"a1\", \"name\": \"Acme\"}"), "a space less is other bytes");
        assertNotEquals(hash, lineHash("{\"name\": \"Acme\", \"objectId\": \"a1\"}"));
        assertNotEquals(hash, hash("{\"objectId\": \"a1\", \"name\": \"Acme\"}"), "not the value hash");
    }

    /** The id {@link ObjectLine#leadingId} finds, or null. */
    private static String leadingId(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        long span = ObjectLine.leadingId(bytes, 0, bytes.length);
        if (span < 0) {
            return null;
        }
        int from = (int) (span >>> 32);
        int to = (int) span;
        assertEquals(ObjectLine.fingerprint(new String(bytes, from, to - from, StandardCharsets.UTF_8)),
                ObjectLine.fingerprint(bytes, from, to), "the fingerprint of the bytes is the id's");
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    @Test
    void anIdThatOpensTheLineIsFoundWithoutReadingTheRest() {
        assertEquals("déal-1", leadingId("{\"objectId\": \"déal-1\", \"name\": not json at all"));
        assertEquals("a1", leadingId(" \t{ \"objectId\" :\"a1\"}"));
        assertEquals("", leadingId("{\"objectId\": \"\"}"));
        assertNull(leadingId("{\"name\": \"Acme\", \"objectId\": \"a1\"}"), "not first: the line is read");
        assertNull(leadingId("{\"objectId\": \"a\\\"1\"}"), "escaped: the line is read");
        assertNull(leadingId("{\"objectId\": 42}"));
        assertNull(leadingId("{\"objectIds\": \"a1\"}"));
        assertNull(leadingId("{\"objectId\": \"a1"), "unterminated");
        assertNull(leadingId("[\"objectId\", \"a1\"]"));
        assertNull(leadingId("{\"objectId"));
        assertNull(leadingId(""));
    }
}
