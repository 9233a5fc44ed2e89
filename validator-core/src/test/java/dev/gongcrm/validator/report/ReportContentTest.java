package dev.gongcrm.validator.report;

import dev.gongcrm.validator.Bundles;
import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the report writers put out for hostile values, and for a run whose finding limit left findings out. */
class ReportContentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A value that would clear the screen, forge a summary line and a GitHub command, ring, and reverse text. */
    static final String HOSTILE = "x\u001b[2J\u001b]0;pwned\u0007\nNo problems found (1 file, 1 object checked).\n"
            + "::error::forged\r\u009b31m\u007f\u202eevil\u2028y";

    @TempDir
    Path folder;

    /**
     * The JSON documents end their line, like every other format (a shell prompt after one on standard output
     * starts on its own line; a file ends as text files do), and leave the stream open for what follows.
     */
    @Test
    void jsonDocumentsEndTheirLineAndLeaveTheStreamOpen() throws Exception {
        ValidationResult result = new ValidationResult(List.of(), java.util.Map.of(), List.of("a.ldjson"), 1);
        for (ReportFormat format : List.of(ReportFormat.JSON, ReportFormat.SARIF)) {
            boolean[] closed = {false};
            StringWriter text = new StringWriter();
            java.io.Writer out = new java.io.FilterWriter(text) {
                @Override
                public void close() {
                    closed[0] = true;
                }
            };
            format.writer(Path.of("")).write(result, out);
            assertTrue(text.toString().endsWith("}\n"), format + ": " + text);
            assertFalse(closed[0], format + " closed the stream it was given");
            JSON.readTree(text.toString());
        }
    }

    static String write(ReportFormat format, ValidationResult result) throws Exception {
        StringWriter out = new StringWriter();
        format.writer().write(result, out);
        return out.toString();
    }

    private static ValidationResult one(String file, String message) {
        return new ValidationResult(List.of(new Finding("url-format", Severity.WARNING, file, 1, 5, "a1", "/url",
                message)), Map.of(Severity.WARNING, 1L), List.of(file), 1);
    }

    /** Whether the text holds a character a terminal or log would act on rather than show (line ends aside). */
    private static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> (c < 0x20 && c != '\n') || (c >= 0x7F && c <= 0x9F) || c == 0x202E
                || c == 0x2028);
    }

    @Test
    void controlCharactersFromTheDataAreEscapedInTextGithubAndTheMavenLog() throws Exception {
        ValidationResult result = one("acc\u001b[1mounts.ldjson", "field 'url' is '" + HOSTILE + "'");

        String text = write(ReportFormat.TEXT, result);
        assertFalse(hasControl(text), text);
        List<String> lines = text.lines().toList();
        assertEquals(3, lines.size(), "the finding, a blank line, the summary: " + text);
        assertTrue(lines.get(0).startsWith("acc\\u001B[1mounts.ldjson:1:5: warning[url-format] field 'url' is "
                + "'x\\u001B[2J\\u001B]0;pwned\\u0007\\nNo problems found (1 file, 1 object checked).\\n::error::forged"
                + "\\r\\u009B31m\\u007F\\u202Eevil\\u2028y'"), lines.get(0));
        assertTrue(lines.get(2).startsWith("Found 0 errors, 1 warning"), lines.get(2));

        String github = write(ReportFormat.GITHUB, result);
        assertFalse(hasControl(github), github);
        assertEquals(1, github.lines().count(), github);
        assertTrue(github.startsWith("::warning file=acc\\u001B[1mounts.ldjson,line=1,col=5,"), github);
        assertTrue(github.contains("\\nNo problems found") && github.contains("\\n::error::forged"), github);

        String log = ReportFormat.logLine(result.findings().get(0));
        assertFalse(hasControl(log), log);
        assertFalse(log.contains("\n"), log);
        assertTrue(log.startsWith("acc\\u001B[1mounts.ldjson:1:5: [url-format] field 'url' is 'x\\u001B[2J"), log);

        String junit = write(ReportFormat.JUNIT, result);
        assertFalse(junit.contains("\u001b") || junit.contains("\u0007") || junit.contains("\u202e"), junit);
    }

    @Test
    void ordinaryTextIsLeftAsItIs() {
        String text = "Müller, 東京 \uD83D\uDE00 'quoted' \\ back\\slash\ttab";
        assertEquals("Müller, 東京 \uD83D\uDE00 'quoted' \\ back\\slash\\ttab", Printable.escape(text));
        String plain = "field 'closeDate' is missing";
        assertTrue(plain == Printable.escape(plain), "no copy when nothing needs escaping");
    }

    @Test
    void junitXmlStaysWellFormedForCharactersXmlForbids() throws Exception {
        String forbidden = "\uFFFE \uFFFF \u0000 \u0008 \u001b \ud800 \udc00 & <tag> \"q\" \uD83D\uDE00";
        ValidationResult result = new ValidationResult(List.of(
                new Finding("url-format", Severity.ERROR, "bad\uFFFF.ldjson", 1, 5, null, null, forbidden)),
                Map.of(Severity.ERROR, 1L), List.of("bad\uFFFF.ldjson"), 1);
        String xml = write(ReportFormat.JUNIT, result);
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml)));
        String failure = document.getElementsByTagName("failure").item(0).getTextContent();
        assertTrue(failure.contains("\\uFFFE \\uFFFF \\u0000 \\u0008 \\u001B \\uD800 \\uDC00 & <tag> \"q\" \uD83D\uDE00"),
                failure);
        assertEquals("bad\\uFFFF.ldjson", document.getElementsByTagName("testcase").item(0).getAttributes()
                .getNamedItem("name").getTextContent());

        Path file = folder.resolve("junit.xml");
        ReportFiles.write(ReportFormat.JUNIT, result, Path.of(""), file);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());

        assertEquals("a\uFFFDb\uFFFD\uFFFDc\uFFFD&amp;\uD83D\uDE00", JunitReport.xml("a\uFFFEb\u0001\ud800c\udc00&\uD83D\uDE00"));
    }

    @Test
    void jsonWritesALoneSurrogateAsItsEscapeEvenWhenAPairIsSplitBetweenWrites() throws Exception {
        StringWriter out = new StringWriter();
        try (var writer = LoneSurrogates.escapingInJson(out)) {
            writer.write("\"\udc00a\uD83D");
            writer.write("\uDE00b\uD800");
            writer.write("\uD800");
            writer.write("\"");
        }
        assertEquals("\"\\uDC00a\uD83D\uDE00b\\uD800\\uD800\"", out.toString());
        assertEquals("\uFFFDa\uD83D\uDE00b\uFFFD", LoneSurrogates.replace("\udc00a\uD83D\uDE00b\ud800"));
        String same = "no surrogate";
        assertTrue(same == LoneSurrogates.replace(same));

        ValidationResult surrogate = one("accounts.ldjson", "field 'url' is 'bad\ud800 url'");
        String json = write(ReportFormat.JSON, surrogate);
        assertTrue(json.contains("bad\\uD800 url"), json);
        assertEquals("field 'url' is 'bad\ud800 url'", JSON.readTree(json).path("findings").path(0).path("message")
                .asString(), "parses back to the same value");
        String sarif = write(ReportFormat.SARIF, surrogate);
        assertTrue(sarif.contains("bad\\uD800 url"), sarif);
        assertEquals("field 'url' is 'bad\ud800 url'", JSON.readTree(sarif).path("runs").path(0).path("results")
                .path(0).path("message").path("text").asString());
    }

    /** One error and one warning kept; eleven more warnings raised, which the limit left out. */
    static final ValidationResult TRUNCATED = new ValidationResult(List.of(
            new Finding("missing-mandatory-field", Severity.ERROR, "accounts.ldjson", 3, 0, "a3", "/domains", "missing"),
            new Finding("unknown-field", Severity.WARNING, "accounts.ldjson", 1, 9, "a1", "/bogus", "unknown")),
            Map.of(Severity.ERROR, 1L, Severity.WARNING, 12L), List.of("accounts.ldjson"), 13);

    @Test
    void everyFormatSaysTheListIsTruncatedAndHowManyWereLeftOut() throws Exception {
        String notice = "Showing 2 of 13 findings, the most severe first: 11 left out (11 warnings); "
                + "raise the limit on findings to see all.";
        assertEquals(notice, TextReport.truncation(TRUNCATED));
        for (ReportFormat format : ReportFormat.values()) {
            assertTrue(write(format, TRUNCATED).contains(notice), format + ": " + write(format, TRUNCATED));
        }
        assertTrue(write(ReportFormat.TEXT, TRUNCATED).endsWith("(1 file, 13 objects checked). " + notice + "\n"));

        JsonNode json = JSON.readTree(write(ReportFormat.JSON, TRUNCATED)).path("summary");
        assertTrue(json.path("truncated").asBoolean());
        assertEquals(11, json.path("omitted").asInt());

        JsonNode run = JSON.readTree(write(ReportFormat.SARIF, TRUNCATED)).path("runs").path(0);
        assertEquals(11, run.path("properties").path("omittedFindings").asInt());
        JsonNode notification = run.path("invocations").path(0).path("toolExecutionNotifications").path(0);
        assertEquals("warning", notification.path("level").asString());
        assertEquals(notice, notification.path("message").path("text").asString());
        assertTrue(run.path("invocations").path(0).path("executionSuccessful").asBoolean());

        var junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(write(ReportFormat.JUNIT, TRUNCATED))));
        var property = junit.getElementsByTagName("property").item(0).getAttributes();
        assertEquals("gongcrm.omittedFindings", property.getNamedItem("name").getTextContent());
        assertEquals("11", property.getNamedItem("value").getTextContent());

        List<String> github = write(ReportFormat.GITHUB, TRUNCATED).lines().toList();
        assertEquals("::warning title=gongcrm findings left out::" + notice, github.get(github.size() - 1));

        List<String> csv = write(ReportFormat.CSV, TRUNCATED).lines().toList();
        assertEquals(",,,,truncated,,,\"" + notice.replace("\"", "\"\"") + "\"", csv.get(csv.size() - 1));
    }

    @Test
    void aCompleteListSaysNothingOfTruncation() throws Exception {
        ValidationResult complete = one("accounts.ldjson", "bad url");
        for (ReportFormat format : ReportFormat.values()) {
            assertFalse(write(format, complete).contains("left out"), format.id());
        }
        assertEquals(0, JSON.readTree(write(ReportFormat.JSON, complete)).path("summary").path("omitted").asInt(-1));
        assertTrue(JSON.readTree(write(ReportFormat.SARIF, complete)).path("runs").path(0).path("invocations")
                .isMissingNode());
    }

    @Test
    void theCapKeepsTheMostSevereFindingsAndCountsThemAll() {
        StringBuilder bundle = new StringBuilder("--- accounts.ldjson\n");
        for (int i = 0; i < 50; i++) { // a warning each: an unknown field
            bundle.append("{\"objectId\": \"w").append(i).append("\", \"modifiedDate\": \"2019-01-03T23:45:57Z\", "
                    + "\"name\": \"W\", \"domains\": [\"w.com\"], \"bogus\": 1}\n");
        }
        for (int i = 0; i < 5; i++) { // an error each: domains missing
            bundle.append("{\"objectId\": \"e").append(i).append("\", \"modifiedDate\": \"2019-01-03T23:45:57Z\", "
                    + "\"name\": \"E\"}\n");
        }
        ValidationResult result = Bundles.validate(Validator.builder().maxFindings(10).build(), bundle.toString());
        assertEquals(5, result.count(Severity.ERROR));
        assertEquals(50, result.count(Severity.WARNING));
        assertEquals(10, result.findings().size());
        assertEquals(5, result.findings().stream().filter(f -> f.severity() == Severity.ERROR).count(),
                "every error is kept");
        assertEquals(List.of(1, 2, 3, 4, 5, 51, 52, 53, 54, 55), result.findings().stream().map(Finding::line).toList(),
                "the first warnings, then the errors, in file order");
        assertEquals(45, result.omitted());
        assertEquals(45, result.omitted(Severity.WARNING));
        assertEquals(0, result.omitted(Severity.ERROR));
    }
}
