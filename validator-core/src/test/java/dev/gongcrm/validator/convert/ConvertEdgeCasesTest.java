package dev.gongcrm.validator.convert;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** convert csv without a mapping at the edges a hostile review tried: never a value read as another. */
class ConvertEdgeCasesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path folder;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static List<JsonNode> objects(Path ldjson) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        for (String line : Files.readAllLines(ldjson)) {
            objects.add(JSON.readTree(line));
        }
        return objects;
    }

    /** A column told to have a decimal comma ("12,5") reads "1.5" as 15: the dot is stripped as a grouping anywhere. */
    @Test
    void aDotThatGroupsNoThousandsIsNotDroppedInADecimalCommaColumn() throws Exception {
        Path csv = write("deals.csv", "ID,Value\nd-1,\"12,5\"\nd-2,1.5\n");
        CsvConversion conversion = CsvConverter.builder(ObjectType.DEAL).build()
                .convert(csv, "deals.csv", folder.resolve("deals.ldjson"));
        JsonNode second = objects(conversion.output()).stream()
                .filter(deal -> deal.path("objectId").asString().equals("d-2")).findFirst().orElseThrow();
        // either a finding at the cell, or 1.5; never fifteen
        assertNotEquals("15", second.path("amount").toString(), "1.5 became 15 silently; findings: "
                + conversion.findings().stream().map(Finding::message).toList());
    }

    /** "1,234" alone is refused as ambiguous, its mirror "1.234" (a thousand in a European export) is read as 1.234. */
    @Test
    void aColumnOfNumbersLikeOnePointTwoThreeFourIsAsAmbiguousAsOneCommaTwoThreeFour() throws Exception {
        Path csv = write("deals.csv", "ID,Value\nd-1,1.234\nd-2,2.500\n");
        ConversionException ambiguous = assertThrows(ConversionException.class, () -> CsvConverter.builder(ObjectType.DEAL)
                .build().convert(csv, "deals.csv", folder.resolve("deals.ldjson")));
        assertEquals(true, ambiguous.getMessage().contains("1.234"), ambiguous.getMessage());
    }

    /** The mapping a conversion wrote ("Account" kept as custom field 'account') is refused when read back. */
    @Test
    void theWrittenMappingOfAnExportWithAccountAndAccountIdReadsBack() throws Exception {
        Path csv = write("deals.csv", "ID,Account ID,Account\nd-1,a-1,Acme\n");
        CsvConversion auto = CsvConverter.builder(ObjectType.DEAL).build()
                .convert(csv, "deals.csv", folder.resolve("auto.ldjson"));
        Path mapping = folder.resolve("deals.mapping.json");
        auto.mapping().write(mapping);
        assertDoesNotThrow(() -> CsvConverter.builder(ObjectType.DEAL).mapping(CsvMapping.read(mapping)).build()
                .convert(csv, "deals.csv", folder.resolve("again.ldjson")));
        assertEquals(Files.readString(folder.resolve("auto.ldjson")), Files.readString(folder.resolve("again.ldjson")));
    }

    /** In the current profile the status column writes isOpen and isWon too, which validation then warns deprecated on every row. */
    @Test
    void inTheCurrentProfileAStatusColumnWritesNoFieldTheProfileDeprecates() throws Exception {
        Path csv = write("deals.csv", "ID,Status,Update time\nd-1,won,2024-01-01T00:00:00Z\n");
        CsvConversion conversion = CsvConverter.builder(ObjectType.DEAL).profile("current").build()
                .convert(csv, "deals.csv", folder.resolve("deals.ldjson"));
        List<String> deprecated = Validator.builder().profile("current").build().validate(List.of(conversion.output()))
                .findings().stream().filter(f -> f.rule().equals("deprecated-field")).map(Finding::message).toList();
        assertEquals(List.of(), deprecated);
    }
}
