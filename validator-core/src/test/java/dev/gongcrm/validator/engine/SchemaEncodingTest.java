package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.Bundles;
import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.FileKind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A schema file gets invalid-encoding for exactly what an entity file gets it for. */
class SchemaEncodingTest {

    private static final String SCHEMA = "[{\"uniqueName\": \"tier\", \"label\": \"Tier\", \"type\": \"STRING\"}]\n";
    private static final String DEALS = "{\"objectId\": \"d1\", \"modifiedDate\": \"2024-01-01T00:00:00Z\", \"tier\": \"gold\"}\n";

    private static byte[] bytes(String bom, String text, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom.getBytes(charset));
        out.writeBytes(text.getBytes(charset));
        return out.toByteArray();
    }

    /** "rule line:column message" of each finding about the schema file, and whether the deals' field was known. */
    private static List<String> schemaFindings(byte[] schema) throws IOException {
        ValidationResult result = Validator.builder().build().validateFiles(List.of(
                BundleFile.of("deal.schema.json", FileKind.SCHEMA, ObjectType.DEAL, schema),
                BundleFile.of("deals.ldjson", FileKind.ENTITIES, ObjectType.DEAL, DEALS.getBytes(StandardCharsets.UTF_8))));
        return result.findings().stream()
                .filter(f -> f.file().equals("deal.schema.json") || f.rule().equals("unknown-field"))
                .map(SchemaEncodingTest::describe).toList();
    }

    private static String describe(Finding f) {
        return f.rule() + " " + f.file() + " " + f.line() + ":" + f.column() + " " + f.message();
    }

    /** The message the entity reader gives for the same bytes. */
    private static String entityMessage(byte[] content) {
        ValidationResult result;
        try {
            result = Validator.builder().build().validateFiles(List.of(
                    BundleFile.of("deals.ldjson", FileKind.ENTITIES, ObjectType.DEAL, content)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return result.findings().stream().filter(f -> f.rule().equals("invalid-encoding")).findFirst()
                .map(Finding::message).orElse("no invalid-encoding for the entity file");
    }

    @Test
    void utf16WithAByteOrderMark() throws IOException {
        for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] schema = bytes("\uFEFF", SCHEMA, charset);
            List<String> findings = schemaFindings(schema);
            assertEquals("invalid-encoding deal.schema.json 1:1 " + entityMessage(bytes("\uFEFF", DEALS, charset)),
                    findings.get(0), charset.name());
            assertEquals("invalid-encoding deal.schema.json 1:1 "
                    + "file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8", findings.get(0));
            assertEquals(1, findings.stream().filter(f -> f.startsWith("invalid-encoding")).count(), findings.toString());
        }
    }

    @Test
    void utf16WithoutAByteOrderMark() throws IOException {
        for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            List<String> findings = schemaFindings(bytes("", SCHEMA, charset));
            assertEquals("invalid-encoding deal.schema.json 1:1 "
                    + "file is UTF-16 (every other byte is NUL); save it as UTF-8", findings.get(0), charset.name());
            assertEquals(entityMessage(bytes("", DEALS, charset)), findings.get(0).substring(
                    "invalid-encoding deal.schema.json 1:1 ".length()));
        }
    }

    @Test
    void aUtf8ByteOrderMarkIsReportedAndTheDefinitionsStillCount() throws IOException {
        assertEquals(List.of("invalid-encoding deal.schema.json 1:1 "
                        + "file starts with a UTF-8 byte order mark (BOM); save it as UTF-8 without BOM"),
                schemaFindings(bytes("\uFEFF", SCHEMA, StandardCharsets.UTF_8)));
    }

    @Test
    void aSchemaFileThatIsOnlyAByteOrderMarkIsEmpty() throws IOException {
        List<String> findings = schemaFindings(bytes("\uFEFF", "", StandardCharsets.UTF_8));
        assertEquals(List.of("empty-file deal.schema.json 0:0 "
                        + "schema file is empty; it must hold the JSON array of field definitions",
                "invalid-encoding deal.schema.json 1:1 "
                        + "file starts with a UTF-8 byte order mark (BOM); save it as UTF-8 without BOM"),
                findings.subList(0, 2));
    }

    @Test
    void aBinarySchemaFile() throws IOException {
        byte[] binary = {'[', 0, 1, 2, (byte) 0xFF, ']'};
        assertEquals("invalid-encoding deal.schema.json 1:1 "
                + "file is binary (it contains NUL bytes), not JSON text; check that this is the export you meant",
                schemaFindings(binary).get(0));
    }

    @Test
    void utf8WithoutBomIsFine() throws IOException {
        assertEquals(List.of(), schemaFindings(SCHEMA.getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, Bundles.findings("--- deals.ldjson\n" + DEALS, "invalid-encoding").size());
    }

    /** Half a character in a label, or in a key (which Jackson refuses): one invalid-encoding at the escape. */
    @Test
    void theEscapeOfHalfACharacter() throws IOException {
        List<String> inValue = schemaFindings(bytes("", "[{\"uniqueName\": \"tier\", \"label\": \"Tier \\ud800\",\n"
                + "  \"type\": \"STRING\"}]\n", StandardCharsets.UTF_8));
        assertEquals(List.of("invalid-encoding deal.schema.json 1:40 a string holds \\ud800, half of a character (a high "
                + "surrogate without the low one after it): UTF-8, which Gong stores, cannot encode it; write the whole "
                + "character (its two escapes, e.g. \\ud83d\\ude00, or the character itself) or remove the escape"),
                inValue, "the tier field is still defined: no unknown-field for the deals");
        List<String> inKey = schemaFindings(bytes("", "[{\"uniqueName\": \"tier\", \"label\": \"Tier\",\n"
                + "  \"\\udc00\": 1, \"type\": \"STRING\"}]\n", StandardCharsets.UTF_8));
        assertEquals("invalid-encoding deal.schema.json 2:4 a string holds \\udc00", inKey.get(0).substring(0,
                "invalid-encoding deal.schema.json 2:4 a string holds \\udc00".length()), inKey.toString());
        assertEquals(1, inKey.stream().filter(f -> f.contains("surrogate")).count(), inKey.toString());
    }
}
