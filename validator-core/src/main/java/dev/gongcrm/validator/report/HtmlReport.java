package dev.gongcrm.validator.report;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Version;
import dev.gongcrm.validator.rules.CatalogText;
import dev.gongcrm.validator.rules.RuleCatalog;
import dev.gongcrm.validator.rules.RuleMeta;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One self-contained HTML page a person opens in a browser: a summary, filters by severity and rule, and the
 * findings grouped by file and line, each with the line's text and its column marked, a page at a time.
 *
 * <p>The page ({@code html-report.html}) holds no data of its own: the result is one JSON document inside a
 * {@code <script type="application/json">} element, in which {@code <}, {@code >}, {@code &} and U+2028/U+2029
 * are written as {@code \}{@code uXXXX} escapes, so no value can end the element or open a comment; the page's
 * script builds every element from it with {@code textContent}, never parsing data as markup. A
 * Content-Security-Policy admits only the page's own style and script (by their hashes) and no network access,
 * so even markup that got in could neither run nor call out.
 *
 * <p>Text from the data is made {@link Printable} as in the text report; the lines are read from the files
 * ({@link SourceLines}), resolved against the folder the result names them relative to.
 */
final class HtmlReport implements ReportWriter {

    /**
     * Where a rule's documentation is: the project publishes no site (its POM has no {@code <url>} or
     * {@code <scm>}), so a rule links to its section of {@code docs/rules.md}, relative to the report.
     */
    static final String RULE_DOCS = "docs/rules.md";
    /** Finding severities in the order the data numbers them: the most severe first. */
    private static final List<Severity> SEVERITIES = List.of(Severity.ERROR, Severity.WARNING, Severity.INFO);
    private static final String DATA = "%DATA%";
    private static final String POLICY = "%CSP%";

    /**
     * The page around the data and the generator of the data, made by the first html report of a run: a run
     * that writes none (every other format) does not read the page from the jar nor hash its script.
     */
    private static final class Template {
        static final JsonFactory FACTORY = JsonFactory.builder()
                .characterEscapes(new ScriptSafeEscapes())
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET) // the page goes on after the data
                .build();
        static final String[] PAGE = page();
    }

    /** The folder the result's relative file names are relative to, where the lines are read. */
    private final Path base;

    HtmlReport(Path base) {
        this.base = base;
    }

    @Override
    public void write(ValidationResult result, Writer out) throws IOException {
        out.write(Template.PAGE[0]);
        Writer data = LoneSurrogates.escapingInJson(out);
        try (JsonGenerator json = Template.FACTORY.createGenerator(ObjectWriteContext.empty(), data)) {
            writeData(json, result, SourceLines.read(base, result.findings()));
        }
        out.write(Template.PAGE[1]);
    }

    private static void writeData(JsonGenerator json, ValidationResult result, SourceLines.Lines lines) {
        json.writeStartObject();
        json.writeStringProperty("version", Version.get());
        json.writeStringProperty("headline", TextReport.summary(result));
        json.writeName("summary");
        json.writeStartObject();
        json.writeNumberProperty("files", result.files().size());
        json.writeNumberProperty("objects", result.objects());
        for (Severity severity : SEVERITIES) {
            json.writeNumberProperty(severity.id() + "s", result.count(severity));
        }
        json.writeBooleanProperty("truncated", result.truncated());
        json.writeNumberProperty("omitted", result.omitted());
        json.writeStringProperty("notice", TextReport.truncation(result));
        json.writeEndObject();

        json.writeName("severities");
        json.writeStartArray();
        SEVERITIES.forEach(severity -> json.writeString(severity.id()));
        json.writeEndArray();

        Map<String, Integer> ruleIndex = writeRules(json, result);
        Map<String, Integer> fileIndex = new LinkedHashMap<>();
        result.findings().forEach(finding -> fileIndex.putIfAbsent(finding.file(), fileIndex.size()));
        json.writeName("files");
        json.writeStartArray();
        fileIndex.keySet().forEach(file -> json.writeString(Printable.escape(file)));
        json.writeEndArray();

        json.writeName("excerpts");
        json.writeStartArray();
        for (SourceLines.Excerpt excerpt : lines.excerpts()) {
            json.writeStartArray();
            json.writeNumber(excerpt.start());
            json.writeString(excerpt.text());
            json.writeBoolean(excerpt.cutAfter());
            json.writeEndArray();
        }
        json.writeEndArray();

        // one array per finding, not an object: a report of 100,000 findings would spend megabytes on names
        json.writeName("findings");
        json.writeStartArray();
        for (int i = 0; i < result.findings().size(); i++) {
            Finding finding = result.findings().get(i);
            json.writeStartArray();
            json.writeNumber(fileIndex.get(finding.file()));
            json.writeNumber(finding.line());
            json.writeNumber(finding.column());
            json.writeNumber(ruleIndex.get(finding.rule()));
            json.writeNumber(SEVERITIES.indexOf(finding.severity()));
            json.writeString(Printable.escape(finding.message()));
            json.writeString(Printable.escape(finding.objectId()));
            json.writeString(Printable.escape(finding.field()));
            json.writeNumber(lines.excerptOf()[i]);
            json.writeNumber(lines.markOf()[i]);
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /**
     * Every rule that raised findings, counted as the run counted them (those past the limit too), the most
     * severe and frequent first; the index of each in the list, by name.
     */
    private static Map<String, Integer> writeRules(JsonGenerator json, ValidationResult result) {
        Map<String, Long> counts = new HashMap<>(result.ruleCounts());
        Map<String, Severity> severities = new HashMap<>();
        for (Finding finding : result.findings()) {
            counts.merge(finding.rule(), 0L, Long::sum); // a finding whose rule the counts missed still needs a row
            severities.putIfAbsent(finding.rule(), finding.severity());
        }
        counts.keySet().forEach(rule -> RuleCatalog.find(rule).ifPresent(meta ->
                severities.putIfAbsent(rule, result.ruleSettings().severity(meta))));
        List<String> rules = new ArrayList<>(counts.keySet());
        rules.sort(Comparator.<String, Integer>comparing(rule -> severities.containsKey(rule)
                        ? SEVERITIES.indexOf(severities.get(rule)) : SEVERITIES.size())
                .thenComparing(rule -> -counts.get(rule)).thenComparing(Comparator.naturalOrder()));
        Map<String, Integer> index = new HashMap<>();
        json.writeName("rules");
        json.writeStartArray();
        for (String rule : rules) {
            index.put(rule, index.size());
            Severity severity = severities.get(rule);
            RuleMeta meta = RuleCatalog.find(rule).orElse(null);
            json.writeStartObject();
            json.writeStringProperty("name", Printable.escape(rule));
            json.writeStringProperty("severity", severity == null ? null : severity.id());
            json.writeNumberProperty("count", counts.get(rule));
            json.writeStringProperty("summary", meta == null ? null : meta.summary());
            json.writeStringProperty("doc", meta == null ? null : RULE_DOCS + "#" + CatalogText.anchor(meta));
            json.writeEndObject();
        }
        json.writeEndArray();
        return index;
    }

    /**
     * The page around the data, in two parts, with its Content-Security-Policy: the SHA-256 of its one style
     * and one script element, the only ones a browser may apply and run.
     */
    private static String[] page() {
        String page;
        try (InputStream in = Objects.requireNonNull(HtmlReport.class.getResourceAsStream("html-report.html"))) {
            // as a browser reads it: the hashes are of the text after its line ends are made \n
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the html report's page", e);
        }
        String policy = "default-src 'none'; style-src " + hash(between(page, "<style>", "</style>"))
                + "; script-src " + hash(between(page, "<script>", "</script>"))
                + "; img-src data:; base-uri 'none'; form-action 'none'";
        String[] parts = page.replace(POLICY, policy).split(DATA, -1);
        if (parts.length != 2) {
            throw new IllegalStateException("html-report.html must hold " + DATA + " once");
        }
        return parts;
    }

    private static String between(String text, String open, String close) {
        int start = text.indexOf(open) + open.length();
        return text.substring(start, text.indexOf(close, start));
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * JSON escapes that keep a document inside an HTML script element: {@code <}, {@code >} and {@code &} (no
     * {@code </script>}, {@code <!--} or entity can form) and the line separators U+2028/U+2029, which older
     * JavaScript took for line ends.
     */
    private static final class ScriptSafeEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        ScriptSafeEscapes() {
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == '\u2028' ? new SerializedString("\\u2028")
                    : ch == '\u2029' ? new SerializedString("\\u2029") : null;
        }
    }
}
