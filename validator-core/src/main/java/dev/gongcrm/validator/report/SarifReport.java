package dev.gongcrm.validator.report;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.RuleSettings;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Version;
import dev.gongcrm.validator.rules.RuleCatalog;
import dev.gongcrm.validator.rules.RuleMeta;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, as code-scanning tools read it: {@code ruleId} is the rule name, {@code level} its
 * severity (info becomes {@code note}), locations are relative URIs with 1-based lines and columns,
 * and every rule of the catalog is described under {@code tool.driver.rules}, its
 * {@code defaultConfiguration.level} the severity it has in the run's API profile (as {@code gongcrm
 * rules --profile} shows it). A severity the user changed is, as SARIF has it, an override of that
 * default: listed under the invocation's {@code ruleConfigurationOverrides}, and the level of the
 * rule's results.
 */
final class SarifReport implements ReportWriter {

    @Override
    public void write(ValidationResult result, Writer out) {
        List<RuleMeta> rules = RuleCatalog.all();
        Map<String, Integer> ruleIndex = new HashMap<>();
        try (JsonGenerator json = JsonReport.FACTORY.createGenerator(ObjectWriteContext.empty(),
                LoneSurrogates.escapingInJson(JsonReport.endingTheLine(out)))) {
            json.writeStartObject();
            json.writeStringProperty("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.writeStringProperty("version", "2.1.0");
            json.writeName("runs");
            json.writeStartArray();
            json.writeStartObject();
            json.writeName("tool");
            json.writeStartObject();
            json.writeName("driver");
            json.writeStartObject();
            json.writeStringProperty("name", "gongcrm");
            json.writeStringProperty("version", Version.get());
            json.writeName("rules");
            json.writeStartArray();
            for (RuleMeta rule : rules) {
                ruleIndex.put(rule.name(), ruleIndex.size());
                writeRule(json, rule, result.ruleSettings());
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
            List<RuleMeta> overridden = rules.stream().filter(rule -> result.ruleSettings().severity(rule)
                    != result.ruleSettings().profileSeverity(rule)).toList();
            if (result.truncated() || !overridden.isEmpty()) {
                writeInvocation(json, result, overridden, ruleIndex);
            }
            if (result.truncated()) {
                writeTruncationProperties(json, result);
            }
            json.writeName("results");
            json.writeStartArray();
            for (Finding finding : result.findings()) {
                writeResult(json, finding, ruleIndex.get(finding.rule()));
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /**
     * The run's invocation: the rules whose severity the user changed from the profile's, and, when the
     * results are not all, a warning notification, which viewers show.
     */
    private static void writeInvocation(JsonGenerator json, ValidationResult result, List<RuleMeta> overridden,
                                        Map<String, Integer> ruleIndex) {
        json.writeName("invocations");
        json.writeStartArray();
        json.writeStartObject();
        json.writeBooleanProperty("executionSuccessful", true);
        if (!overridden.isEmpty()) {
            json.writeName("ruleConfigurationOverrides");
            json.writeStartArray();
            for (RuleMeta rule : overridden) {
                json.writeStartObject();
                json.writeName("descriptor");
                json.writeStartObject();
                json.writeStringProperty("id", rule.name());
                json.writeNumberProperty("index", ruleIndex.get(rule.name()));
                json.writeEndObject();
                json.writeName("configuration");
                json.writeStartObject();
                json.writeStringProperty("level", level(result.ruleSettings().severity(rule)));
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        if (result.truncated()) {
            json.writeName("toolExecutionNotifications");
            json.writeStartArray();
            json.writeStartObject();
            json.writeStringProperty("level", "warning");
            json.writeName("message");
            text(json, TextReport.truncation(result));
            json.writeEndObject();
            json.writeEndArray();
        }
        json.writeEndObject();
        json.writeEndArray();
    }

    /** That the results are not all: the number left out, in the run's property bag, for tools. */
    private static void writeTruncationProperties(JsonGenerator json, ValidationResult result) {
        json.writeName("properties");
        json.writeStartObject();
        json.writeBooleanProperty("truncated", true);
        json.writeNumberProperty("omittedFindings", result.omitted());
        json.writeEndObject();
    }

    private static void writeRule(JsonGenerator json, RuleMeta rule, RuleSettings settings) {
        json.writeStartObject();
        json.writeStringProperty("id", rule.name());
        json.writeName("shortDescription");
        text(json, rule.summary());
        json.writeName("fullDescription");
        text(json, "Gong's documentation: \"" + rule.seed() + "\"");
        json.writeName("help");
        text(json, rule.summary() + "\nRun 'gongcrm rules " + rule.name() + "' for a bad and a good example.");
        json.writeName("defaultConfiguration");
        json.writeStartObject();
        json.writeStringProperty("level", level(settings.profileSeverity(rule)));
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeResult(JsonGenerator json, Finding finding, Integer index) {
        json.writeStartObject();
        json.writeStringProperty("ruleId", finding.rule());
        if (index != null) {
            json.writeNumberProperty("ruleIndex", index);
        }
        json.writeStringProperty("level", level(finding.severity()));
        json.writeName("message");
        text(json, finding.message());
        json.writeName("locations");
        json.writeStartArray();
        json.writeStartObject();
        json.writeName("physicalLocation");
        json.writeStartObject();
        json.writeName("artifactLocation");
        json.writeStartObject();
        json.writeStringProperty("uri", uri(finding.file()));
        json.writeEndObject();
        if (finding.line() > 0) {
            json.writeName("region");
            json.writeStartObject();
            json.writeNumberProperty("startLine", finding.line());
            if (finding.hasColumn()) {
                json.writeNumberProperty("startColumn", finding.column());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
        if (finding.objectId() != null || finding.field() != null) {
            json.writeName("properties");
            json.writeStartObject();
            if (finding.objectId() != null) {
                json.writeStringProperty("objectId", finding.objectId());
            }
            if (finding.field() != null) {
                json.writeStringProperty("field", finding.field());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void text(JsonGenerator json, String text) {
        json.writeStartObject();
        json.writeStringProperty("text", text);
        json.writeEndObject();
    }

    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** A relative path as a URI reference: forward slashes, spaces and the like percent-encoded. */
    static String uri(String file) {
        String path = file.replace('\\', '/');
        if (path.startsWith("./")) {
            path = path.substring(2);
        }
        StringBuilder encoded = new StringBuilder();
        for (int c : LoneSurrogates.replace(path).codePoints().toArray()) {
            if (Character.isLetterOrDigit(c) || "-._~/".indexOf(c) >= 0) {
                encoded.appendCodePoint(c);
            } else {
                for (byte b : Character.toString(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    encoded.append('%').append(String.format("%02X", b & 0xFF));
                }
            }
        }
        return encoded.toString();
    }
}
