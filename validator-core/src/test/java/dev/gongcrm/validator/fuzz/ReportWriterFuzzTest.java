package dev.gongcrm.validator.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.report.ReportFormat;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each report writer on the findings of arbitrary input: the input is one file of a bundle, named by a
 * first line {@code --- name} when it has one (names reach every report too), {@code deals.ldjson}
 * otherwise, validated with a low finding cap so that reports also say they were cut. Every report must
 * be written without an exception and be text that UTF-8 can encode (report files are written so); JSON
 * and SARIF must parse as JSON, JUnit as well-formed XML, CSV as RFC 4180 rows of the header's width, and HTML
 * must hold its page's two script elements only, the data one holding JSON without a {@code <}.
 *
 * <p>In {@code mvn verify} each method runs only on its regression inputs, the files of
 * {@code src/test/resources/dev/gongcrm/validator/fuzz/ReportWriterFuzzTestInputs/} (shared) and of its
 * {@code <method>/} folder there. To fuzz one for longer (see {@link Fuzzing} for more):
 * {@code JAZZER_FUZZ=1 mvn -B -ntp -pl validator-core -am test -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest='ReportWriterFuzzTest#junit' -Djazzer.max_duration=10m}.
 */
class ReportWriterFuzzTest {

    /** A cap low enough that a few lines of bad input reach it. */
    private static final Validator VALIDATOR = Validator.builder().initialUpload(true).maxFindings(25).build();
    private static final String DEFAULT_NAME = "deals.ldjson";
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @FuzzTest(maxDuration = "5m")
    void text(byte[] input) throws Exception {
        report(ReportFormat.TEXT, input);
    }

    @FuzzTest(maxDuration = "5m")
    void json(byte[] input) throws Exception {
        parseJson(report(ReportFormat.JSON, input));
    }

    @FuzzTest(maxDuration = "5m")
    void sarif(byte[] input) throws Exception {
        parseJson(report(ReportFormat.SARIF, input));
    }

    @FuzzTest(maxDuration = "5m")
    void junit(byte[] input) throws Exception {
        parseXml(report(ReportFormat.JUNIT, input));
    }

    @FuzzTest(maxDuration = "5m")
    void github(byte[] input) throws Exception {
        report(ReportFormat.GITHUB, input);
    }

    @FuzzTest(maxDuration = "5m")
    void csv(byte[] input) throws Exception {
        parseCsv(report(ReportFormat.CSV, input));
    }

    @FuzzTest(maxDuration = "5m")
    void html(byte[] input) throws Exception {
        checkHtml(report(ReportFormat.HTML, input));
    }

    /** A new format gets its fuzz test here: a method named after its id. */
    @Test
    void everyFormatIsFuzzed() {
        List<String> fuzzed = Arrays.stream(ReportWriterFuzzTest.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(FuzzTest.class)).map(Method::getName).sorted().toList();
        List<String> formats = Arrays.stream(ReportFormat.values()).map(ReportFormat::id).sorted().toList();
        assertEquals(formats, fuzzed);
    }

    /** The report of the input's findings, as the bytes a report file gets. */
    private static byte[] report(ReportFormat format, byte[] input) throws Exception {
        byte[][] bytes = new byte[1][];
        Fuzzing.timed(() -> {
            ValidationResult result = Fuzzing.validate(VALIDATOR, List.of(Fuzzing.namedFile(input, DEFAULT_NAME)));
            StringWriter out = new StringWriter();
            format.writer().write(result, out);
            bytes[0] = utf8(format, out.toString());
        });
        return bytes[0];
    }

    /** Encodes as report files are written (Files.writeString fails on what UTF-8 cannot encode). */
    private static byte[] utf8(ReportFormat format, String report) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(report));
            return Arrays.copyOf(encoded.array(), encoded.limit());
        } catch (CharacterCodingException e) {
            int at = firstLoneSurrogate(report);
            String where = at < 0 ? "?" : String.format(Locale.ROOT, "U+%04X at char %d in ...%s...",
                    (int) report.charAt(at), at, escape(report.substring(Math.max(0, at - 40),
                            Math.min(report.length(), at + 40))));
            throw new AssertionError(format.id() + " report cannot be encoded as UTF-8 (" + e + "): lone surrogate "
                    + where, e);
        }
    }

    private static int firstLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c >= 0x7f
                ? String.format(Locale.ROOT, "\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }

    private static void parseJson(byte[] report) {
        JsonNode root;
        try {
            root = JSON.readTree(report);
        } catch (RuntimeException e) {
            throw new AssertionError("report is not JSON: " + e.getMessage() + "\n"
                    + new String(report, StandardCharsets.UTF_8), e);
        }
        if (root == null || !root.isObject()) {
            throw new AssertionError("report is not a JSON object: " + new String(report, StandardCharsets.UTF_8));
        }
    }

    /**
     * The page's two script elements and no other (no value ended the data element or opened one), the data
     * element a JSON object without a {@code <} (no {@code </script>} or {@code <!--} can form in it).
     */
    private static void checkHtml(byte[] report) {
        String html = new String(report, StandardCharsets.UTF_8);
        String open = "<script type=\"application/json\" id=\"gongcrm-data\">";
        int start = html.indexOf(open) + open.length();
        String data = html.substring(start, html.indexOf("</script>", start));
        if (html.split("<script", -1).length != 3 || data.indexOf('<') >= 0) {
            throw new AssertionError("the data got out of its element:\n" + html);
        }
        parseJson(data.getBytes(StandardCharsets.UTF_8));
    }

    private static void parseXml(byte[] report) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setNamespaceAware(true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        try {
            builder.parse(new ByteArrayInputStream(report));
        } catch (SAXParseException e) {
            throw new AssertionError("report is not well-formed XML: " + e.getMessage() + " at line "
                    + e.getLineNumber() + ", column " + e.getColumnNumber() + "\n"
                    + new String(report, StandardCharsets.UTF_8), e);
        }
    }

    /**
     * RFC 4180: rows end with CRLF, a field is bare (no quote, CR or LF) or quoted (a quote doubled inside),
     * every row as wide as the header.
     */
    private static void parseCsv(byte[] report) {
        String text = new String(report, StandardCharsets.UTF_8);
        int width = -1;
        int row = 0;
        int fields = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                int close = i + 1;
                while (true) {
                    close = text.indexOf('"', close);
                    if (close < 0) {
                        throw csvError(text, row, "a quoted field is not closed");
                    }
                    if (close + 1 < text.length() && text.charAt(close + 1) == '"') {
                        close += 2;
                    } else {
                        break;
                    }
                }
                i = close + 1;
                if (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\r') {
                    throw csvError(text, row, "text after a closing quote");
                }
            } else if (c == ',') {
                fields++;
                i++;
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    throw csvError(text, row, "a bare CR");
                }
                if (width < 0) {
                    width = fields;
                } else if (fields != width) {
                    throw csvError(text, row, fields + " fields, the header has " + width);
                }
                row++;
                fields = 1;
                i += 2;
            } else if (c == '\n') {
                throw csvError(text, row, "a bare LF");
            } else {
                int start = i;
                while (i < text.length() && ",\r\n".indexOf(text.charAt(i)) < 0) {
                    if (text.charAt(i) == '"') {
                        throw csvError(text, row, "a quote inside a bare field at char " + (i - start));
                    }
                    i++;
                }
            }
        }
        if (row == 0 || !text.endsWith("\r\n")) {
            throw csvError(text, row, "no header row or the last row does not end with CRLF");
        }
    }

    private static AssertionError csvError(String text, int row, String problem) {
        return new AssertionError("CSV report row " + (row + 1) + ": " + problem + "\n" + text);
    }
}
