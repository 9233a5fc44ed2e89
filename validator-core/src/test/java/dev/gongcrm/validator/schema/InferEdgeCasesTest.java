package dev.gongcrm.validator.schema;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.FileKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** schema infer at the edges a hostile review tried: no type guessed from a part of a name or from shared ids, no crash. */
class InferEdgeCasesTest {

    @TempDir
    Path folder;

    private static BundleFile file(String name, FileKind kind, ObjectType type, String text) {
        return BundleFile.of(name, kind, type, text.getBytes(StandardCharsets.UTF_8));
    }

    private static SchemaInference.InferredField only(List<SchemaInference.InferredField> fields, String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    /** Ids that accounts and contacts both have: the field is said REFERENCE -> ACCOUNT, the first type tried. */
    @Test
    void aFieldWhoseIdsTwoTypesHaveIsNoReferenceToTheFirstOfThem() throws Exception {
        List<BundleFile> files = List.of(
                file("accounts.ldjson", FileKind.ENTITIES, ObjectType.ACCOUNT,
                        "{\"objectId\": \"1-a\"}\n{\"objectId\": \"2-a\"}\n"),
                file("contacts.ldjson", FileKind.ENTITIES, ObjectType.CONTACT,
                        "{\"objectId\": \"1-a\"}\n{\"objectId\": \"2-a\"}\n{\"objectId\": \"3-a\"}\n"),
                file("deals.ldjson", FileKind.ENTITIES, ObjectType.DEAL,
                        "{\"objectId\": \"d-1\", \"champion\": \"1-a\"}\n{\"objectId\": \"d-2\", \"champion\": \"2-a\"}\n"));
        SchemaInference.InferredField champion = only(SchemaInference.infer(files, "legacy"), "champion");
        // the values are ids of contacts as much as of accounts: the one type is not told
        assertNotEquals("ACCOUNT", champion.referenceTo(), champion.toString());
    }

    /** Names are matched by substring: feedbackScore ("fee") is CURRENCY, generatedLeads ("rate") PERCENT. */
    @Test
    void aNumberIsCurrencyOrPercentByAWordOfItsNameNotByLettersInsideAWord() throws Exception {
        List<BundleFile> files = List.of(file("deals.ldjson", FileKind.ENTITIES, ObjectType.DEAL,
                "{\"objectId\": \"d-1\", \"feedbackScore\": 3, \"generatedLeads\": 12}\n"
                        + "{\"objectId\": \"d-2\", \"feedbackScore\": 5, \"generatedLeads\": 40}\n"));
        List<SchemaInference.InferredField> fields = SchemaInference.infer(files, "legacy");
        assertEquals("NUMBER", only(fields, "feedbackScore").fieldType());
        assertEquals("NUMBER", only(fields, "generatedLeads").fieldType());
    }

    /** An entry of the schema file that is not an object is a ClassCastException, not an IOException naming the file. */
    @Test
    void aSchemaFileWithAnEntryThatIsNotAnObjectIsAnErrorNamingTheFile() throws Exception {
        Path schema = Files.writeString(folder.resolve("deal.schema.json"), "[{\"uniqueName\": \"x\"}, \"oops\"]\n");
        List<SchemaInference.InferredField> fields = SchemaInference.infer(List.of(file("deals.ldjson", FileKind.ENTITIES,
                ObjectType.DEAL, "{\"objectId\": \"d-1\", \"notes\": \"n\"}\n")), "legacy");
        IOException broken = assertThrows(IOException.class,
                () -> SchemaFileMerge.merge(schema, fields, false, Instant.parse("2024-01-01T00:00:00Z")));
        assertTrue(broken.getMessage().startsWith(schema.toString()), broken.getMessage());
        assertEquals("[{\"uniqueName\": \"x\"}, \"oops\"]\n", Files.readString(schema));
    }
}
