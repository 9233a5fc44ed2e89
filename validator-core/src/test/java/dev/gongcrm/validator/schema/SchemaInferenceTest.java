package dev.gongcrm.validator.schema;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.FileKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Gong field type inferred for each field a bundle's objects carry and nothing defines, from every value. */
class SchemaInferenceTest {

    @TempDir
    Path folder;

    private static BundleFile file(String name, FileKind kind, ObjectType type, String text) {
        return BundleFile.of(name, kind, type, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Field to "TYPE", "REFERENCE -> TO" or "PICKLIST [values]", per field of the deals. */
    private static Map<String, String> inferred(List<SchemaInference.InferredField> fields) {
        Map<String, String> types = new LinkedHashMap<>();
        for (SchemaInference.InferredField field : fields) {
            types.put(field.type() + "." + field.name(), field.fieldType()
                    + (field.referenceTo() == null ? "" : " -> " + field.referenceTo())
                    + (field.orderedValueList() == null ? "" : " " + field.orderedValueList()));
        }
        return types;
    }

    private static String deal(int i, String custom) {
        return "{\"objectId\": \"d-" + i + "\", \"modifiedDate\": \"2024-01-01T00:00:00Z\", \"name\": \"Deal\", " + custom
                + "}\n";
    }

    @Test
    void eachFieldGetsTheTypeItsEveryValueFits() throws Exception {
        StringBuilder deals = new StringBuilder();
        String[] labels = {"Hot", "Cold", "Hot", "Warm", "Cold", "Hot"};
        for (int i = 0; i < labels.length; i++) {
            deals.append(deal(i, "\"closed\": " + (i % 2 == 0) + ", \"signedOn\": \"2024-02-0" + (i + 1) + "\", "
                    + "\"lastCall\": \"2024-02-01T10:00:0" + i + "Z\", \"seats\": " + (i * 10) + ", \"winProbability\": "
                    + (i * 15) + ", \"expectedRevenue\": " + (i * 1000.5) + ", \"championEmail\": \"c" + i
                    + "@example.com\", \"website\": \"https://example.com/" + i + "\", \"hotline\": \"+1 415 555 010" + i
                    + "\", \"tags\": [\"a\", \"b\"], \"partner\": \"a-" + (i % 2) + "\", \"creator\": \"u-1\", "
                    + "\"label\": \"" + labels[i] + "\", \"notes\": \"free text " + i + "\", \"seatsText\": \"" + i + "\", "
                    + "\"flagText\": \"" + (i % 2 == 0 ? "TRUE" : "false") + "\", \"custom_field_1\": null, \"known\": 1"));
        }
        List<BundleFile> files = List.of(
                file("accounts.ldjson", FileKind.ENTITIES, ObjectType.ACCOUNT,
                        "{\"objectId\": \"a-0\"}\n{\"objectId\": \"a-1\"}\n"),
                file("users.ldjson", FileKind.ENTITIES, ObjectType.BUSINESS_USER, "{\"objectId\": \"u-1\"}\n"),
                file("deal.schema.json", FileKind.SCHEMA, ObjectType.DEAL,
                        "[{\"uniqueName\": \"known\", \"label\": \"Known\", \"type\": \"NUMBER\"}]"),
                file("deals.ldjson", FileKind.ENTITIES, ObjectType.DEAL, deals.toString() + "not json\n\n"));

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("DEAL.championEmail", "EMAILADDRESS");
        expected.put("DEAL.closed", "BOOLEAN");
        expected.put("DEAL.creator", "REFERENCE -> USER");
        expected.put("DEAL.custom_field_1", "STRING");
        expected.put("DEAL.expectedRevenue", "CURRENCY");
        expected.put("DEAL.flagText", "BOOLEAN");
        expected.put("DEAL.hotline", "PHONENUMBER");
        expected.put("DEAL.label", "PICKLIST [Hot, Cold, Warm]");
        expected.put("DEAL.lastCall", "DATETIME");
        expected.put("DEAL.notes", "STRING");
        expected.put("DEAL.partner", "REFERENCE -> ACCOUNT");
        expected.put("DEAL.seats", "NUMBER");
        expected.put("DEAL.seatsText", "NUMBER");
        expected.put("DEAL.signedOn", "DATE");
        expected.put("DEAL.tags", "STRINGARRAY");
        expected.put("DEAL.website", "URL");
        expected.put("DEAL.winProbability", "PERCENT");
        List<SchemaInference.InferredField> fields = SchemaInference.infer(files, "legacy");
        assertEquals(expected, inferred(fields));
        SchemaInference.InferredField empty = fields.stream().filter(f -> f.name().equals("custom_field_1")).findFirst()
                .orElseThrow();
        assertEquals("Custom field 1", empty.label());
        assertEquals(6, empty.nulls());
        assertEquals("Win probability", SchemaInference.label("winProbability"));
    }

    @Test
    void theFieldsAreAddedToTheSchemaFileWhoseOwnEntriesAreKept() throws Exception {
        Path schema = Files.writeString(folder.resolve("deal.schema.json"),
                "[{\"uniqueName\": \"label\", \"label\": \"Mine\", \"type\": \"STRING\"}]\n");
        List<SchemaInference.InferredField> fields = List.of(
                new SchemaInference.InferredField(ObjectType.DEAL, "zeta", "Zeta", "NUMBER", null, null, 1, 0, 1, List.of()),
                new SchemaInference.InferredField(ObjectType.DEAL, "label", "Label", "PICKLIST", null,
                        List.of("Hot", "Cold \"X\""), 4, 0, 2, List.of()),
                new SchemaInference.InferredField(ObjectType.DEAL, "alpha", "Alpha", "REFERENCE", "ACCOUNT", null, 1, 0, 1,
                        List.of()));
        Instant now = Instant.parse("2024-05-06T07:08:09.123Z");

        SchemaFileMerge.Merged kept = SchemaFileMerge.merge(schema, fields, false, now);
        assertEquals(List.of("zeta", "alpha"), kept.added());
        assertEquals(List.of("label"), kept.kept());
        assertEquals("""
                [{"uniqueName": "label", "label": "Mine", "type": "STRING"},
                 {"uniqueName": "alpha", "label": "Alpha", "type": "REFERENCE", "referenceTo": "ACCOUNT", "lastModified": "2024-05-06T07:08:09Z"},
                 {"uniqueName": "zeta", "label": "Zeta", "type": "NUMBER", "lastModified": "2024-05-06T07:08:09Z"}]
                """, Files.readString(schema));

        SchemaFileMerge.merge(schema, fields.subList(1, 2), true, now);
        assertTrue(Files.readString(schema).startsWith("[{\"uniqueName\": \"label\", \"label\": \"Label\", \"type\": "
                + "\"PICKLIST\", \"orderedValueList\": [\"Hot\", \"Cold \\\"X\\\"\"], \"lastModified\""), Files.readString(schema));

        Path broken = Files.writeString(folder.resolve("account.schema.json"), "{\"not\": \"an array\"}");
        assertEquals(broken + ": not a JSON array of field definitions; fix or move it, then infer again",
                assertThrows(java.io.IOException.class, () -> SchemaFileMerge.merge(broken, fields, false, now))
                        .getMessage());
    }
}
