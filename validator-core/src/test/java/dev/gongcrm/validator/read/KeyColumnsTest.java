package dev.gongcrm.validator.read;

import dev.gongcrm.validator.config.BundleConfig;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The column of a key is found in work linear in the line, however many keys ask for one. */
class KeyColumnsTest {

    private static final int KEYS = 100_000;

    /** Parses one line and gives its record to {@code check} while the line is current. */
    private static void withRecord(String line, java.util.function.Consumer<CrmRecord> check) throws IOException {
        List<String> problems = new ArrayList<>();
        new LdjsonReader().read(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)),
                new LdjsonReader.Listener() {
                    @Override
                    public void record(CrmRecord record) {
                        check.accept(record);
                    }

                    @Override
                    public void problem(LineProblem problem, int at, int column, String message) {
                        problems.add(problem + " " + message);
                    }
                });
        assertEquals(List.of(), problems);
    }

    @Test
    void aHundredThousandKeysCostAFewPassesOverTheLineNotOnePassEach() throws IOException {
        StringBuilder line = new StringBuilder("{\"objectId\": \"a\"");
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            line.append(", ");
            expected.add(line.length() + 1);
            line.append("\"field").append(i).append("\": ").append(i);
        }
        line.append("}");
        int length = line.length();
        withRecord(line.toString(), record -> {
            assertEquals(KEYS + 1, record.size());
            for (int i = 0; i < KEYS; i++) {
                assertEquals(expected.get(i), record.columnOf("field" + i), "field" + i);
            }
            assertEquals(0, record.columnOf("absent"));
            assertTrue(record.columnBytesScanned() <= 2L * length, record.columnBytesScanned()
                    + " bytes scanned for the columns of a line of " + length + " bytes");
        });
    }

    @Test
    void aHundredThousandDuplicatesOfOneKeyToo() throws IOException {
        StringBuilder line = new StringBuilder("{\"a\": 0");
        List<Integer> expected = new ArrayList<>(List.of(2));
        for (int i = 1; i < KEYS; i++) {
            line.append(", ");
            expected.add(line.length() + 1);
            line.append("\"a\": ").append(i);
        }
        line.append("}");
        int length = line.length();
        withRecord(line.toString(), record -> {
            assertEquals(KEYS - 1, record.duplicateKeys().size());
            for (int i = 0; i < KEYS; i++) {
                assertEquals(expected.get(i), record.columnOf("a", i + 1), "occurrence " + (i + 1));
            }
            assertTrue(record.columnBytesScanned() <= 2L * length, record.columnBytesScanned()
                    + " bytes scanned for the columns of a line of " + length + " bytes");
        });
    }

    @Test
    void aDealWithAHundredThousandUnknownFieldsGetsEachFindingAtItsColumn() throws IOException {
        StringBuilder line = new StringBuilder("{\"objectId\": \"d1\", \"modifiedDate\": \"2024-01-01T00:00:00Z\"");
        for (int i = 0; i < KEYS; i++) {
            line.append(", \"field").append(i).append("\": ").append(i);
        }
        String text = line.append("}\n").toString();
        dev.gongcrm.validator.ValidationResult result = dev.gongcrm.validator.Validator.builder().build().validateFiles(
                List.of(dev.gongcrm.validator.bundle.BundleFile.of("deals.ldjson", dev.gongcrm.validator.bundle.FileKind.ENTITIES,
                        dev.gongcrm.validator.ObjectType.DEAL, text.getBytes(StandardCharsets.UTF_8))));
        List<dev.gongcrm.validator.Finding> unknown = result.findings().stream()
                .filter(f -> f.rule().equals("unknown-field")).toList();
        assertTrue(unknown.size() > dev.gongcrm.validator.config.BundleConfig.DEFAULT_MAX_FINDINGS - 100, "kept: " + unknown.size());
        assertTrue(result.total() >= KEYS, "every finding counted: " + result.total());
        for (dev.gongcrm.validator.Finding finding : unknown) {
            assertEquals(text.indexOf("\"" + finding.field().substring(1) + "\"") + 1, finding.column(), finding.field());
        }
    }

    @Test
    void onlyTopLevelKeysCountAndColumnsAreCharacters() throws IOException {
        String line = "{\"custom\": {\"name\": 1}, \"note\": \"\\\"name\\\": x\", \"ü\": [{\"name\": 2}], \"name\": \"Zoë\", "
                + "\"t\\u00e9l\": 1}";
        withRecord(line, record -> {
            assertEquals(line.indexOf("\"name\": \"Zo") + 1, record.columnOf("name"));
            assertEquals(line.indexOf("\"ü\"") + 1, record.columnOf("ü"));
            assertEquals(line.indexOf("\"t\\u00e9l\"") + 1, record.columnOf("tél"));
            assertEquals(0, record.columnOf("name", 2));
        });
    }
}
