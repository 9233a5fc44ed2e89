package dev.gongcrm.validator.report;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Version;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/** A JSON document: tool, summary counts and every finding with its position. */
final class JsonReport implements ReportWriter {

    static final JsonFactory FACTORY = JsonFactory.builder().build();

    @Override
    public void write(ValidationResult result, Writer out) {
        try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(),
                LoneSurrogates.escapingInJson(endingTheLine(out)))) {
            json.writeStartObject();
            json.writeStringProperty("tool", "gongcrm");
            json.writeStringProperty("version", Version.get());
            json.writeName("summary");
            json.writeStartObject();
            json.writeNumberProperty("files", result.files().size());
            json.writeNumberProperty("objects", result.objects());
            for (Severity severity : Severity.values()) {
                json.writeNumberProperty(severity.id() + "s", result.count(severity));
            }
            json.writeNumberProperty("fixable", result.fixable());
            json.writeBooleanProperty("truncated", result.truncated());
            json.writeNumberProperty("omitted", result.omitted());
            if (result.truncated()) {
                json.writeStringProperty("notice", TextReport.truncation(result));
            }
            if (!result.skipped().isEmpty()) {
                json.writeName("skipped");
                json.writeStartArray();
                for (String file : result.skipped()) {
                    json.writeString(file);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeName("findings");
            json.writeStartArray();
            for (Finding finding : result.findings()) {
                json.writeStartObject();
                json.writeStringProperty("rule", finding.rule());
                json.writeStringProperty("severity", finding.severity().id());
                json.writeStringProperty("file", finding.file());
                json.writeNumberProperty("line", finding.line());
                if (finding.hasColumn()) {
                    json.writeNumberProperty("column", finding.column());
                }
                if (finding.objectId() != null) {
                    json.writeStringProperty("objectId", finding.objectId());
                }
                if (finding.field() != null) {
                    json.writeStringProperty("field", finding.field());
                }
                json.writeStringProperty("message", finding.message());
                if (finding.fixable()) {
                    json.writeBooleanProperty("fixable", true);
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /**
     * The target as a JSON document's generator is to close it: closing ends the document's line (a file
     * or a terminal gets a last line like any other) and leaves the target open (standard output goes on).
     */
    static Writer endingTheLine(Writer out) {
        return new FilterWriter(out) {
            @Override
            public void close() throws IOException {
                out.write('\n');
                out.flush();
            }
        };
    }
}
