package dev.gongcrm.validator.report;

import dev.gongcrm.validator.Bundles;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.rules.CatalogText;
import dev.gongcrm.validator.rules.RuleConfig;
import dev.gongcrm.validator.schema.ProfileSchemas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SARIF describes each rule at its default in the run's profile, the severity {@code gongcrm rules
 * --profile} lists for it, and a severity the user changed as an override that its results carry.
 */
class SarifRuleLevelsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BUNDLE = "--- accounts.ldjson\n{\"objectId\": \"a1\", \"modifiedDate\": "
            + "\"2024-01-02T03:04:05Z\", \"name\": \"Acme\", \"domains\": [\"acme.com\"], \"region\": \"EMEA\"}\n";

    private static JsonNode sarifRun(String profile, Map<String, Severity> severities) throws Exception {
        ValidationResult result = Validator.builder().profile(profile)
                .rules(new RuleConfig(Set.of(), Set.of(), severities)).build().validateFiles(Bundles.parse(BUNDLE));
        return JSON.readTree(ReportContentTest.write(ReportFormat.SARIF, result)).path("runs").path(0);
    }

    /** The defaultConfiguration level of each rule descriptor, by rule. */
    private static Map<String, String> ruleLevels(JsonNode run) {
        Map<String, String> levels = new HashMap<>();
        for (JsonNode rule : run.path("tool").path("driver").path("rules")) {
            levels.put(rule.path("id").asString(), rule.path("defaultConfiguration").path("level").asString());
        }
        return levels;
    }

    @Test
    void aRuleIsDescribedAtItsSeverityInTheRunsProfile() throws Exception {
        assertEquals("warning", ruleLevels(sarifRun("legacy", Map.of())).get("dropped-schema-field"));
        assertEquals("error", ruleLevels(sarifRun("current", Map.of())).get("dropped-schema-field"));
    }

    @Test
    void everyRuleIsDescribedAsGongcrmRulesListsItForTheProfile() throws Exception {
        for (String profile : ProfileSchemas.PROFILES) {
            Map<String, String> levels = ruleLevels(sarifRun(profile, Map.of()));
            List<String> table = CatalogText.table(profile);
            for (String row : table.subList(1, table.size())) {
                String[] columns = row.split("\\s+");
                String expected = columns[1].equals("info") ? "note" : columns[1];
                assertEquals(expected, levels.get(columns[0]), profile + ": " + row);
            }
            assertEquals(table.size() - 1, levels.size(), profile);
        }
    }

    @Test
    void aSeverityTheUserChangedIsAnOverrideThatItsResultsCarry() throws Exception {
        JsonNode run = sarifRun("current", Map.of("unknown-field", Severity.ERROR));
        assertEquals("warning", ruleLevels(run).get("unknown-field"), "the profile's default");
        JsonNode overrides = run.path("invocations").path(0).path("ruleConfigurationOverrides");
        assertEquals(1, overrides.size(), overrides.toString());
        assertEquals("unknown-field", overrides.path(0).path("descriptor").path("id").asString());
        JsonNode descriptor = run.path("tool").path("driver").path("rules")
                .path(overrides.path(0).path("descriptor").path("index").asInt());
        assertEquals("unknown-field", descriptor.path("id").asString(), "the index names the same rule");
        assertEquals("error", overrides.path(0).path("configuration").path("level").asString());
        JsonNode result = run.path("results").path(0);
        assertEquals("unknown-field", result.path("ruleId").asString(), run.path("results").toString());
        assertEquals("error", result.path("level").asString());

        assertTrue(sarifRun("current", Map.of("dropped-schema-field", Severity.ERROR)).path("invocations").isMissingNode(),
                "a severity set to the profile's own default overrides nothing");
    }
}
