package dev.gongcrm.validator.convert;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.report.OutputOverwritesInputException;
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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real-looking CSV exports into LDJSON that validates; bad cells reported at their line and column. */
class CsvConverterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path EXAMPLE = Path.of("..", "examples", "csv-export");

    @TempDir
    Path folder;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Path mapping(String json) throws IOException {
        return write("mapping.json", json);
    }

    private CsvConversion convert(ObjectType type, Path csv, Path mapping) throws IOException {
        return CsvConverter.builder(type).mapping(mapping == null ? null : CsvMapping.read(mapping)).build()
                .convert(csv, csv.getFileName().toString(), folder.resolve(CsvConverter.defaultOutputName(type)));
    }

    private static List<JsonNode> objects(Path ldjson) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        for (String line : Files.readAllLines(ldjson)) {
            objects.add(JSON.readTree(line));
        }
        return objects;
    }

    private static ValidationResult validate(Path... files) throws Exception {
        return Validator.builder().build().validate(List.of(files));
    }

    @Test
    void theSalesforceExampleBecomesADealFileThatValidates() throws Exception {
        Path schema = Files.copy(EXAMPLE.resolve("deal.schema.json"), folder.resolve("deal.schema.json"));
        CsvConversion conversion = CsvConverter.builder(ObjectType.DEAL)
                .mapping(CsvMapping.read(EXAMPLE.resolve("opportunities.mapping.json")))
                .schemaFile(schema)
                .build()
                .convert(EXAMPLE.resolve("opportunities.csv"), "opportunities.csv", folder.resolve("deals.ldjson"));

        assertEquals(5, conversion.objects());
        assertEquals(List.of(), conversion.findings());
        assertEquals(List.of(), conversion.unmappedColumns());
        assertEquals(List.of(), validate(conversion.output(), schema).findings());

        List<JsonNode> deals = objects(conversion.output());
        // sorted by modifiedDate, which the export was not
        assertEquals(List.of("0065g00000AbCdH", "0065g00000AbCdF", "0065g00000AbCdE", "0065g00000AbCdG",
                "0065g00000AbCdJ"), deals.stream().map(d -> d.path("objectId").asString()).toList());
        JsonNode acme = deals.get(2);
        assertEquals("2024-02-14T16:40:00Z", acme.path("modifiedDate").asString());
        // London in summer time is an hour ahead of UTC: the zone, not a fixed offset
        assertEquals("2023-10-02T13:45:00+01:00", deals.get(0).path("createdDate").asString());
        assertEquals("2024-03-28", acme.path("closeDate").asString());
        assertTrue(acme.path("isOpen").asBoolean());
        assertFalse(acme.path("isWon").asBoolean());
        assertTrue(acme.path("amount").isNumber());
        assertEquals("48000", acme.path("amount").toString());
        assertEquals(75, acme.path("probability").asInt());
        assertEquals("Send the order form;\nlegal review of \"Schedule B\" pending", acme.path("nextStep").asString());
        assertFalse(acme.path("isDeleted").asBoolean(true));
        // an empty cell leaves its field out
        assertFalse(deals.get(1).has("nextStep"));
    }

    @Test
    void columnsNamedLikeFieldsMapToThemselvesAndMillisecondsAreDropped() throws Exception {
        Path csv = write("contacts-export.csv", """
                objectId,modifiedDate,accountId,emailAddress,firstName,lastName,isDeleted
                c-2,2024-01-05T10:00:00.123+01:00,a-1,bo@acme.com,Bo,Berg,false
                c-1,2024-01-05T08:59:59.999Z,a-1,al@acme.com,Al,Ames,
                """);
        CsvConversion conversion = convert(ObjectType.CONTACT, csv, null);

        List<JsonNode> contacts = objects(conversion.output());
        assertEquals(List.of("2024-01-05T08:59:59Z", "2024-01-05T10:00:00+01:00"),
                contacts.stream().map(c -> c.path("modifiedDate").asString()).toList());
        assertFalse(contacts.get(0).has("isDeleted"));
        assertTrue(contacts.get(1).path("isDeleted").isBoolean());
        assertEquals(List.of(), validate(conversion.output()).findings());
    }

    @Test
    void anExcelExportWithBomSemicolonsCrlfAndLineBreaksInCellsIsRead() throws Exception {
        Path csv = write("Accounts.csv", "\uFEFFID;Account Name;Website domains;Last modified;Customer?\r\n"
                + "A-17;\"Müller & Söhne\r\nGmbH\";muller.de, mueller-soehne.de;03.02.2024 09:15;Ja\r\n"
                + "A-18;\"Café \"\"Zur Post\"\"\";zurpost.at;01.02.2024 17:00;Nein\r\n");
        Path mapping = mapping("""
                {"zone": "Europe/Berlin",
                 "fields": [
                   {"column": "ID", "field": "objectId"},
                   {"column": "Account Name", "field": "name"},
                   {"column": "Website domains", "field": "domains", "separator": ","},
                   {"column": "Last modified", "field": "modifiedDate", "datetime": "dd.MM.yyyy HH:mm"},
                   {"column": "Customer?", "field": "isCustomer", "true": ["Ja"], "false": ["Nein"]}
                 ]}""");
        CsvConversion conversion = convert(ObjectType.ACCOUNT, csv, mapping);

        List<JsonNode> accounts = objects(conversion.output());
        assertEquals(2, accounts.size());
        assertEquals("A-18", accounts.get(0).path("objectId").asString());
        assertEquals("Café \"Zur Post\"", accounts.get(0).path("name").asString());
        assertEquals("2024-02-01T17:00:00+01:00", accounts.get(0).path("modifiedDate").asString());
        assertEquals("Müller & Söhne\r\nGmbH", accounts.get(1).path("name").asString());
        assertEquals("[\"muller.de\",\"mueller-soehne.de\"]", accounts.get(1).path("domains").toString());
        // a field the type does not know is written as text; the validation says it is stored raw
        assertEquals("Ja", accounts.get(1).path("isCustomer").asString());
        List<String> rules = validate(conversion.output()).findings().stream().map(Finding::rule).distinct().toList();
        assertEquals(List.of("unknown-field"), rules);
    }

    @Test
    void aCellThatCannotBeConvertedIsAFindingAtItsLineAndColumnAndItsRowIsStillWritten() throws Exception {
        Path csv = write("deals.csv", """
                objectId,modifiedDate,name,amount,isOpen,closeDate
                d-1,2024-01-01T00:00:00Z,"Two-line
                name",12000,true,2024-05-01
                d-2,2024-01-02T00:00:00Z,"Quoted, name","$7,000",maybe,31/05/2024
                d-3,2024-01-03T00:00:00Z,Short
                """);
        CsvConversion conversion = convert(ObjectType.DEAL, csv, null);

        List<String> findings = conversion.findings().stream().map(f -> f.file() + ":" + f.line() + ":" + f.column()
                + " " + f.rule() + " " + f.objectId() + " " + f.field() + " " + f.message()).toList();
        assertEquals(4, findings.size(), String.join("\n", findings));
        assertTrue(findings.get(0).startsWith("deals.csv:4:41 csv-conversion d-2 /amount record 2, column 'amount': "
                + "'$7,000' is not a number"), findings.get(0));
        assertTrue(findings.get(1).startsWith("deals.csv:4:50 csv-conversion d-2 /isOpen record 2, column 'isOpen': "
                + "'maybe' is not a boolean"), findings.get(1));
        assertTrue(findings.get(2).startsWith("deals.csv:4:56 csv-conversion d-2 /closeDate record 2, column "
                + "'closeDate': '31/05/2024' is not a date; expected yyyy-MM-dd"), findings.get(2));
        assertTrue(findings.get(3).startsWith("deals.csv:5:1 csv-conversion d-3 null record 3 has 3 cells, the "
                + "header has 6"), findings.get(3));

        List<JsonNode> deals = objects(conversion.output());
        assertEquals(3, deals.size());
        assertEquals("{\"objectId\":\"d-2\",\"modifiedDate\":\"2024-01-02T00:00:00Z\",\"name\":\"Quoted, name\"}",
                deals.get(1).toString());

        ValidationResult merged = conversion.withValidation(validate(conversion.output()));
        assertEquals("deals.csv", merged.files().get(0));
        assertEquals(conversion.findings(), merged.findings().subList(0, 4));
        assertTrue(merged.count(dev.gongcrm.validator.Severity.ERROR) > 4);
    }

    @Test
    void aDatetimeWithoutZoneNeedsTheMappingToNameOne() throws Exception {
        Path csv = write("users.csv", "objectId,modifiedDate,emailAddress\nu-1,2024-01-01 10:00,u@acme.com\n");
        Path mapping = mapping("""
                {"fields": [{"column": "objectId", "field": "objectId"}, {"column": "emailAddress", "field": "emailAddress"},
                  {"column": "modifiedDate", "field": "modifiedDate", "datetime": "yyyy-MM-dd HH:mm"}]}""");
        CsvConversion conversion = convert(ObjectType.BUSINESS_USER, csv, mapping);
        assertEquals(1, conversion.findings().size());
        assertTrue(conversion.findings().get(0).message().contains("has no zone offset; say which zone"),
                conversion.findings().get(0).message());
    }

    @Test
    void aStrictDatePatternRefusesDaysTheMonthDoesNotHave() throws Exception {
        Path csv = write("deals.csv", "id,close\nd-1,31/02/2024\n");
        Path mapping = mapping("""
                {"fields": [{"column": "id", "field": "objectId"}, {"column": "close", "field": "closeDate", "date": "dd/MM/yyyy"}]}""");
        CsvConversion conversion = convert(ObjectType.DEAL, csv, mapping);
        assertEquals("record 1, column 'close': '31/02/2024' is not a date of the pattern 'dd/MM/yyyy'",
                conversion.findings().get(0).message());
        assertEquals(2, conversion.findings().get(0).line());
        assertEquals(5, conversion.findings().get(0).column());
    }

    @Test
    void aLargeExportIsSortedStablyThroughTemporaryRuns() throws Exception {
        StringBuilder csv = new StringBuilder("objectId,modifiedDate,emailAddress\n");
        int rows = 2_000;
        for (int i = 0; i < rows; i++) {
            // 40 distinct instants in descending order, each shared by 50 rows that must keep their order
            int minute = 59 - (i % 40);
            csv.append("u-").append(i).append(",2024-01-01T10:").append(String.format("%02d", minute))
                    .append(":00Z,u").append(i).append("@acme.com\n");
        }
        Path export = write("users.csv", csv.toString());
        CsvConversion conversion = CsvConverter.builder(ObjectType.BUSINESS_USER).maxBufferedChars(10_000).build()
                .convert(export, "users.csv", folder.resolve("users.ldjson"));

        List<JsonNode> users = objects(conversion.output());
        assertEquals(rows, users.size());
        for (int i = 1; i < rows; i++) {
            String previous = users.get(i - 1).path("modifiedDate").asString();
            String current = users.get(i).path("modifiedDate").asString();
            assertTrue(previous.compareTo(current) <= 0, "line " + (i + 1));
            if (previous.equals(current)) {
                int before = Integer.parseInt(users.get(i - 1).path("objectId").asString().substring(2));
                int after = Integer.parseInt(users.get(i).path("objectId").asString().substring(2));
                assertTrue(before < after, "stable at line " + (i + 1));
            }
        }
        assertEquals(List.of(), validate(conversion.output()).findings());
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of("users.csv", "users.ldjson"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void theOutputNeverReplacesTheExportNorTheSchemaFile() throws Exception {
        Path csv = write("deals.ldjson", "objectId\nd-1\n");
        OutputOverwritesInputException e = assertThrows(OutputOverwritesInputException.class,
                () -> CsvConverter.builder(ObjectType.DEAL).build().convert(csv, "deals.ldjson", csv));
        assertTrue(e.getMessage().contains("would overwrite the CSV export"), e.getMessage());
        assertEquals("objectId\nd-1\n", Files.readString(csv));

        Path schema = write("deal.schema.json", "[]");
        OutputOverwritesInputException overSchema = assertThrows(OutputOverwritesInputException.class,
                () -> CsvConverter.builder(ObjectType.DEAL).schemaFile(schema).build().convert(csv, "deals.csv", schema));
        assertTrue(overSchema.getMessage().contains("would overwrite the schema file"), overSchema.getMessage());
        assertEquals("[]", Files.readString(schema));
    }

    @Test
    void anUnterminatedQuoteIsAnErrorNamingTheFileAndLeavesNoOutput() throws Exception {
        Path csv = write("deals.csv", "objectId,name\nd-1,\"never closed\nd-2,x\n");
        ConversionException e = assertThrows(ConversionException.class, () -> convert(ObjectType.DEAL, csv, null));
        assertEquals("deals.csv:2: cannot read record 1: a quoted cell is never closed, the file ends inside it; "
                + "check the quotes from here on (a quote inside a quoted cell is written twice: \"\")", e.getMessage());
        assertFalse(Files.exists(folder.resolve("deals.ldjson")));
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(1, left.count());
        }
    }

    @Test
    void anExportThatIsNotUtf8IsRefusedWithAHint() throws Exception {
        Path csv = Files.write(folder.resolve("deals.csv"), "objectId,name\nd-1,M\u00fcller\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        ConversionException e = assertThrows(ConversionException.class, () -> convert(ObjectType.DEAL, csv, null));
        assertTrue(e.getMessage().contains("deals.csv: not UTF-8"), e.getMessage());
    }

    @Test
    void aHeaderWithAColumnTwiceIsRefused() throws Exception {
        Path csv = write("deals.csv", "objectId,name,name\nd-1,a,b\n");
        ConversionException e = assertThrows(ConversionException.class, () -> convert(ObjectType.DEAL, csv, null));
        assertEquals("deals.csv:1: column 'name' appears twice in the header; rename one, a column names one field",
                e.getMessage());
    }

    @Test
    void theOutputGetsThePermissionsOfAnyNewFileNotOwnerOnlyOnes() throws Exception {
        Path csv = write("stages.csv", "objectId,modifiedDate\ns-1,2024-01-01T00:00:00Z\n");
        Path output = convert(ObjectType.STAGE, csv, null).output();
        assertEquals(Files.getPosixFilePermissions(Files.createFile(folder.resolve("any-new-file"))),
                Files.getPosixFilePermissions(output));
    }

    @Test
    void europeanNumbersAreReadWithADecimalComma() throws Exception {
        Path csv = write("deals.csv", "Id;Betrag;Nettobetrag\r\nd-1;12.000,50;1 234,5\r\nd-2;7000;7.000,00 €\r\n");
        Path mapping = mapping("""
                {"decimal": ",",
                 "fields": [{"column": "Id", "field": "objectId"}, {"column": "Betrag", "field": "amount"},
                   {"column": "Nettobetrag", "field": "estimatedAmount"}]}""");
        CsvConversion conversion = convert(ObjectType.DEAL, csv, mapping);
        List<JsonNode> deals = objects(conversion.output());
        assertEquals("12000.5", deals.get(0).path("amount").toString());
        assertEquals("1234.5", deals.get(0).path("estimatedAmount").toString());
        assertEquals("7000", deals.get(1).path("amount").toString());
        assertEquals("record 2, column 'Nettobetrag': '7.000,00 €' is not a number; write digits with ',' for "
                + "decimals, e.g. 12.000,50", conversion.findings().get(0).message());
    }

    @Test
    void aDatetimePatternWithAnOffsetKeepsTheCellsOwnOffset() throws Exception {
        Path csv = write("users.csv", "id,changed,mail\nu-1,2024-07-01 09:30:15.250 -05:00,u@acme.com\n");
        Path mapping = mapping("""
                {"zone": "Europe/Berlin",
                 "fields": [{"column": "id", "field": "objectId"}, {"column": "mail", "field": "emailAddress"},
                   {"column": "changed", "field": "modifiedDate", "datetime": "yyyy-MM-dd HH:mm:ss.SSS XXX"}]}""");
        CsvConversion conversion = convert(ObjectType.BUSINESS_USER, csv, mapping);
        assertEquals("2024-07-01T09:30:15-05:00", objects(conversion.output()).get(0).path("modifiedDate").asString());
    }

    @Test
    void aMissingExportOrAFolderAsOutputIsAOneLineError() throws Exception {
        ConversionException missing = assertThrows(ConversionException.class,
                () -> convert(ObjectType.DEAL, folder.resolve("nope.csv"), null));
        assertEquals("nope.csv: does not exist", missing.getMessage());
        Path csv = write("deals.csv", "objectId\nd-1\n");
        ConversionException toFolder = assertThrows(ConversionException.class, () -> CsvConverter.builder(ObjectType.DEAL)
                .build().convert(csv, "deals.csv", folder));
        assertTrue(toFolder.getMessage().endsWith(": is a folder; name the LDJSON file to write, e.g. "
                + folder.resolve("deals.ldjson")), toFolder.getMessage());
    }

    @Test
    void withoutAMappingTheColumnsAreMatchedToFieldsAndTheOthersKeptAsCustomFields() throws Exception {
        Path csv = write("deals.csv", """
                Deal - ID,Deal - Title,Deal - Value,Deal - Organization ID,Deal - Owner ID,Deal - Stage,Deal - Status,Deal - Expected close date,Deal - Update time,Deal - Probability
                d-1,Big deal,12000.5,a-1,u-1,s-1,Won,2024-09-30,2024-03-01T10:00:00Z,60
                d-2,Lost deal,10,a-1,u-1,s-1,lost,2024-09-30,2024-03-02T10:00:00Z,
                d-3,Open deal,10,a-1,u-1,s-1,OPEN,2024-09-30,2024-03-03T10:00:00Z,
                d-4,Odd deal,10,a-1,u-1,s-1,pending,2024-09-30,2024-03-04T10:00:00Z,
                """);
        CsvConversion conversion = convert(ObjectType.DEAL, csv, null);

        assertEquals(10, conversion.matches().size());
        List<JsonNode> deals = objects(conversion.output());
        assertEquals("{\"objectId\":\"d-1\",\"name\":\"Big deal\",\"amount\":12000.5,\"accountId\":\"a-1\","
                + "\"ownerId\":\"u-1\",\"stage\":\"s-1\",\"isOpen\":false,\"isWon\":true,\"closeDate\":\"2024-09-30\","
                + "\"modifiedDate\":\"2024-03-01T10:00:00Z\",\"probability\":\"60\"}", deals.get(0).toString());
        assertEquals(List.of("false false", "true false"), deals.subList(1, 3).stream()
                .map(deal -> deal.path("isOpen").asBoolean() + " " + deal.path("isWon").asBoolean()).toList());
        assertFalse(deals.get(3).has("isOpen"));
        assertEquals(List.of("deals.csv:5:29: record 4, column 'Deal - Status': 'pending' is not a deal status; open, "
                + "won or lost"), conversion.findings().stream()
                .map(f -> f.file() + ":" + f.line() + ":" + f.column() + ": " + f.message()).toList());
    }

    @Test
    void inTheCurrentProfileADealsStatusFillsItsStatusFieldNotTheFlagsItDeprecates() throws Exception {
        Path csv = write("deals.csv", "ID,Status\nd-1,won\n");
        CsvConversion conversion = CsvConverter.builder(ObjectType.DEAL).profile("current").build()
                .convert(csv, "deals.csv", folder.resolve("deals.ldjson"));
        assertEquals("{\"objectId\":\"d-1\",\"status\":\"WON\"}",
                objects(conversion.output()).get(0).toString());
    }

    @Test
    void anExportOfWhichNoColumnMatchesAFieldIsOneLineNotAFindingPerRow() throws Exception {
        Path csv = write("export.csv", "Colour,Size\nred,4\nblue,5\n");
        ConversionException none = assertThrows(ConversionException.class, () -> convert(ObjectType.DEAL, csv, null));
        assertEquals("no column of export.csv matches a field of DEAL by its name or a name exports use for it (its "
                + "columns: Colour, Size); say which column fills which field with --mapping MAPPING.json (see "
                + "'gongcrm convert csv --help')", none.getMessage());
        assertFalse(Files.exists(folder.resolve("deals.ldjson")));
    }

    @Test
    void aMappingThatFillsAMisspeltFieldIsRefusedWithTheFieldMeant() throws Exception {
        Path csv = write("deals.csv", "Id,Account\nd-1,a-1\n");
        Path mapping = mapping("""
                {"fields": [{"column": "Id", "field": "objectId"}, {"column": "Account", "field": "accountID"}]}""");
        ConversionException misspelt = assertThrows(ConversionException.class, () -> convert(ObjectType.DEAL, csv, mapping));
        assertEquals("the mapping fills field 'accountID', which DEAL does not have; did you mean 'accountId'?",
                misspelt.getMessage());
    }

    @Test
    void aCrmExportConvertsWithoutAMappingItsFormatsToldFromItsValues() throws Exception {
        Path csv = write("deals.csv", """
                "Deal - ID","Deal - Title","Deal - Value","Deal - Organization ID","Deal - Owner ID","Deal - Stage","Deal - Status","Deal - Expected close date","Deal - Update time","Deal - Probability"
                1,Big,"12,000.00",a-1,u-1,s-1,won,2024-09-30,2024-03-01 10:00:00,60
                2,Small,500.50,a-1,u-1,s-1,open,2024-10-01,2024-03-02 11:30:00,20
                """);
        CsvConversion conversion = CsvConverter.builder(ObjectType.DEAL).zone(java.time.ZoneId.of("America/New_York"))
                .build().convert(csv, "deals.csv", folder.resolve("deals.ldjson"));

        assertEquals(List.of(), conversion.findings());
        assertEquals("{\"objectId\":\"1\",\"name\":\"Big\",\"amount\":12000,\"accountId\":\"a-1\",\"ownerId\":"
                + "\"u-1\",\"stage\":\"s-1\",\"isOpen\":false,\"isWon\":true,\"closeDate\":\"2024-09-30\","
                + "\"modifiedDate\":\"2024-03-01T10:00:00-05:00\",\"probability\":\"60\"}",
                objects(conversion.output()).get(0).toString());
        assertEquals(List.of("numbers as 12,000.50", "written as isOpen and isWon",
                        "datetimes as yyyy-MM-dd HH:mm:ss, taken in America/New_York"),
                conversion.matches().stream().map(ColumnMatch::format).filter(java.util.Objects::nonNull).toList());
    }

    @Test
    void anAmbiguousColumnIsOneLineSayingHowToChoose() throws Exception {
        Path csv = write("deals.csv", "ID,Close date\nd-1,01/03/2024\nd-2,02/04/2024\n");
        ConversionException ambiguous = assertThrows(ConversionException.class, () -> convert(ObjectType.DEAL, csv, null));
        assertTrue(ambiguous.getMessage().startsWith("column 'Close date': dates like 01/03/2024 may be day-first or "
                + "month-first"), ambiguous.getMessage());
        assertFalse(Files.exists(folder.resolve("deals.ldjson")));
        CsvMapping proposal = ambiguous.proposal().orElseThrow();
        assertEquals(List.of("objectId", "closeDate"), proposal.fields().stream().map(FieldMapping::field).toList());
        Path written = folder.resolve("proposal.json");
        proposal.write(written);
        assertEquals("2024-03-01", objects(convert(ObjectType.DEAL, csv, written).output()).get(0).path("closeDate")
                .asString(), "the proposal reads the first way: day-first");
    }

    /** The patterns the line names for an ambiguous column read its cells: given in a mapping, they convert them all. */
    @Test
    void thePatternsAnAmbiguousColumnsLineNamesReadItsCells() throws Exception {
        Path csv = write("deals.csv", "ID,Update time\nd-1,01/03/2024 10:00\nd-2,02/04/2024 11:30\n");
        ConversionException ambiguous = assertThrows(ConversionException.class, () -> convert(ObjectType.DEAL, csv, null));
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("\"datetime\": \"([^\"]+)\" or \"([^\"]+)\"")
                .matcher(ambiguous.getMessage());
        assertTrue(named.find(), ambiguous.getMessage());
        for (int reading = 1; reading <= 2; reading++) {
            Path chosen = mapping("{\"fields\": [{\"column\": \"ID\", \"field\": \"objectId\"}, {\"column\": "
                    + "\"Update time\", \"field\": \"modifiedDate\", \"datetime\": \"" + named.group(reading)
                    + "\", \"zone\": \"UTC\"}]}");
            CsvConversion conversion = convert(ObjectType.DEAL, csv, chosen);
            assertEquals(List.of(), conversion.findings(), ambiguous.getMessage());
            assertEquals(reading == 1 ? "2024-03-01T10:00:00Z" : "2024-01-03T10:00:00Z",
                    objects(conversion.output()).get(0).path("modifiedDate").asString());
        }
    }

    @Test
    void aMappingThatGroupsWithTheCommaItsDecimalsUseIsRefused() throws Exception {
        Path mapping = mapping("""
                {"fields": [{"column": "Value", "field": "amount", "grouping": ",", "decimal": ","}]}""");
        ConversionException refused = assertThrows(ConversionException.class, () -> CsvMapping.read(mapping));
        assertTrue(refused.getMessage().contains("\"grouping\": \",\" and a decimal comma say two things of one "
                + "comma"), refused.getMessage());
        Path byDefault = mapping("""
                {"decimal": ",", "fields": [{"column": "Value", "field": "amount", "grouping": ","}]}""");
        assertThrows(ConversionException.class, () -> CsvMapping.read(byDefault), "the mapping's default decimal too");
    }

    @Test
    void aMappingsGroupingReadsNumbersGroupedWithCommasAndRefusesOthers() throws Exception {
        Path csv = write("deals.csv", "Id,Value\nd-1,\"12,000.50\"\nd-2,\"1,5\"\n");
        Path mapping = mapping("""
                {"fields": [{"column": "Id", "field": "objectId"}, {"column": "Value", "field": "amount", "grouping": ","}]}""");
        CsvConversion conversion = convert(ObjectType.DEAL, csv, mapping);
        assertEquals("12000.5", objects(conversion.output()).get(0).path("amount").asString());
        assertEquals(List.of("record 2, column 'Value': '1,5' is not a number grouped by ',', e.g. 12,000.50"),
                conversion.findings().stream().map(Finding::message).toList());
    }

    @Test
    void theMappingAConversionWithoutOneUsedReadsBackToTheSameConversion() throws Exception {
        Path csv = write("deals.csv", """
                Deal - ID,Deal - Value,Deal - Status,Deal - Close date,Deal - Update time,Deal - Notes
                d-1,"12,000.50",won,13/02/2024,2024-03-01 10:00,first
                d-2,3,open,01/03/2024,2024-03-02 11:30:15,second
                """);
        CsvConversion auto = CsvConverter.builder(ObjectType.DEAL).zone(java.time.ZoneId.of("Europe/Berlin")).build()
                .convert(csv, "deals.csv", folder.resolve("auto.ldjson"));
        assertEquals(List.of(), auto.findings());
        Path written = folder.resolve("deals.mapping.json");
        auto.mapping().write(written);
        assertEquals("""
                {
                  "fields" : [ {
                    "column" : "Deal - ID",
                    "field" : "objectId"
                  }, {
                    "column" : "Deal - Value",
                    "field" : "amount",
                    "grouping" : ","
                  }, {
                    "column" : "Deal - Status",
                    "field" : "status",
                    "dealStatus" : true
                  }, {
                    "column" : "Deal - Close date",
                    "field" : "closeDate",
                    "date" : "d/M/yyyy"
                  }, {
                    "column" : "Deal - Update time",
                    "field" : "modifiedDate",
                    "datetime" : "yyyy-MM-dd HH:mm[:ss][.SSS]",
                    "zone" : "Europe/Berlin"
                  }, {
                    "column" : "Deal - Notes",
                    "field" : "notes"
                  } ]
                }
                """, Files.readString(written));

        CsvConversion mapped = CsvConverter.builder(ObjectType.DEAL).mapping(CsvMapping.read(written)).build()
                .convert(csv, "deals.csv", folder.resolve("mapped.ldjson"));
        assertEquals(Files.readString(auto.output()), Files.readString(mapped.output()));

        Path yesNo = write("open.csv", "ID,Open\nd-1,Yes\nd-2,no\n");
        CsvConversion words = convert(ObjectType.DEAL, yesNo, null);
        assertTrue(words.mapping().toJson().contains("\"true\" : [ \"yes\" ],\n    \"false\" : [ \"no\" ]"),
                words.mapping().toJson());
        words.mapping().write(written);
        assertEquals(Files.readString(words.output()), Files.readString(CsvConverter.builder(ObjectType.DEAL)
                .mapping(CsvMapping.read(written)).build().convert(yesNo, "open.csv", folder.resolve("open.ldjson"))
                .output()));
    }
}
