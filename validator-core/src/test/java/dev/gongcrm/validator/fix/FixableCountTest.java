package dev.gongcrm.validator.fix;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.report.ReportFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The count of findings validation says {@code gongcrm fix} repairs is what the fixer repairs: per rule, the
 * findings before a fix less those after it, on bundles that mix what the fixer repairs with what it leaves.
 */
class FixableCountTest {

    private static final String DEAL = "{\"objectId\": \"%s\", \"modifiedDate\": \"%s\", "
            + "\"accountId\": \"5ybyh6n6n65\", \"ownerId\": \"5486951\", \"name\": \"Deal name\", "
            + "\"createdDate\": \"2022-02-04T17:57:23Z\", \"closeDate\": \"2022-09-04\", \"isOpen\": %s, "
            + "\"isWon\": false, \"stage\": \"discovery\"%s}";
    private static final String ACCOUNT = "{\"objectId\": \"%s\", \"modifiedDate\": \"%s\", \"name\": \"PBR\", "
            + "\"domains\": [\"pbr.com\"]}";

    @TempDir
    Path folder;

    private static String deal(String id, String modified, String isOpen, String more) {
        return String.format(DEAL, id, modified, isOpen, more);
    }

    private Path bundle(String name, Map<String, List<String>> files) throws IOException {
        Path bundle = Files.createDirectories(folder.resolve(name));
        for (Map.Entry<String, List<String>> file : files.entrySet()) {
            Files.writeString(bundle.resolve(file.getKey()), String.join("\n", file.getValue()) + "\n");
        }
        return bundle;
    }

    /** Asserts, rule by rule, that the fixable count of a validation is what a fix then removes. */
    private ValidationResult assertCountIsWhatTheFixRepairs(Path bundle, String profile) throws Exception {
        ValidationResult before = Validator.builder().profile(profile).build().validate(List.of(bundle));
        Path fixed = folder.resolve(bundle.getFileName() + "-fixed");
        new BundleFixer(FixOptions.defaults().withProfile(profile)).fixInto(List.of(bundle), fixed);
        ValidationResult after = Validator.builder().profile(profile).build().validate(List.of(fixed));
        Map<String, Long> repaired = new TreeMap<>();
        before.ruleCounts().forEach((rule, count) -> {
            long left = after.ruleCounts().getOrDefault(rule, 0L);
            if (left < count) {
                repaired.put(rule, count - left);
            }
        });
        assertEquals(repaired, new TreeMap<>(before.fixableCounts()));
        assertEquals(before.fixable(), before.findings().stream().filter(Finding::fixable).count(),
                "each finding counted is marked");
        assertTrue(before.fixable() > 0, "the bundle has something to repair");
        return before;
    }

    @Test
    void theBrokenExampleBundle() throws Exception {
        ValidationResult result = assertCountIsWhatTheFixRepairs(Path.of("..", "examples", "broken-bundle"), "legacy");
        assertEquals(Map.of("unsorted-modified-date", 2L, "datetime-format", 2L, "wrong-type", 1L,
                "deprecated-field", 1L), result.fixableCounts());
    }

    @Test
    void wrongTypesThatCanMeanOnlyOneValue() throws Exception {
        assertCountIsWhatTheFixRepairs(bundle("types", Map.of("deals.ldjson", List.of(
                deal("1", "2022-02-04T18:24:59Z", "\"true\"", ", \"amount\": \"12000.5\""),
                deal("2", "2022-02-04T18:25:59Z", "\"yes\"", ", \"amount\": \"1,000\""),
                deal("3", "2022-02-04T18:26:59Z", "\"false\"", ", \"amount\": \" 7000\""),
                deal("4", "2022-02-04T18:27:59Z", "true", ", \"amount\": \"-3e2\"")))), "legacy");
    }

    @Test
    void datetimesWhoseOnlyFaultIsTheirFraction() throws Exception {
        assertCountIsWhatTheFixRepairs(bundle("datetimes", Map.of("accounts.ldjson", List.of(
                String.format(ACCOUNT, "a1", "2019-01-03T22:45:57.000Z"),
                String.format(ACCOUNT, "a2", "2019-01-03T22:46:57"),
                String.format(ACCOUNT, "a3", "2019-01-03T22:47:57.123"),
                String.format(ACCOUNT, "a4", "2019-01-03T22:48:57.5+01:00"),
                String.format(ACCOUNT, "a5", "2019-01-03 22:49:57Z")))), "legacy");
    }

    @Test
    void deprecatedFieldsWhoseReplacementIsFreeOrHoldsTheSameValue() throws Exception {
        ValidationResult result = assertCountIsWhatTheFixRepairs(bundle("deprecated", Map.of("deals.ldjson", List.of(
                deal("1", "2022-02-04T18:24:59Z", "true", ", \"estimatedAmount\": 7000"),
                deal("2", "2022-02-04T18:25:59Z", "true", ", \"estimatedAmount\": 7000.0, \"amount\": 7000"),
                deal("3", "2022-02-04T18:26:59Z", "true", ", \"amount\": 7000, \"estimatedAmount\": 8000"),
                deal("4", "2022-02-04T18:27:59Z", "true", ", \"estimatedAmount\": 7000, \"actualAmount\": 8000"),
                deal("5", "2022-02-04T18:28:59Z", "true", ", \"estimatedAmount\": 7000, \"actualAmount\": 7000")))),
                "legacy");
        assertEquals(Map.of("deprecated-field", 5L), result.fixableCounts(), "of 7 deprecated-field findings");
    }

    @Test
    void unsortedLinesAndSchemaFileDefinitions() throws Exception {
        Map<String, List<String>> files = new HashMap<>();
        files.put("accounts.ldjson", List.of(
                String.format(ACCOUNT, "a1", "2019-01-05T09:12:00Z"),
                String.format(ACCOUNT, "a2", "2019-01-04T22:45:57Z"),
                String.format(ACCOUNT, "a3", "2019-01-03T22:45:57Z"),
                String.format(ACCOUNT, "a4", "2019-01-06T22:45:57Z")));
        files.put("deal.schema.json", List.of(
                "[{\"name\": \"region\", \"label\": \"Region\", \"type\": \"STRING\", \"lastModified\": \"2020-11-11T08:11:34.120+01:00\"},",
                " {\"uniqueName\": \"size\", \"name\": \"size\", \"label\": \"Size\", \"type\": \"NUMBER\", \"lastModified\": \"2020-11-11T08:11:34Z\"},",
                " {\"uniqueName\": \"tier\", \"name\": \"level\", \"label\": \"Tier\", \"type\": \"STRING\", \"lastModified\": \"2020-11-11T08:11:34.5\"}]"));
        assertCountIsWhatTheFixRepairs(bundle("legacy", files), "legacy");
        assertCountIsWhatTheFixRepairs(bundle("current", files), "current");
    }

    @Test
    void theSummaryAndTheJsonReportSayIt() throws Exception {
        ValidationResult result = Validator.builder().build().validate(List.of(Path.of("..", "examples", "broken-bundle")));
        assertTrue(ReportFormat.summary(result).endsWith(" 'gongcrm fix' repairs 6 of them."), ReportFormat.summary(result));
        StringWriter json = new StringWriter();
        ReportFormat.JSON.writer().write(result, json);
        assertTrue(json.toString().contains("\"fixable\":6,"), json.toString());
        assertEquals(6, json.toString().split("\"fixable\":true", -1).length - 1);

        ValidationResult valid = Validator.builder().build().validate(List.of(Path.of("..", "examples", "valid-bundle")));
        assertTrue(ReportFormat.summary(valid).startsWith("No problems found"));
    }
}
