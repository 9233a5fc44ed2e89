package dev.gongcrm.cli;

import dev.gongcrm.validator.report.ReportFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.gongcrm.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 18, item 1: an output of a run (a report of any format, a fixed or a converted file) that resolves to a
 * file the run reads, by its name, a symbolic link or a hard link, is refused with exit 2 and one line naming
 * both, before anything is written.
 */
class OutputOverInputTest {

    private static final Path CSV_EXPORT = Path.of("..", "examples", "csv-export");
    /** Unsorted, with milliseconds, and a field that is no ACCOUNT field: validate warns, fix would rewrite it. */
    private static final String ACCOUNTS = """
            {"objectId": "a2", "modifiedDate": "2019-01-05T00:00:00Z", "name": "Acme", "domains": ["acme.com"], "tier": "gold"}
            {"objectId": "a1", "modifiedDate": "2019-01-04T00:00:00.000Z", "name": "PBR", "domains": ["pbr.com"]}
            """;

    @TempDir
    Path folder;

    /** A bundle folder of one accounts file. */
    private Path accounts(String bundle) throws IOException {
        return Files.writeString(Files.createDirectories(folder.resolve(bundle)).resolve("accounts.ldjson"), ACCOUNTS);
    }

    /** Every file under the temporary folder with its bytes, to compare before and after a run. */
    private Map<Path, List<Byte>> snapshot() throws IOException {
        Map<Path, List<Byte>> files = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.toList()) {
                byte[] bytes = Files.isRegularFile(path) ? Files.readAllBytes(path) : new byte[0];
                List<Byte> content = new ArrayList<>();
                for (byte b : bytes) {
                    content.add(b);
                }
                files.put(folder.relativize(path), content);
            }
        }
        return files;
    }

    /**
     * Exit 2 with one line that names the output and the input it would overwrite, and no file created, changed
     * or removed.
     */
    private void assertRefused(Map<Path, List<Byte>> before, Run run, String output, String input) throws IOException {
        assertEquals(2, run.exit(), run.out() + run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).startsWith("gongcrm: error: " + output + " '"), run.err());
        assertTrue(lines.get(0).contains("' would overwrite " + input + " '"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace");
        assertEquals(before, snapshot(), "nothing was written");
    }

    private static boolean symbolicLink(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean hardLink(Path link, Path existing) {
        try {
            Files.createLink(link, existing);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Two reports named as one file: the second would silently replace the first. */
    @Test
    void twoReportsOnOneFileAreRefused() throws Exception {
        Path input = accounts("o7");
        Path report = folder.resolve("x.sarif");
        Run run = run("validate", input.getParent(), "--format", "sarif=" + report + ",json=" + report);
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("several formats of --format would share one output"), run.err());
        assertFalse(Files.exists(report));
    }

    @Test
    void aReportNamedLikeTheInputIsRefused() throws Exception {
        Path input = accounts("o1");
        var before = snapshot();
        Run run = run("validate", input, "-o", input);
        assertRefused(before, run, "the text report", "the input");
        assertEquals("gongcrm: error: the text report '" + input + "' would overwrite the input '" + input
                + "'; name another file", run.err().strip());
    }

    @Test
    void aReportThroughASymbolicLinkToTheInputIsRefused() throws Exception {
        Path input = accounts("o2");
        Path report = input.resolveSibling("report.txt");
        assumeTrue(symbolicLink(report, input.getFileName()), "symbolic links need a file system that has them");
        var before = snapshot();
        Run run = run("validate", input.getParent(), "-o", report);
        assertRefused(before, run, "the text report", "the input");
        assertTrue(run.err().contains("(a symbolic link to it)"), run.err());
        assertTrue(Files.isSymbolicLink(report));
    }

    @Test
    void aReportOverAHardLinkOfTheInputIsRefused() throws Exception {
        Path input = accounts("o2h");
        Path report = folder.resolve("report.sarif");
        assumeTrue(hardLink(report, input), "hard links need a file system that has them");
        var before = snapshot();
        Run run = run("validate", input.getParent(), "--format", "sarif=" + report);
        assertRefused(before, run, "the sarif report", "the input");
        assertTrue(run.err().contains("(a hard link to it)"), run.err());
    }

    @Test
    void everyReportFormatIsRefusedOverAnInputEvenBesideOneThatIsFine() throws Exception {
        Path input = accounts("o3");
        for (ReportFormat format : ReportFormat.values()) {
            var before = snapshot();
            // beside a report of another format: one format asked for twice is a mistake of its own
            String fine = format == ReportFormat.TEXT ? "json=" + folder.resolve("fine.json")
                    : "text=" + folder.resolve("fine.txt");
            Run run = run("validate", input.getParent(), "--format", fine, "--format", format.id() + "=" + input);
            assertRefused(before, run, "the " + format.id() + " report", "the input");
        }
    }

    @Test
    void aReportOverTheBundlesConfigurationFileIsRefused() throws Exception {
        Path input = accounts("config");
        Path config = Files.writeString(input.resolveSibling("gongcrm.json"), "{\"ignore\": [\"unknown-field\"]}");
        var before = snapshot();
        assertRefused(before, run("validate", input.getParent(), "--format", "json=" + config), "the json report",
                "the configuration file");
    }

    @Test
    void fixInPlaceWithAReportOverTheInputIsRefusedBeforeAnyFileIsFixed() throws Exception {
        Path input = accounts("o4");
        var before = snapshot();
        assertRefused(before, run("fix", input.getParent(), "--in-place", "-o", input), "the text report", "the input");
    }

    @Test
    void fixIntoAFolderWithAReportOverTheInputIsRefusedBeforeTheFolderIsMade() throws Exception {
        Path input = accounts("o6");
        var before = snapshot();
        assertRefused(before, run("fix", input.getParent(), "--out", folder.resolve("o6out"), "-o", input),
                "the text report", "the input");
    }

    @Test
    void aReportOverAFileTheFixWritesIsRefused() throws Exception {
        Path input = accounts("o6b");
        Path out = folder.resolve("o6b-out");
        var before = snapshot();
        assertRefused(before, run("fix", input.getParent(), "--out", out, "--format", "csv=" + out.resolve(
                "accounts.ldjson")), "the csv report", "the fixed file");
    }

    @Test
    void aFixedFileOverAnInputOrALinkToOneIsRefused() throws Exception {
        Path input = accounts("o7");
        var before = snapshot();
        assertRefused(before, run("fix", input, "--out", input.getParent()), "the fixed file", "the input");

        Path out = Files.createDirectories(folder.resolve("o7out"));
        assumeTrue(symbolicLink(out.resolve("accounts.ldjson"), input), "symbolic links need a file system that has them");
        before = snapshot();
        assertRefused(before, run("fix", input.getParent(), "--out", out), "the fixed file", "the input");
    }

    /** The CSV export, its mapping and its schema file in a folder of their own. */
    private Path csvExport(String name) throws IOException {
        Path export = Files.createDirectories(folder.resolve(name));
        for (String file : new String[] {"opportunities.csv", "opportunities.mapping.json", "deal.schema.json"}) {
            Files.copy(CSV_EXPORT.resolve(file), export.resolve(file));
        }
        return export;
    }

    private static Object[] convert(Path export, Object... more) {
        List<Object> args = new ArrayList<>(List.of("convert", "csv", export.resolve("opportunities.csv"), "--type",
                "DEAL", "--mapping", export.resolve("opportunities.mapping.json")));
        args.addAll(Arrays.asList(more));
        return args.toArray();
    }

    @Test
    void convertRefusesAReportOverTheCsvBeforeItWritesTheLdjson() throws Exception {
        Path export = csvExport("o5");
        var before = snapshot();
        assertRefused(before, run(convert(export, "-o", export.resolve("opportunities.csv"))), "the text report",
                "the CSV export");
    }

    @Test
    void convertRefusesAnOutputOverAnyFileItReads() throws Exception {
        Path export = csvExport("o5b");
        var before = snapshot();
        assertRefused(before, run(convert(export, "--out", export.resolve("opportunities.csv"))), "the LDJSON output",
                "the CSV export");
        assertRefused(before, run(convert(export, "--out", export.resolve("opportunities.mapping.json"))),
                "the LDJSON output", "the mapping file");
        assertRefused(before, run(convert(export, "--out", export.resolve("deal.schema.json"))), "the LDJSON output",
                "the schema file");
        assertRefused(before, run(convert(export, "--format", "junit=" + export.resolve("deals.ldjson"))),
                "the junit report", "the LDJSON output");
    }

    @Test
    void pushRefusesAReportOverTheBundleOrTheLedgerBeforeValidatingOrSending() throws Exception {
        Path input = accounts("o9");
        Files.writeString(input, ACCOUNTS.replace("\"PBR\"", "42")); // a wrong type: the push would stop with findings
        Path ledger = folder.resolve("o9.ledger.db");
        var before = snapshot();
        assertRefused(before, Run.runIn(Map.of(), "push", input.getParent(), "--ledger", ledger, "-o", input),
                "the text report", "the input");
        assertRefused(before, Run.runIn(Map.of(), "push", input.getParent(), "--ledger", ledger,
                "--format", "json=" + ledger), "the json report", "the ledger");
    }
}
