package dev.gongcrm.validator.convert;

import dev.gongcrm.validator.ObjectType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A mapping file that cannot be right is refused before any row is read, with a message naming the file. */
class CsvMappingTest {

    @TempDir
    Path folder;

    private String refusal(String json) throws IOException {
        Path file = Files.writeString(folder.resolve("m.json"), json);
        return assertThrows(ConversionException.class, () -> CsvMapping.read(file)).getMessage()
                .replace(file.toString(), "m.json");
    }

    @Test
    void unknownKeysAreRefusedWithTheKnownOnes() throws Exception {
        assertEquals("m.json: fields[1]: unknown key 'fromat'; known keys: column, field, date, datetime, zone, "
                        + "decimal, grouping, separator, true, false, constant, dealStatus",
                refusal("{\"fields\": [{\"column\": \"A\", \"field\": \"objectId\"}, "
                        + "{\"column\": \"B\", \"field\": \"closeDate\", \"fromat\": \"dd/MM/yyyy\"}]}"));
        assertEquals("m.json: unknown key 'columns'; known keys: zone, decimal, fields", refusal("{\"columns\": []}"));
    }

    @Test
    void brokenEntriesAreNamed() throws Exception {
        // Jackson's own wording of where the object started stays out of the message
        assertEquals("m.json:1:13: not valid JSON: Unexpected end-of-input: expected close marker for Array",
                refusal("{\"fields\": ["));
    }

    @Test
    void eachMistakeHasItsOwnMessage() throws Exception {
        assertEquals("m.json: fields[0] (objectId): give either \"column\" or \"constant\"",
                refusal("{\"fields\": [{\"field\": \"objectId\"}]}"));
        assertEquals("m.json: fields[0]: \"field\" is missing; name the field the value goes to",
                refusal("{\"fields\": [{\"column\": \"Id\"}]}"));
        assertEquals("m.json: fields[1]: field 'objectId' is mapped twice; map each field once",
                refusal("{\"fields\": [{\"column\": \"A\", \"field\": \"objectId\"}, {\"column\": \"B\", \"field\": \"objectId\"}]}"));
        assertEquals("m.json: fields[0]: \"zone\" \"Mars/Olympus\" is not a time zone; use a region like "
                        + "\"Europe/Berlin\" or an offset like \"+01:00\"",
                refusal("{\"fields\": [{\"column\": \"A\", \"field\": \"modifiedDate\", \"zone\": \"Mars/Olympus\"}]}"));
        assertEquals("m.json: fields[0] (isDeleted): \"date\" reads cells; a constant has none",
                refusal("{\"fields\": [{\"field\": \"isDeleted\", \"constant\": false, \"date\": \"dd\"}]}"));
        assertEquals("m.json: fields[0]: \"true\" must be a non-empty array of strings, e.g. [\"Yes\"]",
                refusal("{\"fields\": [{\"column\": \"A\", \"field\": \"isOpen\", \"true\": []}]}"));
        assertEquals("m.json: fields[0] (amount): \"decimal\" must be \",\" or \".\", got \"comma\"",
                refusal("{\"fields\": [{\"column\": \"A\", \"field\": \"amount\", \"decimal\": \"comma\"}]}"));
        assertEquals("m.json: fields[0]: \"grouping\" must be \",\", \".\", \" \" or \"'\", got \"_\"",
                refusal("{\"fields\": [{\"column\": \"A\", \"field\": \"amount\", \"grouping\": \"_\"}]}"));
        assertEquals("m.json: \"fields\" must be a non-empty array of {\"column\": ..., \"field\": ...} entries",
                refusal("{\"zone\": \"UTC\"}"));
    }

    @Test
    void aColumnTheHeaderLacksIsRefusedWithTheHeadersColumns() throws Exception {
        Path csv = Files.writeString(folder.resolve("deals.csv"), "Id,Name\nd-1,x\n");
        Path mapping = Files.writeString(folder.resolve("m.json"),
                "{\"fields\": [{\"column\": \"Id\", \"field\": \"objectId\"}, {\"column\": \"Deal Name\", \"field\": \"name\"}]}");
        ConversionException e = assertThrows(ConversionException.class, () -> CsvConverter.builder(ObjectType.DEAL)
                .mapping(CsvMapping.read(mapping)).build().convert(csv, "deals.csv", folder.resolve("deals.ldjson")));
        assertEquals("the mapping names column 'Deal Name', which the header of deals.csv does not have; its columns: "
                + "Id, Name", e.getMessage());
    }
}
