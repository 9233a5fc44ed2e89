package dev.gongcrm.validator.read;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LdjsonReaderTest {

    private static final String GOOD = "{\"objectId\": \"a\"}";

    /** What the reader reported, one string per event: "record 3" or "INVALID_JSON 2:5 message". */
    private static List<String> read(byte[] bytes) throws IOException {
        return read(new LdjsonReader(), bytes);
    }

    private static List<String> read(LdjsonReader reader, byte[] bytes) throws IOException {
        List<String> events = new ArrayList<>();
        reader.read(new ByteArrayInputStream(bytes), recorder(events, record -> ""));
        return events;
    }

    private static List<String> read(String text, java.util.function.Function<CrmRecord, String> details)
            throws IOException {
        List<String> events = new ArrayList<>();
        new LdjsonReader().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                recorder(events, details));
        return events;
    }

    /** A listener that writes down each event: "record LINE..." or "PROBLEM LINE:COLUMN message". */
    private static LdjsonReader.Listener recorder(List<String> events,
                                                  java.util.function.Function<CrmRecord, String> details) {
        return new LdjsonReader.Listener() {
            @Override
            public void record(CrmRecord record) {
                events.add("record " + record.line() + details.apply(record));
            }

            @Override
            public void problem(LineProblem problem, int line, int column, String message) {
                events.add(problem + " " + line + ":" + column + " " + message);
            }
        };
    }

    private static List<String> read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reportsCommentsAndStillChecksTheObjectBeforeThem() throws IOException {
        List<String> events = read(GOOD + " // a note\n" + GOOD + "\n");
        assertTrue(events.get(0).startsWith("INVALID_JSON 1:19 comments are not allowed"), events.get(0));
        assertEquals(List.of("record 1", "record 2"), events.subList(1, 3));
    }

    @Test
    void reportsATrailingCommaAndGoesOnWithTheNextLine() throws IOException {
        List<String> events = read("{\"objectId\": \"a\",}\n" + GOOD + "\n");
        assertTrue(events.get(0).startsWith("INVALID_JSON 1:18 trailing comma"), events.get(0));
        assertEquals("record 2", events.get(1));
    }

    @Test
    void reportsNaN() throws IOException {
        List<String> events = read("{\"amount\": NaN}\n");
        assertTrue(events.get(0).startsWith("INVALID_JSON 1:") && events.get(0).contains("NaN"), events.get(0));
    }

    @Test
    void keepsTheFirstOfDuplicateKeysAndRemembersTheDuplicate() throws IOException {
        assertEquals(List.of("record 1 [a] 1 10"), read("{\"a\": 1, \"a\": 2}\n",
                record -> " " + record.duplicateKeys() + " " + record.get("a").text() + " " + record.columnOf("a", 2)));
    }

    @Test
    void readsHugeNumbersAsInfinityForTheRangeRule() throws IOException {
        assertEquals(List.of("record 1 Infinity"), read("{\"amount\": 1e400}\n",
                record -> " " + record.get("amount").number()));
    }

    @Test
    void reportsBytesThatAreNotUtf8AndGoesOn() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("{\"name\": \"caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9);
        bytes.write("\"}\n".getBytes(StandardCharsets.UTF_8));
        bytes.write((GOOD + "\n").getBytes(StandardCharsets.UTF_8));
        List<String> events = read(bytes.toByteArray());
        assertTrue(events.get(0).startsWith("INVALID_ENCODING 1:"), events.get(0));
        assertEquals("record 2", events.get(1));
    }

    @Test
    void reportsAByteOrderMarkAndReadsTheLineAfterIt() throws IOException {
        List<String> events = read("\uFEFF" + GOOD + "\n");
        assertTrue(events.get(0).startsWith("INVALID_ENCODING 1:1 file starts with a UTF-8 byte order mark"));
        assertEquals("record 1", events.get(1));
    }

    @Test
    void acceptsCrlfLineEndsAndAMissingLastNewline() throws IOException {
        assertEquals(List.of("record 1", "record 2"), read(GOOD + "\r\n" + GOOD));
    }

    @Test
    void reportsBlankLinesWithTheirNumbers() throws IOException {
        List<String> events = read(GOOD + "\n\n   \n" + GOOD + "\n");
        assertEquals("record 1", events.get(0));
        assertTrue(events.get(1).startsWith("BLANK_LINE 2:1"));
        assertTrue(events.get(2).startsWith("BLANK_LINE 3:1"));
        assertEquals("record 4", events.get(3));
    }

    @Test
    void reportsAnEmptyFile() throws IOException {
        List<String> events = read(new byte[0]);
        assertEquals(1, events.size());
        assertTrue(events.get(0).startsWith("EMPTY_FILE 0:0"));
    }

    @Test
    void reportsABinaryFileOnceInsteadOfLineByLine() throws IOException {
        byte[] binary = new byte[100_000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        List<String> events = read(binary);
        assertEquals(1, events.size());
        assertTrue(events.get(0).startsWith("INVALID_ENCODING 1:1 file is binary"), events.get(0));
    }

    @Test
    void reportsUtf16() throws IOException {
        byte[] utf16 = ("\uFEFF" + GOOD).getBytes(StandardCharsets.UTF_16LE);
        assertTrue(read(utf16).get(0).startsWith("INVALID_ENCODING 1:1 file is UTF-16"));
    }

    @Test
    void readsATenMegabyteLine() throws IOException {
        String big = "x".repeat(10 * 1024 * 1024);
        List<String> events = read(GOOD + "\n{\"objectId\": \"b\", \"notes\": \"" + big + "\"}\n" + GOOD + "\n");
        assertEquals(List.of("record 1", "record 2", "record 3"), events);
    }

    @Test
    void skipsALineOverTheLimitAndReadsTheNext() throws IOException {
        LdjsonReader reader = new LdjsonReader(1024 * 1024);
        String big = "{\"notes\": \"" + "y".repeat(3 * 1024 * 1024) + "\"}";
        List<String> events = read(reader, (GOOD + "\n" + big + "\n" + GOOD + "\n").getBytes(StandardCharsets.UTF_8));
        assertEquals("record 1", events.get(0));
        assertTrue(events.get(1).startsWith("INVALID_JSON 2:1 line is longer than 1 MiB"), events.get(1));
        assertEquals("record 3", events.get(2));
    }

    @Test
    void reportsDeepNestingWithoutOverflowingTheStack() throws IOException {
        String deep = "{\"a\": " + "[".repeat(20_000) + "]".repeat(20_000) + "}";
        List<String> events = read(deep + "\n" + GOOD + "\n");
        assertTrue(events.get(0).startsWith("INVALID_JSON 1:") && events.get(0).contains("nesting"), events.get(0));
        assertEquals("record 2", events.get(1));
    }

    @Test
    void reportsLinesThatAreNotObjects() throws IOException {
        List<String> events = read("[" + GOOD + "]\n\"text\"\n" + GOOD + "\n");
        assertTrue(events.get(0).startsWith("NOT_AN_OBJECT 1:1 line is an array"));
        assertTrue(events.get(1).startsWith("NOT_AN_OBJECT 2:1 line is a string"));
        assertEquals("record 3", events.get(2));
    }

    @Test
    void reportsAnObjectSplitOverTwoLinesAtItsFirstLine() throws IOException {
        List<String> events = read("{\"objectId\":\n\"a\"}\n" + GOOD + "\n");
        assertTrue(events.get(0).startsWith("INVALID_JSON 1:") && events.get(0).contains("ends before"), events.get(0));
        assertTrue(events.get(1).startsWith("NOT_AN_OBJECT 2:") || events.get(1).startsWith("INVALID_JSON 2:"));
        assertEquals("record 3", events.get(2));
    }

    @Test
    void columnsCountCharactersNotBytes() throws IOException {
        assertEquals(List.of("record 1 22"), read("{\"name\": \"Zoë Ünal\", \"stage\": 1}\n",
                record -> " " + record.columnOf("stage")));
    }

    /** The escape of half a character, at the escape, naming the field; the object is still checked. */
    @Test
    void reportsTheEscapeOfHalfACharacterInAValue() throws IOException {
        List<String> events = read("{\"objectId\": \"a\", \"name\": \"Caf\\u00e9 \\ud800\"}\n"
                + "{\"objectId\": \"b\", \"domains\": [\"x.com\", \"\\udc00y.com\"]}\n"
                + "{\"objectId\": \"c\", \"name\": \"\\ud800\\u0041\"}\n"
                + "{\"objectId\": \"d\", \"o\": {\"p\": [\"\\udbff\"]}}\n");
        assertEquals(List.of(
                "INVALID_ENCODING 1:38 field 'name' holds \\ud800, half of a character (a high surrogate without the "
                        + "low one after it): UTF-8, which Gong stores, cannot encode it; write the whole character "
                        + "(its two escapes, e.g. \\ud83d\\ude00, or the character itself) or remove the escape",
                "record 1"), events.subList(0, 2));
        assertTrue(events.get(2).startsWith("INVALID_ENCODING 2:41 field 'domains' holds \\udc00, half of a character "
                + "(a low surrogate without the high one before it)"), events.get(2));
        assertTrue(events.get(4).startsWith("INVALID_ENCODING 3:28 field 'name' holds \\ud800"), events.get(4));
        assertTrue(events.get(6).startsWith("INVALID_ENCODING 4:32 field 'o' holds \\udbff"), events.get(6));
        assertEquals(List.of("record 2", "record 3", "record 4"), List.of(events.get(3), events.get(5), events.get(7)));
    }

    @Test
    void reportsTheEscapeOfHalfACharacterInAKeyAsEncodingNotSyntax() throws IOException {
        List<String> events = read("{\"objectId\": \"a\", \"n\\ud800x\": 1}\n{\"\\udc00\": 1}\n" + GOOD + "\n");
        assertTrue(events.get(0).startsWith("INVALID_ENCODING 1:21 a key holds \\ud800, half of a character"),
                events.get(0));
        assertTrue(events.get(1).startsWith("INVALID_ENCODING 2:3 a key holds \\udc00"), events.get(1));
        assertEquals("record 3", events.get(2));
    }

    @Test
    void wholeCharactersAndEscapedBackslashesAreNotHalfCharacters() throws IOException {
        assertEquals(List.of("record 1", "record 2", "record 3"), read("{\"name\": \"\\ud83d\\ude00 \\uD83D\\uDE00\"}\n"
                + "{\"name\": \"\\\\ud800 is how JSON writes half a character\"}\n{\"\\ud83d\\ude00\": [\"\\ud83d\\ude00\"]}\n"));
    }

    @Test
    void findsTheEscapeOfHalfACharacterInALongLineValueLeftInPlace() throws IOException {
        String longValue = "x".repeat(100_000) + "\\udfff";
        List<String> events = read(new LdjsonReader(1 << 20, 1024), ("{\"objectId\": \"a\", \"notes\": \"" + longValue
                + "\"}\n").getBytes(StandardCharsets.UTF_8));
        assertTrue(events.get(0).startsWith("INVALID_ENCODING 1:100029 field 'notes' holds \\udfff"), events.get(0));
        assertEquals("record 1", events.get(1));
    }
}
