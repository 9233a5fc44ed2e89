package dev.gongcrm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.gongcrm.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gongcrm convert csv}: the export converted, then validated and reported as {@code validate} does. */
class ConvertCommandTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "csv-export");

    @TempDir
    Path folder;



    /** The example copied to the temporary folder, so that the default output lands there. */
    private Path example() throws IOException {
        for (String name : List.of("opportunities.csv", "opportunities.mapping.json", "deal.schema.json")) {
            Files.copy(EXAMPLE.resolve(name), folder.resolve(name));
        }
        return folder.resolve("opportunities.csv");
    }

    @Test
    void theExampleExportConvertsIntoDealsThatValidate() throws Exception {
        Path csv = example();
        Run run = run("convert", "csv", csv.toString(), "--type", "DEAL",
                "--mapping", folder.resolve("opportunities.mapping.json").toString());
        assertEquals(0, run.exit(), run.err() + run.out());
        assertEquals("No problems found (3 files, 5 objects checked).\n", run.out());
        assertEquals("gongcrm: wrote 5 objects of " + csv + " to " + folder.resolve("deals.ldjson")
                + ", sorted by modifiedDate\n", run.err());
        assertEquals(5, Files.readAllLines(folder.resolve("deals.ldjson")).size());
    }

    @Test
    void aDashReadsTheCsvFromStandardInputAndNeedsOut() throws Exception {
        String csv = "objectId,modifiedDate,emailAddress,firstName,lastName\n"
                + "l-2,2024-01-02T00:00:00Z,b@acme.com,Bo,Ray\nl-1,yesterday,a@acme.com,Ann,Lee\n";
        Path out = folder.resolve("leads.ldjson");
        Run run = Run.runWithInput(csv, "convert", "csv", "-", "--type", "LEAD", "--out", out);
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.out().startsWith("<stdin>:3:5: error[csv-conversion] record 2, column 'modifiedDate'"), run.out());
        assertEquals("gongcrm: wrote 2 objects of <stdin> to " + out + ", sorted by modifiedDate\n", run.err());
        assertEquals(2, Files.readAllLines(out).size());

        Run noOut = Run.runWithInput(csv, "convert", "csv", "-", "--type", "LEAD");
        assertEquals(2, noOut.exit());
        assertTrue(noOut.err().startsWith("gongcrm: error: - reads the CSV from standard input: name the file to "
                + "write with --out, e.g. --out leads.ldjson"), noOut.err());
    }

    @Test
    void badCellsAreFindingsAtTheCsvsLinesInTheValidateFormat() throws Exception {
        Path csv = Files.writeString(folder.resolve("export.csv"), """
                objectId;modifiedDate;emailAddress;firstName;lastName
                l-1;2024-01-01T00:00:00Z;a@acme.com;Ann;Lee
                l-2;yesterday;b@acme.com;Bo;
                """);
        Path out = folder.resolve("leads.ldjson");
        Run run = run("convert", "csv", csv.toString(), "--type", "lead", "--out", out.toString());
        assertEquals(1, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(csv + ":3:5: error[csv-conversion] record 2, column 'modifiedDate': 'yesterday' is not a "
                + "datetime; expected ISO-8601 like 2024-03-05T14:30:00Z, or give the export's pattern with "
                + "\"datetime\" in the mapping", lines.get(0));
        assertTrue(lines.get(2).startsWith(out + ":2: error[missing-mandatory-field]"), run.out());
        assertTrue(run.out().strip().endsWith("(2 files, 2 objects checked)."), run.out());

        Run json = run("convert", "csv", csv.toString(), "--type", "LEAD", "--out", out.toString(), "--format", "json");
        assertTrue(json.out().contains("\"rule\" : \"csv-conversion\"") || json.out().contains("\"rule\":\"csv-conversion\""),
                json.out());
        assertEquals(0, run("convert", "csv", csv.toString(), "--type", "LEAD", "--out", out.toString(),
                "--fail-on", "never").exit());
    }

    @Test
    void withoutAMappingWhatMatchedIsSaidAndUnmatchedColumnsAreKeptOrDropped() throws Exception {
        Path csv = Files.writeString(folder.resolve("export.csv"), """
                Deal - ID,Deal - Update time,Deal - Owner ID,Deal - Probability
                d-1,2024-03-01T10:00:00Z,u-1,60
                """);
        Run run = run("convert", "csv", csv.toString(), "--type", "DEAL");
        String name = csv.toString();
        assertTrue(run.err().startsWith("gongcrm: " + name + ": column 'Deal - ID' -> objectId (a name exports use for it)\n"
                + "gongcrm: " + name + ": column 'Deal - Update time' -> modifiedDate (a name exports use for it)\n"
                + "gongcrm: " + name + ": column 'Deal - Owner ID' -> ownerId\n"
                + "gongcrm: " + name + ": column 'Deal - Probability' matches no field: kept as custom field probability "
                + "(define it in the type's schema file, or leave it out with --drop-unmatched)\n"), run.err());
        assertTrue(Files.readString(folder.resolve("deals.ldjson")).contains("\"probability\":\"60\""));

        Path written = folder.resolve("export.mapping.json");
        Run writing = run("convert", "csv", csv.toString(), "--type", "DEAL", "--write-mapping", written.toString());
        assertTrue(writing.err().contains("gongcrm: wrote the mapping it used to " + written + " (give it with --mapping)"),
                writing.err());
        String deals = Files.readString(folder.resolve("deals.ldjson"));
        assertEquals(writing.exit(), run("convert", "csv", csv.toString(), "--type", "DEAL", "--mapping",
                written.toString()).exit(), "the same findings: the same exit");
        assertEquals(deals, Files.readString(folder.resolve("deals.ldjson")), "the mapping written converts the same");
        Run overCsv = run("convert", "csv", csv.toString(), "--type", "DEAL", "--write-mapping", csv.toString());
        assertEquals(2, overCsv.exit());
        assertTrue(overCsv.err().contains("would overwrite the CSV export"), overCsv.err());

        Run dropped = run("convert", "csv", csv.toString(), "--type", "DEAL", "--drop-unmatched", "--quiet");
        assertEquals("", dropped.err());
        assertFalse(Files.readString(folder.resolve("deals.ldjson")).contains("probability"));

        Run nothing = run("convert", "csv", Files.writeString(folder.resolve("colours.csv"),
                "Colour,\"Sh\rade\"\nred,dark\n").toString(), "--type", "DEAL");
        assertEquals(2, nothing.exit());
        assertEquals(1, nothing.err().lines().count(), "one line, a column name's carriage return too: " + nothing.err());
        assertTrue(nothing.err().startsWith("gongcrm: error: no column of "), nothing.err());
    }

    /** A --write-mapping whose folder cannot be made (a file is in its place) is said as that, not as a bare path. */
    @Test
    void aMappingFolderThatIsAFileIsSaid() throws IOException {
        Path csv = example();
        Path notAFolder = Files.writeString(folder.resolve("notes.txt"), "x");
        Path written = notAFolder.resolve("export.mapping.json");
        Run writing = run("convert", "csv", csv.toString(), "--type", "DEAL", "--write-mapping", written.toString());
        assertEquals(2, writing.exit(), writing.err());
        String last = writing.err().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith("gongcrm: error: ") && last.contains("not a folder"), last);
    }

    /** Columns that read two ways stop the conversion; --write-mapping then writes a mapping to correct and give back. */
    @Test
    void anAmbiguousColumnGivesAMappingToEditWithWriteMapping() throws Exception {
        Path csv = Files.writeString(folder.resolve("ambiguous.csv"), "ID,Close date,Value\n"
                + "d-1,01/03/2024,\"1,234\"\nd-2,02/04/2024,12\n");
        Run without = run("convert", "csv", csv.toString(), "--type", "DEAL");
        assertEquals(2, without.exit());
        assertEquals(1, without.err().lines().count(), without.err());
        assertTrue(without.err().startsWith("gongcrm: error: column 'Close date': dates like 01/03/2024 may be "
                + "day-first or month-first"), without.err());
        assertTrue(without.err().contains("; column 'Value': numbers like 1,234 may be a thousand or a decimal"),
                "every ambiguous column is said: " + without.err());
        assertTrue(without.err().strip().endsWith("(--write-mapping FILE.json writes a mapping to start from)"),
                without.err());
        assertFalse(Files.exists(folder.resolve("deals.ldjson")), "nothing converted");

        Path written = folder.resolve("mappings").resolve("ambiguous.mapping.json");
        Run writing = run("convert", "csv", csv.toString(), "--type", "DEAL", "--write-mapping", written.toString());
        assertEquals(2, writing.exit());
        assertTrue(writing.err().strip().endsWith("; wrote " + written + ", which takes the first reading of each: "
                + "correct it if need be, then convert again with --mapping " + written), writing.err());
        assertFalse(Files.exists(folder.resolve("deals.ldjson")), "nothing converted");
        // the user says the dates are month-first
        Files.writeString(written, Files.readString(written).replace("d/M/yyyy", "M/d/yyyy"));
        run("convert", "csv", csv.toString(), "--type", "DEAL", "--mapping", written.toString());
        String deals = Files.readString(folder.resolve("deals.ldjson"));
        assertTrue(deals.contains("\"closeDate\":\"2024-01-03\"") && deals.contains("\"amount\":1234"), deals);
    }

    /** --statistics after a conversion says what the index held for the objects it validated, as validate would. */
    @Test
    void statisticsSayWhatTheIndexHeldForTheConvertedObjects() throws Exception {
        Path csv = Files.writeString(folder.resolve("stages.csv"),
                "objectId,modifiedDate,internalName,name,isActive,sortOrder\n"
                        + "s-1,2024-01-01T00:00:00Z,discovery,Discovery,true,1\n"
                        + "s-2,2024-01-02T00:00:00Z,demo,Demo,true,2\n");
        Run run = run("convert", "csv", csv.toString(), "--type", "STAGE", "--statistics");
        assertEquals(0, run.exit(), run.err() + run.out());
        // two objectIds and two internalNames, as 'gongcrm validate --statistics' says of the output
        assertTrue(run.out().lines().anyMatch(line -> line.startsWith("id index: 4 ids, ")), run.out());
        assertTrue(run("validate", "--statistics", folder.resolve("stages.ldjson").toString()).out().lines()
                .anyMatch(line -> line.startsWith("id index: 4 ids, ")));
    }

    @Test
    void theTypeItTakesIsAnObjectTypeAndItsHelpSaysOnlyThose() throws Exception {
        String help = run("convert", "csv", "--help").out();
        assertTrue(help.contains("--type=TYPE") && help.contains("The object type of the CSV's rows: ACCOUNT,"),
                help);
        assertFalse(help.contains("USER_MAPPING"), "a user mapping is not what a CSV converts to");
        Run mapping = run("convert", "csv", example().toString(), "--type", "USER_MAPPING");
        assertEquals(2, mapping.exit());
        assertTrue(mapping.err().startsWith("gongcrm: error: a CSV converts to the objects of one object type"),
                mapping.err());
    }

    @Test
    void usageAndFileProblemsExitTwoWithOneLine() throws Exception {
        Path csv = example();
        Run noType = run("convert", "csv", csv.toString());
        assertEquals(2, noType.exit());
        assertTrue(noType.err().startsWith("gongcrm: error: give the object type of the CSV's rows with one --type "
                + "TYPE, e.g. --type DEAL (or \"types\": {\"*\": \"DEAL\"} in gongcrm.json)\n"), noType.err());
        Files.writeString(csv.resolveSibling("gongcrm.json"), "{\"types\": {\"*\": \"DEAL\"}}");
        Run configured = run("convert", "csv", csv.toString(), "--mapping",
                csv.resolveSibling("opportunities.mapping.json").toString());
        assertEquals(0, configured.exit(), "the bundle's configuration names the type: " + configured.err());
        Files.delete(csv.resolveSibling("gongcrm.json"));
        Files.delete(csv.resolveSibling("deals.ldjson"));

        Path mapping = Files.writeString(folder.resolve("typo.json"),
                "{\"fields\": [{\"column\": \"Close Date\", \"field\": \"closeDate\", \"dat\": \"dd/MM/yyyy\"}]}");
        Run typo = run("convert", "csv", csv.toString(), "--type", "DEAL", "--mapping", mapping.toString());
        assertEquals(2, typo.exit());
        assertEquals("gongcrm: error: " + mapping + ": fields[0]: unknown key 'dat'; known keys: column, field, date, "
                + "datetime, zone, decimal, grouping, separator, true, false, constant, dealStatus\n", typo.err());

        Run missing = run("convert", "csv", folder.resolve("nope.csv").toString(), "--type", "DEAL");
        assertEquals(2, missing.exit());
        assertEquals(1, missing.err().lines().filter(l -> l.startsWith("gongcrm: error: ")).count(), missing.err());

        Run nothing = run("convert");
        assertEquals(2, nothing.exit());
        assertTrue(nothing.err().contains("name what to convert: csv"), nothing.err());
        assertFalse(Files.exists(folder.resolve("deals.ldjson")));
    }

    @Test
    void theDelimiterMayBeGiven() throws Exception {
        Path csv = Files.writeString(folder.resolve("stages.csv"),
                "objectId|modifiedDate|internalName|name|isActive|sortOrder\n"
                        + "s-1|2024-01-01T00:00:00Z|discovery|Discovery, first call|true|1\n");
        Run run = run("convert", "csv", csv.toString(), "--type", "STAGE", "--delimiter", "|");
        assertEquals(0, run.exit(), run.err() + run.out());
        assertEquals("{\"objectId\":\"s-1\",\"modifiedDate\":\"2024-01-01T00:00:00Z\",\"internalName\":\"discovery\","
                        + "\"name\":\"Discovery, first call\",\"isActive\":true,\"sortOrder\":1}",
                Files.readString(folder.resolve("stages.ldjson")).strip());
        Run wrong = run("convert", "csv", csv.toString(), "--type", "STAGE", "--delimiter", ",");
        assertEquals(2, wrong.exit(), wrong.err() + wrong.out());
        assertTrue(wrong.err().startsWith("gongcrm: error: no column of " + csv + " matches a field of STAGE"),
                "one column, named as no field: " + wrong.err());
    }
}
