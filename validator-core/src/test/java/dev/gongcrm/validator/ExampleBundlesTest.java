package dev.gongcrm.validator;

import dev.gongcrm.validator.rules.RuleCatalog;
import dev.gongcrm.validator.bundle.BundleException;
import dev.gongcrm.validator.report.ReportFormat;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundles under examples/: the valid one is clean, every mistake of the broken one is reported at its line. */
class ExampleBundlesTest {

    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final String BROKEN = EXAMPLES.resolve("broken-bundle") + "/";

    /** Every planted mistake: rule, file and line. */
    private static final List<String> EXPECTED = List.of(
            "invalid-enum-value " + BROKEN + "account.schema.json:3",
            "datetime-format " + BROKEN + "account.schema.json:3",
            "url-format " + BROKEN + "accounts.ldjson:1",
            "invalid-json " + BROKEN + "accounts.ldjson:1",
            "domain-format " + BROKEN + "accounts.ldjson:2",
            "picklist-value " + BROKEN + "accounts.ldjson:2",
            "unsorted-modified-date " + BROKEN + "accounts.ldjson:3",
            "datetime-format " + BROKEN + "contacts.ldjson:1",
            "missing-mandatory-field " + BROKEN + "contacts.ldjson:2",
            "unresolved-reference " + BROKEN + "deals.ldjson:2",
            "wrong-type " + BROKEN + "deals.ldjson:2",
            "unsorted-modified-date " + BROKEN + "deals.ldjson:3",
            "date-format " + BROKEN + "deals.ldjson:3",
            "inconsistent-deal-status " + BROKEN + "deals.ldjson:3",
            "unresolved-reference " + BROKEN + "deals.ldjson:3",
            "duplicate-object " + BROKEN + "deals.ldjson:4",
            "deprecated-field " + BROKEN + "deals.ldjson:4");

    private static final String CURRENT_BROKEN = EXAMPLES.resolve("current-broken-bundle") + "/";

    /** Every planted mistake the current profile sees and the legacy one would word or judge otherwise. */
    private static final List<String> CURRENT_EXPECTED = List.of(
            "missing-mandatory-field " + CURRENT_BROKEN + "account.schema.json:2 /1/uniqueName",
            "unknown-field " + CURRENT_BROKEN + "account.schema.json:2 /1/name",
            "missing-mandatory-field " + CURRENT_BROKEN + "account.schema.json:3 /2/label",
            "missing-mandatory-field " + CURRENT_BROKEN + "account.schema.json:3 /2/type",
            "missing-mandatory-field " + CURRENT_BROKEN + "accounts.ldjson:2 /modifiedDate",
            "deprecated-field " + CURRENT_BROKEN + "deals.ldjson:2 /isOpen",
            "deprecated-field " + CURRENT_BROKEN + "deals.ldjson:2 /isWon",
            "missing-recommended-field " + CURRENT_BROKEN + "deals.ldjson:3 /closeDate",
            "picklist-value " + CURRENT_BROKEN + "deals.ldjson:3 /status",
            "unresolved-reference " + CURRENT_BROKEN + "deals.ldjson:3 /stage",
            "duplicate-object " + CURRENT_BROKEN + "deals.ldjson:4 /objectId",
            "unknown-field " + CURRENT_BROKEN + "stages.ldjson:1 /internalName",
            "string-format " + CURRENT_BROKEN + "users.ldjson:2 /objectId");

    private static ValidationResult validate(String bundle) throws BundleException, IOException {
        return validate(bundle, "legacy");
    }

    private static ValidationResult validate(String bundle, String profile) throws BundleException, IOException {
        return Validator.builder().profile(profile).build().validate(List.of(EXAMPLES.resolve(bundle)));
    }

    @Test
    void theCurrentBundleHasNoFindingInTheCurrentProfile() throws Exception {
        ValidationResult result = validate("current-bundle", "current");
        assertEquals(List.of(), result.findings());
        assertEquals(8, result.files().size());
        assertEquals(14, result.objects());
    }

    @Test
    void theCurrentBrokenBundleReportsEachCurrentOnlyMistakeAtItsLine() throws Exception {
        ValidationResult result = validate("current-broken-bundle", "current");
        assertEquals(CURRENT_EXPECTED, result.findings().stream()
                .map(f -> f.rule() + " " + f.file() + ":" + f.line() + " " + f.field()).toList());
        assertTrue(result.findings().stream().filter(f -> f.rule().equals("duplicate-object")).findFirst().orElseThrow()
                .message().contains("Records that have multiple updates should be sent in separate files"));
    }

    private static String report(ValidationResult result, ReportFormat format) throws IOException {
        StringWriter out = new StringWriter();
        format.writer().write(result, out);
        return out.toString();
    }

    @Test
    void theValidBundleHasNoFinding() throws Exception {
        ValidationResult result = validate("valid-bundle");
        assertEquals(List.of(), result.findings());
        assertEquals(8, result.files().size());
        assertEquals(12, result.objects());
    }

    @Test
    void theBrokenBundleReportsEveryMistakeAtItsLine() throws Exception {
        ValidationResult result = validate("broken-bundle");
        assertEquals(EXPECTED, result.findings().stream().map(f -> f.rule() + " " + f.file() + ":" + f.line()).toList());
        assertTrue(result.hasAtLeast(Severity.ERROR));
    }

    @Test
    void theTextReportShowsFileLineColumnSeverityAndRule() throws Exception {
        String text = report(validate("broken-bundle"), ReportFormat.TEXT);
        assertTrue(text.contains(BROKEN + "deals.ldjson:2:263: error[wrong-type] field 'amount' must be a number"), text);
        assertTrue(text.contains(BROKEN + "contacts.ldjson:2: error[missing-mandatory-field]"), text);
        assertTrue(text.strip().endsWith("Found 13 errors, 4 warnings, 0 info (6 files, 14 objects checked). "
                + "'gongcrm fix' repairs 6 of them."), text);
    }

    @Test
    void theJsonReportHasTheSameFindings() throws Exception {
        JsonNode json = JsonMapper.builder().build().readTree(report(validate("broken-bundle"), ReportFormat.JSON));
        List<String> found = new ArrayList<>();
        json.path("findings").forEach(f -> found.add(f.path("rule").asString() + " " + f.path("file").asString()
                + ":" + f.path("line").asInt()));
        assertEquals(EXPECTED, found);
        assertEquals(13, json.path("summary").path("errors").asInt());
        assertEquals("/amount", json.path("findings").get(10).path("field").asString());
        assertEquals("8608554", json.path("findings").get(10).path("objectId").asString());
    }

    @Test
    void theSarifReportIsWhatCodeScanningReads() throws Exception {
        JsonNode sarif = JsonMapper.builder().build().readTree(report(validate("broken-bundle"), ReportFormat.SARIF));
        assertEquals("2.1.0", sarif.path("version").asString());
        JsonNode run = sarif.path("runs").get(0);
        assertEquals(RuleCatalog.all().size(), run.path("tool").path("driver").path("rules").size());
        List<String> found = new ArrayList<>();
        run.path("results").forEach(r -> {
            JsonNode location = r.path("locations").get(0).path("physicalLocation");
            found.add(r.path("ruleId").asString() + " " + location.path("artifactLocation").path("uri").asString()
                    + ":" + location.path("region").path("startLine").asInt());
            String ruleId = run.path("tool").path("driver").path("rules").get(r.path("ruleIndex").asInt())
                    .path("id").asString();
            assertEquals(r.path("ruleId").asString(), ruleId);
        });
        assertEquals(EXPECTED, found);
        assertEquals("warning", run.path("results").get(2).path("level").asString());
    }

    @Test
    void otherFormatsCarryEveryFinding() throws Exception {
        ValidationResult result = validate("broken-bundle");
        assertEquals(EXPECTED.size() + 1, report(result, ReportFormat.CSV).split("\r\n").length);
        assertEquals(EXPECTED.size(), report(result, ReportFormat.GITHUB).lines()
                .filter(l -> l.startsWith("::error ") || l.startsWith("::warning ")).count());
        String junit = report(result, ReportFormat.JUNIT);
        assertTrue(junit.contains("<testsuite name=\"gongcrm validate\" tests=\"6\" failures=\"4\""), junit);
    }
}
