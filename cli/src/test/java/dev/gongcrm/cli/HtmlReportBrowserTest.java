package dev.gongcrm.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import static dev.gongcrm.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The html report as a person sees it: {@code gongcrm validate --format html=...} end to end, opened in headless
 * Chromium (see {@link HeadlessChromium}, one browser for the class). The page loads without a console error, shows
 * the json report's counts of the same run, filters by severity and rule, shows data as text (no script from the
 * data runs), and holds a bounded number of rows with 100,000 findings. Screenshots go to
 * {@code target/html-report/} for a person to look at.
 */
class HtmlReportBrowserTest {

    private static final Path BROKEN = Path.of("..", "examples", "broken-bundle");
    private static final Path SCREENSHOTS = Path.of("target", "html-report");
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String HOSTILE_FILE = "<img src=x onerror=alert(1)>leads.ldjson";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> SEVERITIES = List.of("error", "warning", "info");
    /** A page's findings, each with at most a file and a line row before it. */
    private static final int MAX_ROWS = 3 * 200;

    private static HeadlessChromium chromium;
    private static ChromeDriver browser;

    @TempDir
    Path folder;

    @BeforeAll
    static void startBrowser() {
        chromium = HeadlessChromium.start();
        browser = chromium.driver;
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** The html and json reports of one run of {@code validate} with these arguments; the page opened. */
    private JsonNode validate(Object... arguments) throws IOException {
        Path html = folder.resolve("report.html");
        Path json = folder.resolve("report.json");
        Object[] args = Stream.concat(Stream.of("validate", "--format", "html=" + html + ",json=" + json),
                Stream.of(arguments)).toArray();
        Run run = run(args);
        assertEquals(1, run.exit(), run.err());
        browser.get(html.toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(page -> page.findElement(By.id("range")).getDomAttribute("data-count") != null);
        return JSON.readTree(json.toFile());
    }

    private static Object js(String script) {
        return browser.executeScript(script);
    }

    private static long count(String id) {
        return Long.parseLong(browser.findElement(By.id(id)).getDomAttribute("data-count"));
    }

    private static long count(WebElement element) {
        return Long.parseLong(element.getDomAttribute("data-count"));
    }

    private static long rows(String selector) {
        return ((Number) js("return document.querySelectorAll('" + selector + "').length")).longValue();
    }

    /** The browser's console messages at SEVERE (errors, a Content-Security-Policy violation) since the last call. */
    private static List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                .toList();
    }

    private static void assertNoAlert() {
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), "the page opened an alert");
    }

    /** The whole page as a PNG, the window stretched to its height (at most 4,000 pixels). */
    private static void screenshot(String name) throws IOException {
        Dimension window = browser.manage().window().getSize();
        long height = ((Number) js("return document.documentElement.scrollHeight")).longValue();
        browser.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(4000, height + 140)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.manage().window().setSize(window);
        }
    }

    @Test
    void thePageShowsTheJsonReportsCountsFiltersAndKeepsDataAsText() throws Exception {
        Path bundle = Files.createDirectories(folder.resolve("bundle"));
        try (Stream<Path> files = Files.list(BROKEN)) {
            for (Path file : files.toList()) {
                Files.copy(file, bundle.resolve(file.getFileName()));
            }
        }
        Files.writeString(bundle.resolve(HOSTILE_FILE), "{\"objectId\": \"l1\", \"modifiedDate\": "
                + "\"2024-01-01T00:00:00Z\", \"emailAddress\": \"" + SCRIPT + "\", \"firstName\": \"</script><!--\", "
                + "\"lastName\": \"x\", \"<img src=x onerror=alert(1)>\": 1}\n");

        JsonNode json = validate("--severity", "domain-format=info", bundle);

        assertEquals(List.of(), consoleErrors());
        assertNoAlert();
        assertEquals(2, rows("script"), "the page's own two script elements, none from the data");
        assertEquals(0, rows("img"));

        JsonNode summary = json.path("summary");
        for (String severity : SEVERITIES) {
            assertEquals(summary.path(severity + "s").asLong(), count("count-" + severity), severity);
        }
        assertEquals(summary.path("files").asLong(), count("count-files"));
        assertEquals(summary.path("objects").asLong(), count("count-objects"));
        assertTrue(summary.path("infos").asLong() > 0 && summary.path("warnings").asLong() > 0);
        assertFalse(browser.findElement(By.id("notice")).isDisplayed(), "nothing left out");

        Map<String, Long> perRule = new HashMap<>();
        Map<String, Map<String, Long>> perFile = new HashMap<>();
        for (JsonNode finding : json.path("findings")) {
            perRule.merge(finding.path("rule").asString(), 1L, Long::sum);
            perFile.computeIfAbsent(finding.path("file").asString(), f -> new HashMap<>())
                    .merge(finding.path("severity").asString(), 1L, Long::sum);
        }
        List<WebElement> ruleRows = browser.findElements(By.cssSelector("#rules-body tr"));
        assertEquals(perRule.size(), ruleRows.size());
        for (WebElement row : ruleRows) {
            String rule = row.getDomAttribute("data-rule");
            assertEquals(perRule.get(rule), count(row.findElement(By.cssSelector("td.found"))), rule);
            assertEquals(perRule.get(rule), count(row.findElement(By.cssSelector("td.listed"))), rule);
            assertEquals("docs/rules.md#" + rule, row.findElement(By.cssSelector("a")).getDomAttribute("href"));
        }
        List<WebElement> fileRows = browser.findElements(By.cssSelector("#files-body tr"));
        assertEquals(perFile.size(), fileRows.size());
        for (WebElement row : fileRows) {
            Map<String, Long> expected = perFile.get(row.getDomAttribute("data-file"));
            for (WebElement cell : row.findElements(By.cssSelector("td[data-severity]"))) {
                assertEquals(expected.getOrDefault(cell.getDomAttribute("data-severity"), 0L), count(cell),
                        row.getDomAttribute("data-file") + " " + cell.getDomAttribute("data-severity"));
            }
        }
        long findings = json.path("findings").size();
        assertEquals(findings, count("range"));
        assertEquals(findings, rows("tr.finding"));

        // what came from the data is shown as it is, as text
        List<String> messages = browser.findElements(By.cssSelector("td.message")).stream().map(WebElement::getText)
                .toList();
        assertTrue(messages.contains("field 'emailAddress' is '" + SCRIPT + "', not an email address like "
                + "jane.doe@example.com"), messages.toString());
        assertTrue(browser.findElements(By.cssSelector("tr.file-row td")).stream()
                .anyMatch(cell -> cell.getText().endsWith("/" + HOSTILE_FILE)));
        WebElement hostileLine = browser.findElements(By.cssSelector("td.source code")).stream()
                .filter(line -> line.getText().contains("\"emailAddress\": \"" + SCRIPT + "\", \"firstName\": "
                        + "\"</script><!--\"")).findFirst().orElseThrow();
        assertEquals(List.of("\"", "\""), hostileLine.findElements(By.tagName("mark")).stream()
                .map(WebElement::getText).toList(), "the columns of its two findings, each a key's opening quote");

        // a severity filter hides that severity's findings, and only those
        browser.findElement(By.id("filter-warning")).click();
        assertEquals(0, rows("tr.finding[data-severity=warning]"));
        assertEquals(findings - summary.path("warnings").asLong(), count("range"));
        assertEquals(findings - summary.path("warnings").asLong(), rows("tr.finding"));
        assertTrue(browser.findElement(By.cssSelector("#rules-body tr[data-rule=url-format]"))
                .getDomAttribute("class").contains("dim"));
        browser.findElement(By.id("filter-warning")).click();
        assertEquals(findings, rows("tr.finding"));

        // a rule filter hides that rule's findings, and only those
        browser.findElement(By.cssSelector("input.rule-filter[data-rule=unresolved-reference]")).click();
        assertEquals(0, rows("tr.finding[data-rule=unresolved-reference]"));
        assertEquals(findings - perRule.get("unresolved-reference"), rows("tr.finding"));
        assertEquals(0, count(browser.findElement(By.cssSelector("#rules-body tr[data-rule=unresolved-reference] "
                + "td.listed"))));
        browser.findElement(By.id("rules-none")).click();
        assertEquals(0, count("range"));
        assertEquals(0, rows("tr.finding"));
        browser.findElement(By.id("rules-all")).click();
        assertEquals(findings, rows("tr.finding"));

        assertEquals(List.of(), consoleErrors());
        assertNoAlert();
        screenshot("report.png");
    }

    @Test
    void aTruncatedRunShowsTheNoticeAndCountsWhatWasLeftOut() throws Exception {
        JsonNode json = validate("--max-findings", "5", BROKEN);

        JsonNode summary = json.path("summary");
        assertTrue(summary.path("truncated").asBoolean());
        WebElement notice = browser.findElement(By.id("notice"));
        assertTrue(notice.isDisplayed());
        assertEquals(summary.path("notice").asString(), notice.getText());
        for (String severity : SEVERITIES) {
            assertEquals(summary.path(severity + "s").asLong(), count("count-" + severity), severity);
        }
        assertEquals(5, rows("tr.finding"));
        assertEquals(List.of(), consoleErrors());
    }

    @Test
    void aHundredThousandFindingsArePagedAndTheFileStaysSmallerThanTheJsonReport() throws Exception {
        Path bundle = Files.createDirectories(folder.resolve("big"));
        StringBuilder accounts = new StringBuilder();
        for (int i = 0; i < 50_000; i++) { // an error (no domains) and a warning (an unknown field) each
            accounts.append("{\"objectId\": \"a").append(i).append("\", \"modifiedDate\": \"2019-01-03T23:45:57Z\", ")
                    .append("\"name\": \"A\", \"bogus\": ").append(i).append("}\n");
        }
        Files.writeString(bundle.resolve("accounts.ldjson"), accounts);

        long start = System.nanoTime();
        JsonNode json = validate("--max-findings", "100000", bundle);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(100_000, json.path("findings").size());
        assertEquals(List.of(), consoleErrors());
        assertEquals(50_000, count("count-error"));
        assertEquals(50_000, count("count-warning"));
        assertEquals(100_000, count("range"));
        assertEquals(200, rows("tr.finding"));
        assertTrue(rows("#findings-body tr") <= MAX_ROWS, rows("#findings-body tr") + " rows");
        assertTrue(rows("tr") < MAX_ROWS + 100, "the whole page: " + rows("tr") + " rows");

        browser.findElement(By.id("page-last")).click();
        assertEquals("Page 500 of 500", browser.findElement(By.id("page-info")).getText());
        assertEquals(200, rows("tr.finding"));
        browser.findElement(By.id("filter-warning")).click();
        assertEquals(50_000, count("range"));
        assertEquals(0, rows("tr.finding[data-severity=warning]"));
        assertEquals("Page 1 of 250", browser.findElement(By.id("page-info")).getText());
        browser.findElement(By.id("filter-warning")).click();

        long html = Files.size(folder.resolve("report.html"));
        long jsonSize = Files.size(folder.resolve("report.json"));
        assertTrue(html < jsonSize, "html " + html + " bytes, json " + jsonSize);
        assertTrue(millis < 120_000, "validated, written and shown in " + millis + " ms");
        screenshot("report-100000.png");
    }
}
