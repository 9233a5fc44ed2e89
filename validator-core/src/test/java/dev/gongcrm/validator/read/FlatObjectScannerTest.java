package dev.gongcrm.validator.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The flat scanner must read exactly what Jackson reads: every line below, and thousands of random
 * ones, are read by a reader with the scanner and by one without, and every field of every record
 * must come out the same.
 */
class FlatObjectScannerTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"objectId\": \"a-1\", \"amount\": 7000, \"isOpen\": true, \"notes\": null}",
            "{}", "{ }", "{\"a\":1}  ", "{\"a\":1}\t\r", "{\"a\":-0}", "{\"a\":-0.0}", "{\"a\":0.1}", "{\"a\":1e5}",
            "{\"a\":1E+5}", "{\"a\":1e-5}", "{\"a\":12345678901234567890}", "{\"a\":9007199254740993}",
            "{\"a\":0.30000000000000004}", "{\"a\":123456789012345.678}", "{\"a\":1.0000000000000000000000001}",
            "{\"a\":-9223372036854775808}", "{\"a\":1e400}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":+1}",
            "{\"a\":-}", "{\"a\":1e}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":tru}", "{\"a\":truex}",
            "{\"a\":nul}", "{\"a\":falsey}", "{\"a\":1,}", "{,}", "{\"a\"}", "{\"a\":}", "{\"a\" 1}", "{a:1}",
            "{'a':1}", "{\"a\":1} x", "{\"a\":1}{\"b\":2}", "{\"a\":1", "{\"a\":\"x", "{\"a\":\"x\\\"}",
            "{\"a\":\"Zoë Ünal 日本 😀\"}", "{\"a\":\"\\u00e9\\u0041\\uD83D\\uDE00\\uD800\"}",
            "{\"a\":[\"\\ud83d\\ude00\",\"\\ud800\\u0041\",\"\\udc00\"]}",
            "{\"a\":\"\\n\\t\\r\\b\\f\\/\\\\\\\"\"}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\u12G4\"}",
            "{\"a\":\"tab\there\"}", "{\"a\":\"del\u007f\"}", "{\"\":1}", "{\"é\":1}", "{\"a\\u0062\":1}",
            "{\"a\":1,\"a\":2}", "{\"a\":[1,2],\"a\":\"x\"}", "{\"a\":[]}", "{\"a\":[ ]}", "{\"a\":[\"x\",\"y\"]}",
            "{\"a\":[\"x\",1,true,null]}", "{\"a\":[1,\"x\"]}", "{\"a\":[[1]]}", "{\"a\":[{}]}", "{\"a\":[1,]}",
            "{\"a\":[\"x\"}", "{\"a\":{}}", "{\"a\":{\"b\":1}}", "{\"a\":[\"é\\n\"]}", "[1]", "\"text\"", "",
            "  {\"a\":1}", "{\"a\":1} // comment", "{\"a\":true,\"b\":false}"})
    void readsWhatJacksonReads(String line) throws IOException {
        assertSameAsJackson(line.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bytesThatAreNotWellFormedUtf8AreLeftToJackson() throws IOException {
        byte[][] strings = {{(byte) 0xC3}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xC3, (byte) 0x28},
                {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}, {0}, {0x1F}};
        for (byte[] inside : strings) {
            byte[] line = new byte[inside.length + 8];
            byte[] head = "{\"a\":\"".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(head, 0, line, 0, head.length);
            System.arraycopy(inside, 0, line, head.length, inside.length);
            line[head.length + inside.length] = '"';
            line[head.length + inside.length + 1] = '}';
            assertSameAsJackson(java.util.Arrays.copyOf(line, head.length + inside.length + 2));
        }
    }

    @Test
    void longNamesAndNumbersAreLeftToJacksonAndItsLimits() throws IOException {
        assertSameAsJackson(("{\"" + "n".repeat(60_000) + "\":1}").getBytes(StandardCharsets.UTF_8));
        assertSameAsJackson(("{\"a\":" + "1".repeat(1_200) + "}").getBytes(StandardCharsets.UTF_8));
        assertSameAsJackson(("{\"a\":\"" + "s".repeat(70_000) + "\",\"b\":[\"" + "t".repeat(70_000) + "\"]}")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void randomLinesReadTheSame() throws IOException {
        Random random = new Random(20261129);
        for (int file = 0; file < 200; file++) {
            java.io.ByteArrayOutputStream lines = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < 100; i++) {
                lines.writeBytes(randomLine(random));
                lines.write('\n');
            }
            assertSameAsJackson(lines.toByteArray());
        }
    }

    @Test
    void theRegressionInputsOfTheFuzzTestsReadTheSame() throws IOException {
        Path inputs = Path.of("src/test/resources/dev/gongcrm/validator/fuzz/EntityFileFuzzTestInputs");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(inputs)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertFalse(files.isEmpty(), "no regression inputs under " + inputs);
        for (Path file : files) {
            assertSameAsJackson(Files.readAllBytes(file));
        }
    }

    @Test
    void readsFlatLinesItselfAndLeavesNestedOnesToJackson() {
        FlatObjectScanner scanner = new FlatObjectScanner();
        byte[] flat = "{\"objectId\": \"a\", \"tags\": [\"x\"], \"n\": 1.5}".getBytes(StandardCharsets.UTF_8);
        byte[] nested = "{\"objectId\": \"a\", \"address\": {\"city\": \"Oslo\"}}".getBytes(StandardCharsets.UTF_8);
        assertTrue(scanner.scan(flat, 0, flat.length, 1, new CrmRecord()));
        assertFalse(scanner.scan(nested, 0, nested.length, 1, new CrmRecord()));
    }

    /** Escaped whole characters stay on the fast path; the escape of half a character goes to the reader that reports it. */
    @Test
    void readsEscapedWholeCharactersItselfAndLeavesHalfCharactersToJackson() {
        FlatObjectScanner scanner = new FlatObjectScanner();
        byte[] whole = "{\"name\": \"\\ud83d\\ude00\", \"tags\": [\"\\uD83D\\uDE00\"]}".getBytes(StandardCharsets.UTF_8);
        assertTrue(scanner.scan(whole, 0, whole.length, 1, new CrmRecord()));
        for (String half : new String[] {"\\ud800", "\\udc00", "\\ud800\\u0041", "\\ud800\\ud800", "x\\udbff"}) {
            byte[] line = ("{\"name\": \"" + half + "\"}").getBytes(StandardCharsets.UTF_8);
            assertFalse(scanner.scan(line, 0, line.length, 1, new CrmRecord()), half);
        }
    }

    /** Reads the bytes as an LDJSON file with and without the scanner and compares every event and field. */
    static void assertSameAsJackson(byte[] bytes) throws IOException {
        List<String> scanned = new ArrayList<>();
        new LdjsonReader().read(new ByteArrayInputStream(bytes), describer(scanned));
        List<String> parsed = new ArrayList<>();
        LdjsonReader.jacksonOnly().read(new ByteArrayInputStream(bytes), describer(parsed));
        assertEquals(parsed, scanned, () -> "line: " + new String(bytes, StandardCharsets.UTF_8));
    }

    private static LdjsonReader.Listener describer(List<String> events) {
        return new LdjsonReader.Listener() {
            @Override
            public void record(CrmRecord record) {
                StringBuilder text = new StringBuilder("record " + record.line() + " dup=" + record.duplicateKeys());
                for (int i = 0; i < record.size(); i++) {
                    FieldValue value = record.field(i);
                    text.append(" | ").append(value.name()).append(' ').append(value.kind()).append(" text=")
                            .append(value.text()).append(" cut=").append(value.isCut()).append(" number=")
                            .append(Double.doubleToRawLongBits(value.number())).append(" bool=").append(value.bool())
                            .append(" strings=").append(value.strings()).append(" first=")
                            .append(value.firstNonStringItem()).append(" empty=").append(value.isEmpty())
                            .append(" display=").append(value.display());
                }
                events.add(text.toString());
            }

            @Override
            public void problem(LineProblem problem, int line, int column, String message) {
                events.add(problem + " " + line + ":" + column + " " + message);
            }
        };
    }

    private static final String[] PIECES = {"{", "}", "[", "]", ",", ":", " ", "\"", "\\", "\\u00e9", "\\n", "0", "1",
            "-", ".", "e", "+", "true", "false", "null", "é", "日", "😀", "\t", "x", "objectId", "\"a\"", "\"b\":",
            "12.50", "-0", "1e3", "\"2024-01-02T03:04:05Z\""};

    /** A mostly well-formed flat line, sometimes with a piece inserted or removed where it breaks it. */
    private static byte[] randomLine(Random random) {
        StringBuilder line = new StringBuilder("{");
        int fields = random.nextInt(6);
        for (int f = 0; f < fields; f++) {
            if (f > 0) {
                line.append(random.nextInt(8) == 0 ? " , " : ",");
            }
            line.append('"').append(random.nextBoolean() ? "k" + random.nextInt(4) : "é" + f).append("\":");
            line.append(randomValue(random, 0));
        }
        line.append('}');
        if (random.nextInt(3) == 0) {
            int at = random.nextInt(line.length() + 1);
            if (random.nextBoolean() && at < line.length()) {
                line.deleteCharAt(at);
            } else {
                line.insert(at, PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String randomValue(Random random, int depth) {
        return switch (random.nextInt(depth > 1 ? 6 : 8)) {
            case 0 -> "\"" + PIECES[random.nextInt(PIECES.length)] + random.nextInt(100) + "\"";
            case 1 -> Integer.toString(random.nextInt() >> random.nextInt(31));
            case 2 -> Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
            case 3 -> random.nextBoolean() ? "true" : "false";
            case 4 -> "null";
            case 5 -> "\"" + "abc".repeat(random.nextInt(4)) + "\"";
            case 6 -> "[" + randomValue(random, depth + 1) + (random.nextBoolean() ? "," + randomValue(random, depth + 1) : "") + "]";
            default -> "{\"n\":" + randomValue(random, depth + 1) + "}";
        };
    }
}
