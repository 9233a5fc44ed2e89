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

/**
 * A long value of a long line is left in the line instead of being copied out by the parser: the
 * rules see exactly what they see when it is copied (up to {@link FieldValue#MAX_TEXT_CHARS} characters),
 * and every problem of the line is reported the same.
 */
class LongValuesTest {

    /** What the reader hears, with every field's kind, text, emptiness and array items. */
    private static List<String> read(LdjsonReader reader, byte[] bytes, boolean needsEverything) throws IOException {
        List<String> events = new ArrayList<>();
        reader.read(new ByteArrayInputStream(bytes), new LdjsonReader.Listener() {
            @Override
            public void record(CrmRecord record) {
                StringBuilder fields = new StringBuilder("record " + record.line());
                for (int i = 0; i < record.size(); i++) {
                    FieldValue value = record.field(i);
                    fields.append(" | ").append(value.name()).append(' ').append(value.kind()).append(' ')
                            .append(value.isEmpty()).append(' ').append(value.text()).append(' ')
                            .append(value.strings()).append(' ').append(value.chars() == null ? null : value.chars().toString());
                }
                events.add(fields.toString());
            }

            @Override
            public void problem(LineProblem problem, int line, int column, String message) {
                events.add(problem + " " + line + ":" + column + " " + message);
            }

            @Override
            public boolean needsValue(String field) {
                return needsEverything || !field.startsWith("skip");
            }
        });
        return events;
    }

    private static byte[] lines(String... lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : lines) {
            out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        return out.toByteArray();
    }

    @Test
    void longValuesReadInPlaceAreWhatTheParserReads() throws IOException {
        String accents = "é".repeat(40_000);
        String escapes = "a\\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude00".repeat(8_000);
        byte[] bytes = lines(
                "{\"objectId\": \"a\", \"notes\": \"" + accents + "\", \"n\": 1, \"e\": \"\"}",
                "{\"objectId\": \"b\", \"notes\": \"" + escapes + "\", \"list\": [\"" + accents + "\", \"x\", 3]}",
                "{\"objectId\": \"c\", \"notes\": \"" + "z".repeat(70_000) + "\" \"missing colon\": 1}",
                "{\"objectId\": \"d\", \"notes\": \"" + "z".repeat(70_000) + "\u0001\"}",
                "{\"objectId\": \"e\", \"notes\": \"" + "z".repeat(70_000),
                "{\"objectId\": \"f\", \"notes\": \"" + "z".repeat(70_000) + "\\q\"}");
        List<String> copied = read(new LdjsonReader(), bytes, true);
        List<String> inPlace = read(new LdjsonReader(LdjsonReader.MAX_LINE_BYTES, 1000), bytes, true);
        assertEquals(copied, inPlace);
        assertTrue(copied.get(0).startsWith("record 1 | objectId STRING false a"), copied.get(0));
        assertEquals(6, copied.size(), copied.toString());
    }

    @Test
    void bytesThatAreNotUtf8InALongValueAreStillReported() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("{\"objectId\": \"a\", \"notes\": \"" + "z".repeat(70_000)).getBytes(StandardCharsets.UTF_8));
        out.write(0xE9);
        out.writeBytes(("z\"}\n{\"objectId\": \"b\"}\n").getBytes(StandardCharsets.UTF_8));
        List<String> copied = read(new LdjsonReader(), out.toByteArray(), true);
        assertTrue(copied.get(0).startsWith("INVALID_ENCODING 1:"), copied.get(0));
        assertEquals(copied, read(new LdjsonReader(LdjsonReader.MAX_LINE_BYTES, 1000), out.toByteArray(), true));
    }

    @Test
    void rulesSeeTheFirstCharactersOfAVeryLongValueAndMessagesQuoteItShort() throws IOException {
        String line = "{\"objectId\": \"a\", \"notes\": \"" + "é".repeat(FieldValue.MAX_TEXT_CHARS) + "xyz\"}\n";
        for (LdjsonReader reader : List.of(new LdjsonReader(), new LdjsonReader(LdjsonReader.MAX_LINE_BYTES, 1000))) {
            List<String> seen = new ArrayList<>();
            reader.read(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), new LdjsonReader.Listener() {
                @Override
                public void record(CrmRecord record) {
                    FieldValue notes = record.get("notes");
                    seen.add(notes.text().length() + " " + notes.chars().length() + " " + notes.isCut() + " "
                            + notes.isEmpty() + " " + notes.display().length());
                }

                @Override
                public void problem(LineProblem problem, int at, int column, String message) {
                    seen.add(problem + " " + message);
                }
            });
            assertEquals(1, seen.size(), seen.toString());
            String[] parts = seen.get(0).split(" ");
            assertEquals(List.of(String.valueOf(FieldValue.MAX_TEXT_CHARS), String.valueOf(FieldValue.MAX_TEXT_CHARS),
                    "true", "false"), List.of(parts).subList(0, 4));
            assertTrue(Integer.parseInt(parts[4]) < 300, seen.get(0));
        }
    }

    @Test
    void valuesNoRuleReadsAreSkippedInALongLine() throws IOException {
        byte[] bytes = lines("{\"objectId\": \"a\", \"skipNotes\": \"" + "z".repeat(70_000) + "\", \"skipList\": [\"a\"], "
                + "\"kept\": \"" + "y".repeat(70_000) + "\"}");
        String event = read(new LdjsonReader(LdjsonReader.MAX_LINE_BYTES, 1000), bytes, false).get(0);
        assertTrue(event.contains("| skipNotes STRING false null [] null | skipList ARRAY true null [] null | kept STRING false y"),
                event.substring(0, 300));
    }

    @Test
    void anArrayKeepsItsFirstHundredThousandItems() throws IOException {
        StringBuilder line = new StringBuilder("{\"objectId\": \"a\", \"domains\": [");
        for (int i = 0; i < LdjsonReader.MAX_ARRAY_ITEMS + 10; i++) {
            line.append(i == 0 ? "" : ",").append("\"d").append(i).append(".com\"");
        }
        line.append(", 5]}\n");
        List<String> seen = new ArrayList<>();
        new LdjsonReader().read(new ByteArrayInputStream(line.toString().getBytes(StandardCharsets.UTF_8)),
                new LdjsonReader.Listener() {
                    @Override
                    public void record(CrmRecord record) {
                        FieldValue domains = record.get("domains");
                        seen.add(domains.strings().size() + " " + domains.firstNonStringItem());
                    }

                    @Override
                    public void problem(LineProblem problem, int at, int column, String message) {
                        seen.add(problem + " " + message);
                    }
                });
        assertEquals(List.of(LdjsonReader.MAX_ARRAY_ITEMS + " INTEGER"), seen);
    }
}
