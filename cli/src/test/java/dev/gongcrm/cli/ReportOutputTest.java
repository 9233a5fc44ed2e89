package dev.gongcrm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static dev.gongcrm.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Where and how {@code validate} writes its reports: what is at the path, what is in the data, what is left out. */
class ReportOutputTest {

    private static final String BROKEN = Path.of("..", "examples", "broken-bundle").toString();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ACCOUNT = "{\"objectId\": \"%s\", \"modifiedDate\": \"2019-01-03T23:45:57Z\", "
            + "\"name\": \"A\"%s}\n";

    @TempDir
    Path folder;



    private static boolean system(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isOther(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
    }

    private static String strictUtf8(Path file) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    }

    // 1. what is at the path

    @Test
    void aReportToADeviceNodeLeavesTheDevice() throws Exception {
        Path device = folder.resolve("dn");
        assumeTrue(system("mknod", device.toString(), "c", "1", "3"), "mknod needs root");
        Run run = run("validate", "-o", device.toString(), BROKEN);
        assertEquals(1, run.exit(), run.err());
        assertTrue(isOther(device), "dn is still a device node, not a regular file");
        assertEquals(0, Files.size(device), "a /dev/null-like device reads empty");
    }

    @Test
    void aReportToASymbolicLinkIsWrittenThroughIt() throws Exception {
        Path real = Files.writeString(folder.resolve("real.sarif"), "old");
        Path link = Files.createSymbolicLink(folder.resolve("link.sarif"), real);
        Run run = run("validate", "--format", "sarif=" + link, BROKEN);
        assertEquals(1, run.exit(), run.err());
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertTrue(Files.readString(real).contains("\"version\":\"2.1.0\""), "the report went to the link's target");
    }

    @Test
    void aReportToANamedPipeIsWrittenIntoThePipe() throws Exception {
        Path fifo = folder.resolve("report.pipe");
        assumeTrue(system("mkfifo", fifo.toString()), "mkfifo is missing");
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Run run = run("validate", "--format", "json", "-o", fifo.toString(), BROKEN);
        assertEquals(1, run.exit(), run.err());
        assertTrue(reader.get(20, TimeUnit.SECONDS).contains("\"errors\":13"));
        assertTrue(isOther(fifo), "the pipe is still a pipe");
    }

    // 2. a lone surrogate

    @Test
    void aLoneSurrogateInAValueIsWrittenToEveryReportFile() throws Exception {
        Path accounts = Files.writeString(folder.resolve("accounts.ldjson"), String.format(ACCOUNT, "a\\ud800",
                ", \"domains\": [\"x\\ud800.com\"], \"url\": \"bad\\ud800 url\""));
        for (String format : List.of("text", "json", "sarif", "junit", "github", "csv")) {
            Path report = folder.resolve("reports/r." + format);
            Run run = run("validate", "--fail-on", "never", "--format", format + "=" + report, accounts.toString());
            assertEquals(0, run.exit(), format + ": " + run.err());
            String text = strictUtf8(report);
            // JSON keeps the value with its escape, the formats people read show the escape, CSV replaces it
            String expected = format.equals("csv") ? "bad\uFFFD url" : "bad\\uD800 url";
            assertTrue(text.contains(expected), format + ": " + text);
        }
        JsonNode json = JSON.readTree(strictUtf8(folder.resolve("reports/r.json")));
        assertEquals(1, count(json.path("findings"), f -> f.path("message").asString().contains("'bad\ud800 url'")),
                "the value is kept exactly");
        JsonNode sarif = JSON.readTree(strictUtf8(folder.resolve("reports/r.sarif")));
        assertEquals(1, count(sarif.path("runs").path(0).path("results"),
                r -> r.path("message").path("text").asString().contains("'bad\ud800 url'")));
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(folder.resolve("reports/r.junit").toFile());
    }

    // 3. control characters from the data

    @Test
    void controlCharactersInAValueReachNeitherTheTerminalNorTheCiLog() throws Exception {
        String hostile = "x\\u001b[2J\\u001b]0;pwned\\u0007\\nNo problems found (1 file, 1 object checked).\\n"
                + "::error::forged\\r\\u009b31m";
        Path accounts = Files.writeString(folder.resolve("accounts.ldjson"),
                String.format(ACCOUNT, "a1", ", \"domains\": [\"a.com\"], \"url\": \"" + hostile + "\""));
        for (String format : List.of("text", "github")) {
            Run run = run("validate", "--format", format, "--fail-on", "never", accounts.toString());
            assertEquals(0, run.exit(), run.err());
            assertFalse(run.out().chars().anyMatch(c -> (c < 0x20 && c != '\n') || (c >= 0x7F && c <= 0x9F)),
                    format + ": " + run.out());
            for (String line : run.out().lines().toList()) {
                assertFalse(line.startsWith("No problems found") || line.startsWith("::error"), format + ": " + line);
            }
            assertTrue(run.out().contains("x\\u001B[2J\\u001B]0;pwned\\u0007\\nNo problems found"), run.out());
        }
        Run text = run("validate", "--fail-on", "never", accounts.toString());
        assertEquals(3, text.out().lines().count(), "one finding, a blank line, the summary: " + text.out());
    }

    // 5. the finding limit

    @Test
    void errorsPastManyWarningsSurviveTheLimitAndEveryFormatSaysWhatWasLeftOut() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 10_000; i++) { // a warning each: an unknown field
            lines.append(String.format(ACCOUNT, "w" + i, ", \"domains\": [\"w.com\"], \"bogus\": 1"));
        }
        for (int i = 0; i < 10; i++) { // an error each: domains missing
            lines.append(String.format(ACCOUNT, "e" + i, ""));
        }
        Path accounts = Files.writeString(folder.resolve("accounts.ldjson"), lines);
        List<String> args = new ArrayList<>(List.of("validate", "--max-findings", "10000", "--format", "text"));
        for (String format : List.of("json", "sarif", "junit", "github", "csv")) {
            args.addAll(List.of("--format", format + "=" + folder.resolve("r." + format)));
        }
        args.add(accounts.toString());
        Run run = run(args.toArray(String[]::new));
        assertEquals(1, run.exit(), run.err());

        String leftOut = "10 left out (10 warnings)";
        assertEquals(10, run.out().lines().filter(l -> l.contains(": error[missing-mandatory-field]")).count());
        assertTrue(run.out().contains("Found 10 errors, 10,000 warnings"), run.out().substring(run.out().length() - 300));
        assertTrue(run.out().contains(leftOut), run.out().substring(run.out().length() - 300));

        JsonNode json = JSON.readTree(Files.readString(folder.resolve("r.json")));
        assertTrue(json.path("summary").path("truncated").asBoolean());
        assertEquals(10, json.path("summary").path("omitted").asInt());
        assertEquals(10, count(json.path("findings"), f -> f.path("severity").asString().equals("error")));

        JsonNode sarif = JSON.readTree(Files.readString(folder.resolve("r.sarif"))).path("runs").path(0);
        assertEquals(10, count(sarif.path("results"), r -> r.path("level").asString().equals("error")));
        assertEquals(10, sarif.path("properties").path("omittedFindings").asInt());
        assertTrue(sarif.path("invocations").path(0).path("toolExecutionNotifications").path(0).path("message")
                .path("text").asString().contains(leftOut));

        String junit = Files.readString(folder.resolve("r.junit"));
        assertTrue(junit.contains("<failure type=\"gongcrm\" message=\"10 error(s)\">"), "the file fails");
        assertTrue(junit.contains("<property name=\"gongcrm.omittedFindings\" value=\"10\"/>"));
        assertTrue(junit.contains(leftOut));

        List<String> github = Files.readAllLines(folder.resolve("r.github"));
        assertEquals(10, github.stream().filter(l -> l.startsWith("::error ")).count());
        assertTrue(github.get(github.size() - 1).startsWith("::warning title=gongcrm findings left out::"));
        assertTrue(github.get(github.size() - 1).contains(leftOut));

        List<String> csv = Files.readAllLines(folder.resolve("r.csv"));
        assertEquals(10, csv.stream().filter(l -> l.contains(",error,missing-mandatory-field,")).count());
        assertTrue(csv.get(csv.size() - 1).startsWith(",,,,truncated,,,") && csv.get(csv.size() - 1).contains(leftOut),
                csv.get(csv.size() - 1));
    }

    private static long count(JsonNode array, java.util.function.Predicate<JsonNode> test) {
        return StreamSupport.stream(array.spliterator(), false).filter(test).count();
    }

    // 9. report paths and failures

    @Test
    void aReportPathWithACommaIsWrittenWithAnEscapedComma() throws Exception {
        Path withComma = folder.resolve("a,b.csv");
        Path json = folder.resolve("r.json");
        Run run = run("validate", "--format", "csv=" + folder.resolve("a\\,b.csv") + ",json=" + json, BROKEN);
        assertEquals(1, run.exit(), run.err());
        assertTrue(Files.readString(withComma).startsWith("file,line,column,severity,"));
        assertTrue(Files.readString(json).contains("\"errors\":13"));

        Path viaOutput = folder.resolve("c,d.csv");
        assertEquals(1, run("validate", "--format", "csv", "-o", viaOutput.toString(), BROKEN).exit());
        assertTrue(Files.readString(viaOutput).startsWith("file,line,column,severity,"));

        String help = run("validate", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("A comma in FILE is written \\, (e.g. --format 'csv=a\\,b.csv'), or give the file "
                + "with -o."), help);
    }

    @Test
    void aReportFormatWithoutAFileNameIsAClearError() {
        Run run = run("validate", "--format", "csv=", BROKEN);
        assertEquals(2, run.exit());
        assertEquals("gongcrm: error: --format csv=: name the report file after '=', e.g. csv=gongcrm.csv",
                run.err().strip());
    }

    @Test
    void aReportFileThatFailsAfterTheStdoutReportSaysWhichOutputsAreComplete() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("plain-file"), "");
        Path sarif = folder.resolve("r.sarif");
        Run run = run("validate", "--format", "text", "--format", "json=" + notAFolder.resolve("r.json"),
                "--format", "sarif=" + sarif, BROKEN);
        assertEquals(2, run.exit());
        assertTrue(run.out().strip().endsWith("(6 files, 14 objects checked). 'gongcrm fix' repairs 6 of them."),
                "the text report is whole");
        assertTrue(Files.readString(sarif).contains("\"version\":\"2.1.0\""), "the reports after it are written");
        assertEquals("gongcrm: error: cannot write the json report to '" + notAFolder.resolve("r.json") + "': '"
                + notAFolder + "' is not a folder; complete: the text report on standard output, the sarif report in '"
                + sarif + "'", run.err().strip());
    }

    @Test
    void anOutputNoFormatUsesIsAUsageErrorNotDroppedSilently() {
        Path unused = folder.resolve("unused.txt");
        Run run = run("validate", "-o", unused.toString(), "--format", "sarif=" + folder.resolve("r.sarif"), BROKEN);
        assertEquals(2, run.exit());
        assertEquals("gongcrm: error: -o " + unused + " would be ignored: every --format names its own file; drop -o, "
                + "or add the format it is for (e.g. --format text)", run.err().strip());
        assertFalse(Files.exists(unused));

        Path text = folder.resolve("report.txt");
        Path sarif = folder.resolve("both.sarif");
        assertEquals(1, run("validate", "-o", text.toString(), "--format", "text", "--format", "sarif=" + sarif, BROKEN)
                .exit());
        assertTrue(Files.exists(text) && Files.exists(sarif), "-o and --format FORMAT=FILE are both honoured");
    }

    @Test
    void maxFindingsZeroReportsTheCountsOnly() {
        Run run = run("validate", "--max-findings", "0", BROKEN);
        assertEquals(1, run.exit(), "the findings still fail the run");
        assertEquals("Found 13 errors, 4 warnings, 0 info (6 files, 14 objects checked). Counts only: 17 findings "
                + "left out (13 errors, 4 warnings). 'gongcrm fix' repairs 6 of them.\nTo repair them: gongcrm fix "
                + BROKEN + " --out DIR (or --diff to see the changes first)", run.out().strip());
    }

    @Test
    void statisticsCountEveryFindingOfEachRuleEvenPastTheLimit() {
        Run run = run("validate", "--statistics", BROKEN);
        assertEquals(1, run.exit());
        List<String> lines = run.out().stripTrailing().lines().toList();
        assertEquals(List.of("       2  datetime-format  (2 fixable)", "       2  unresolved-reference",
                "       2  unsorted-modified-date  (2 fixable)", "       1  date-format"), lines.subList(0, 4));
        assertEquals(17, lines.size(), "one line per rule that raised findings, the id index, then the summary and "
                + "the fix command");
        // 14 objectIds and one stage's internalName
        assertTrue(lines.get(14).matches("id index: 15 ids, 0\\.0 MB of heap \\([0-9,]+ bytes an id\\)"), lines.get(14));
        assertEquals("Found 13 errors, 4 warnings, 0 info (6 files, 14 objects checked). 'gongcrm fix' repairs 6 of "
                + "them.", lines.get(15));
        assertTrue(lines.get(16).startsWith("To repair them: gongcrm fix "), lines.get(16));
        assertEquals(lines.subList(0, 16), run("validate", "--statistics", "--max-findings", "1", BROKEN).out()
                .lines().toList().subList(0, 16), "counts do not depend on the findings kept, nor does the summary "
                + "speak of findings left out of a report it does not show");
    }

    /** A runner with a German locale prints what any other prints: one grouping comma, one decimal point. */
    @Test
    void statisticsReadTheSameInEveryLocale() {
        String english = run("validate", "--statistics", BROKEN).out();
        java.util.Locale before = java.util.Locale.getDefault(java.util.Locale.Category.FORMAT);
        try {
            java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, java.util.Locale.GERMANY);
            assertEquals(english, run("validate", "--statistics", BROKEN).out());
        } finally {
            java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, before);
        }
    }

    /** The counts go to standard output whatever else is written, and never in place of a machine report. */
    @Test
    void statisticsBesideReportFilesAndQuiet() throws Exception {
        Path report = Files.createTempDirectory("statistics").resolve("report.txt");
        Run toFile = run("validate", "--statistics", "-o", report.toString(), BROKEN);
        assertEquals(1, toFile.exit());
        assertTrue(toFile.out().startsWith("       2  datetime-format  (2 fixable)\n"), toFile.out());
        assertTrue(Files.readString(report).contains("error[unresolved-reference]"), "the report is written too");
        Run json = run("validate", "--statistics", "--format", "json", BROKEN);
        assertEquals(2, json.exit());
        assertTrue(json.err().startsWith("gongcrm: error: --statistics prints its counts on standard output, where "
                + "the json report would go; write that report to a file (--format json=FILE)"), json.err());
        Run quiet = run("validate", "--statistics", "-q", BROKEN);
        assertEquals(15, quiet.out().lines().count(), "the counts, the index, no summary: " + quiet.out());
    }

    @Test
    void quietPrintsTheFindingsAndNothingElse() {
        Run loud = run("validate", BROKEN);
        Run quiet = run("validate", "--quiet", BROKEN);
        assertEquals(1, quiet.exit(), "the exit code still tells the outcome");
        String findingsOnly = loud.out().substring(0, loud.out().lastIndexOf("\n\nFound ") + 1);
        assertEquals(findingsOnly, quiet.out());
        Run valid = run("validate", "-q", Path.of("..", "examples", "valid-bundle").toString());
        assertEquals(0, valid.exit());
        assertEquals("", valid.out(), "nothing found, nothing printed");
    }

    @Test
    void theFixCommandNamesTheSameBundleAndStaysOutOfMachineReadOutput() throws Exception {
        Path odd = Files.createDirectories(folder.resolve("it's a bundle"));
        Files.writeString(odd.resolve("export.ldjson"),
                "{\"objectId\": \"a1\", \"modifiedDate\": \"2019-01-03T22:45:57.000Z\", \"name\": \"PBR\", \"domains\": [\"pbr.com\"]}\n");
        Run run = run("validate", "--type", "ACCOUNT", odd.toString());
        assertEquals(1, run.exit());
        String command = "gongcrm fix '" + odd.toString().replace("'", "'\\''") + "' --type=ACCOUNT";
        assertTrue(run.out().strip().endsWith("'gongcrm fix' repairs it.\nTo repair them: " + command
                + " --out DIR (or --diff to see the changes first)"), run.out());

        Run json = run("validate", "--format", "json", BROKEN);
        JsonNode report = JsonMapper.builder().build().readTree(json.out());
        assertEquals(6, report.path("summary").path("fixable").asInt(), "standard output is the JSON document alone");
        assertFalse(run("validate", "--quiet", BROKEN).out().contains("To repair them"));
        assertFalse(run("validate", Path.of("..", "examples", "valid-bundle").toString()).out().contains("gongcrm fix"));
    }

    @Test
    void colourOnATerminalUnlessNoColorIsSet() {
        StringWriter coloured = new StringWriter();
        GongCrm.run(new GongCrm(java.util.Map.of(), true), new String[] {"validate", BROKEN}, new PrintWriter(coloured),
                new PrintWriter(new StringWriter()));
        assertTrue(coloured.toString().contains(": \u001B[1;31merror\u001B[0m[\u001B[36minvalid-json\u001B[0m] "),
                coloured.toString());
        StringWriter plain = new StringWriter();
        GongCrm.run(new GongCrm(java.util.Map.of("NO_COLOR", "1"), true), new String[] {"validate", BROKEN},
                new PrintWriter(plain), new PrintWriter(new StringWriter()));
        assertEquals(run("validate", BROKEN).out(), plain.toString(), "NO_COLOR: the plain report");
        assertFalse(run("validate", BROKEN).out().contains("\u001B"), "no terminal: no escapes");
    }
}
