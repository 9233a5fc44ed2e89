package dev.gongcrm.validator.report;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the html report file holds: the result as data the page's script reads (escaped so that no value can
 * become markup), the lines' text read from the files, and a size that stays proportionate. How a browser shows
 * it is tested in the cli module (HtmlReportBrowserTest).
 */
class HtmlReportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DATA_START = "<script type=\"application/json\" id=\"gongcrm-data\">";
    private static final String SCRIPT = "<script>alert(1)</script>";
    // field places in a finding's array (HtmlReport writes them, the page reads them)
    private static final int FILE = 0;
    private static final int MESSAGE = 5;
    private static final int OBJECT_ID = 6;
    private static final int FIELD = 7;
    private static final int EXCERPT = 8;
    private static final int MARK = 9;

    @TempDir
    Path folder;

    private static String html(ValidationResult result, Path base) throws Exception {
        StringWriter out = new StringWriter();
        ReportFormat.HTML.writer(base).write(result, out);
        return out.toString();
    }

    /** The JSON text inside the data element. */
    private static String dataText(String html) {
        int start = html.indexOf(DATA_START) + DATA_START.length();
        return html.substring(start, html.indexOf("</script>", start));
    }

    private static JsonNode data(String html) {
        return JSON.readTree(dataText(html));
    }

    private static ValidationResult result(List<Finding> findings) {
        return new ValidationResult(findings, Map.of(Severity.ERROR, (long) findings.size()),
                findings.stream().map(Finding::file).distinct().toList(), findings.size());
    }

    private static Finding finding(String file, int line, int column) {
        return new Finding("url-format", Severity.ERROR, file, line, column, "o" + line, "/url", "bad url");
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void valuesFromTheDataAreDataNeverMarkup() throws Exception {
        String file = "<img src=x onerror=alert(1)>&amp;.ldjson";
        Files.writeString(folder.resolve(file), "{\"objectId\": \"" + SCRIPT + "\", \"url\": \"</script><!--\"}\n");
        String message = "field 'url' is '</script><script>alert(1)</script><!-- --> & \u2028\u2029 \u001b[2J'";
        ValidationResult result = result(List.of(new Finding("url-format", Severity.WARNING, file, 1, 2,
                SCRIPT, "/a&b<c>", message)));

        String html = html(result, folder);

        assertEquals(2, count(html, "<script"), "the data element and the page's script, none from the data");
        assertEquals(2, count(html, "</script"));
        assertFalse(html.contains("<!--") || html.contains("<img"), html);
        String data = dataText(html);
        for (char raw : new char[] {'<', '>', '&', '\u2028', '\u2029'}) {
            assertEquals(-1, data.indexOf(raw), "written as a \\u escape: U+" + Integer.toHexString(raw));
        }
        JsonNode finding = data(html).path("findings").path(0);
        assertEquals(Printable.escape(message), finding.path(MESSAGE).asString(), "made printable as the text report");
        assertEquals(SCRIPT, finding.path(OBJECT_ID).asString());
        assertEquals("/a&b<c>", finding.path(FIELD).asString());
        assertEquals(file, data(html).path("files").path(finding.path(FILE).asInt()).asString());
        assertEquals("{\"objectId\": \"" + SCRIPT + "\", \"url\": \"</script><!--\"}",
                data(html).path("excerpts").path(finding.path(EXCERPT).asInt()).path(1).asString());
    }

    @Test
    void thePageRunsOnlyItsOwnStyleAndScriptAndCallsNothingOutside() throws Exception {
        String html = html(result(List.of()), folder);
        String policy = html.split("http-equiv=\"Content-Security-Policy\" content=\"", 2)[1].split("\"", 2)[0];
        assertTrue(policy.startsWith("default-src 'none'; style-src 'sha256-"), policy);
        assertTrue(policy.contains("; script-src 'sha256-"), policy);
        assertFalse(policy.contains("unsafe-inline"), policy);
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("src="),
                "no resource from anywhere: " + html);
    }

    @Test
    void countsAreTheRunsWithThoseThePastTheLimitAndItsNotice() throws Exception {
        ValidationResult truncated = new ValidationResult(ReportContentTest.TRUNCATED.findings(),
                ReportContentTest.TRUNCATED.counts(), ReportContentTest.TRUNCATED.files(),
                ReportContentTest.TRUNCATED.objects(), Map.of("missing-mandatory-field", 1L, "unknown-field", 12L));
        JsonNode data = data(html(truncated, folder));
        JsonNode summary = data.path("summary");
        assertEquals(1, summary.path("errors").asLong());
        assertEquals(12, summary.path("warnings").asLong());
        assertEquals(0, summary.path("infos").asLong());
        assertEquals(1, summary.path("files").asLong());
        assertEquals(13, summary.path("objects").asLong());
        assertEquals(TextReport.truncation(truncated), summary.path("notice").asString());
        assertEquals(TextReport.summary(truncated), data.path("headline").asString());
        assertEquals(2, data.path("findings").size());
        JsonNode rules = data.path("rules");
        assertEquals(2, rules.size());
        assertEquals("missing-mandatory-field", rules.path(0).path("name").asString(), "errors first");
        assertEquals("error", rules.path(0).path("severity").asString());
        assertEquals("docs/rules.md#missing-mandatory-field", rules.path(0).path("doc").asString());
        assertEquals(1, rules.path(0).path("count").asLong());
        assertEquals("unknown-field", rules.path(1).path("name").asString());
        assertEquals(1, truncated.findings().stream().filter(f -> f.rule().equals("unknown-field")).count());
        assertEquals(12, rules.path(1).path("count").asLong(), "those past the limit counted too");
    }

    @Test
    void theLinesAreReadFromTheFilesAsTheResultNamesThemRelativeToItsBase() throws Exception {
        Files.writeString(folder.resolve("accounts.ldjson"), "{\"objectId\": \"a1\"}\r\n{\"objectId\": \"a2\", "
                + "\"url\": \"x\"}\r\n{\"objectId\": \"a3\"}\n");
        ValidationResult result = result(List.of(finding("accounts.ldjson", 2, 21), finding("accounts.ldjson", 2, 0)));

        JsonNode data = data(html(result, folder));
        assertEquals(1, data.path("excerpts").size(), "one line, shown once for both findings");
        JsonNode excerpt = data.path("excerpts").path(0);
        assertEquals(0, excerpt.path(0).asInt());
        assertEquals("{\"objectId\": \"a2\", \"url\": \"x\"}", excerpt.path(1).asString(), "no \\r of the line end");
        assertFalse(excerpt.path(2).asBoolean());
        assertEquals(20, data.path("findings").path(0).path(MARK).asInt(), "the \" of \"url\" at column 21");
        assertEquals(-1, data.path("findings").path(1).path(MARK).asInt(), "no column, nothing marked");

        JsonNode fromElsewhere = data(html(result, folder.resolve("other")));
        assertEquals(0, fromElsewhere.path("excerpts").size(), "a base without the file shows no line");
        assertEquals(-1, fromElsewhere.path("findings").path(0).path(EXCERPT).asInt());
    }

    @Test
    void columnsCountCharactersAsTheValidatorDoesAndControlCharactersKeepTheirPlace() throws Exception {
        String line = "{\"name\": \"\uD83D\uDE00\u6771\u4eac\u00e9\t\u001b\u202e\", \"x\": 1}";
        Files.writeString(folder.resolve("deals.ldjson"), line + "\n");
        int column = line.codePointCount(0, line.indexOf("\"x\"")) + 1;
        ValidationResult result = result(List.of(finding("deals.ldjson", 1, column),
                finding("deals.ldjson", 1, line.codePointCount(0, line.length()) + 1)));

        JsonNode data = data(html(result, folder));
        String text = data.path("excerpts").path(0).path(1).asString();
        assertEquals(line.replace('\t', '\u2409').replace('\u001b', '\u241b').replace('\u202e', '\uFFFD'), text);
        int mark = data.path("findings").path(0).path(MARK).asInt();
        assertEquals("\"x\"", text.substring(mark, mark + 3), "a UTF-16 offset, past the surrogate pair");
        assertEquals(text.length(), data.path("findings").path(1).path(MARK).asInt(), "past the end: after the text");
    }

    @Test
    void aLongLineShowsAWindowAroundEachColumn() throws Exception {
        StringBuilder line = new StringBuilder("a".repeat(100_000));
        for (int column : new int[] {3, 50_000, 50_050, 99_990}) {
            line.setCharAt(column - 1, 'X');
        }
        Files.writeString(folder.resolve("leads.ldjson"), "{}\n" + line + "\n{}\n");
        List<Finding> findings = new ArrayList<>();
        for (int column : new int[] {3, 50_000, 50_050, 99_990}) {
            findings.add(finding("leads.ldjson", 2, column));
        }

        JsonNode data = data(html(result(findings), folder));
        JsonNode excerpts = data.path("excerpts");
        assertEquals(3, excerpts.size(), "50,000 and 50,050 share a window: " + excerpts);
        for (int i = 0; i < findings.size(); i++) {
            JsonNode finding = data.path("findings").path(i);
            JsonNode excerpt = excerpts.path(finding.path(EXCERPT).asInt());
            String text = excerpt.path(1).asString();
            assertTrue(text.length() <= SourceLines.WINDOW, "at most a window: " + text.length());
            assertEquals('X', text.charAt(finding.path(MARK).asInt()), "column " + findings.get(i).column());
            assertEquals(findings.get(i).column() - 1, excerpt.path(0).asInt() + finding.path(MARK).asInt());
        }
        assertEquals(0, excerpts.path(0).path(0).asInt());
        assertTrue(excerpts.path(0).path(2).asBoolean(), "the line goes on after the first window");
        assertEquals(50_000 - 1 - (SourceLines.WINDOW - SourceLines.AFTER), excerpts.path(1).path(0).asInt());
        assertFalse(excerpts.path(2).path(2).asBoolean(), "the last window reaches the line's end");
    }

    @Test
    void filesThatCannotBeShownShowNoLineAndFailNothing() throws Exception {
        Files.write(folder.resolve("binary.ldjson"), new byte[] {'{', 0, 1, 2, '\n', 'x', '\n'});
        Files.write(folder.resolve("utf16.ldjson"), "{\"a\": 1}\n".getBytes(StandardCharsets.UTF_16));
        Files.createDirectories(folder.resolve("folder.ldjson"));
        Files.writeString(folder.resolve("short.ldjson"), "{}\n");
        ValidationResult result = result(List.of(finding("binary.ldjson", 1, 1), finding("utf16.ldjson", 1, 1),
                finding("folder.ldjson", 1, 1), finding("missing.ldjson", 1, 1), finding("no\u0000path", 1, 1),
                finding("<stdin>", 1, 1), finding("short.ldjson", 2, 1)));

        JsonNode data = data(html(result, folder));
        assertEquals(0, data.path("excerpts").size(), data.toString());
        assertEquals(7, data.path("findings").size());
    }

    @Test
    void aHundredThousandFindingsMakeAFileNoBiggerThanTheJsonReportAndTheLinesShown() throws Exception {
        StringBuilder lines = new StringBuilder();
        List<Finding> findings = new ArrayList<>();
        for (int line = 1; line <= 50_000; line++) {
            lines.append("{\"objectId\": \"d").append(line).append("\", \"modifiedDate\": \"2024-01-01T00:00:00Z\", ")
                    .append("\"amount\": \"12\", \"closeDate\": \"2024-01-01T00:00:00Z\"}\n");
            findings.add(new Finding("wrong-type", Severity.ERROR, "deals.ldjson", line, 62, "d" + line, "/amount",
                    "field 'amount' must be a number, got a string ('12'); write 12 without quotes"));
            findings.add(new Finding("date-format", Severity.ERROR, "deals.ldjson", line, 76, "d" + line, "/closeDate",
                    "field 'closeDate': '2024-01-01T00:00:00Z' has a time part; this field is a date without time"));
        }
        Files.writeString(folder.resolve("deals.ldjson"), lines);
        ValidationResult result = result(findings);

        long start = System.nanoTime();
        String html = html(result, folder);
        long millis = (System.nanoTime() - start) / 1_000_000;
        StringWriter json = new StringWriter();
        ReportFormat.JSON.writer().write(result, json);

        JsonNode data = data(html);
        assertEquals(100_000, data.path("findings").size());
        assertEquals(50_000, data.path("excerpts").size(), "each line once for its two findings");
        long shownLines = lines.length();
        assertTrue(html.length() < json.toString().length() + shownLines, "html " + html.length() + " chars, json "
                + json.toString().length() + ", lines " + shownLines);
        assertTrue(millis < 20_000, "written in " + millis + " ms");
    }
}
