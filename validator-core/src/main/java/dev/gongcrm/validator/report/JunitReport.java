package dev.gongcrm.validator.report;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JUnit XML as CI servers read it: a test case per file, failing with its error findings. */
final class JunitReport implements ReportWriter {

    @Override
    public void write(ValidationResult result, Writer out) throws IOException {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        result.files().forEach(file -> byFile.put(file, new java.util.ArrayList<>()));
        result.findings().forEach(f -> byFile.computeIfAbsent(f.file(), k -> new java.util.ArrayList<>()).add(f));
        long failing = byFile.values().stream().filter(JunitReport::fails).count();
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<testsuites name=\"gongcrm\" tests=\"" + byFile.size() + "\" failures=\"" + failing + "\">\n");
        out.write("  <testsuite name=\"gongcrm validate\" tests=\"" + byFile.size() + "\" failures=\"" + failing
                + "\" errors=\"0\" skipped=\"0\">\n");
        if (result.truncated()) {
            out.write("    <properties>\n      <property name=\"gongcrm.omittedFindings\" value=\"" + result.omitted()
                    + "\"/>\n    </properties>\n");
        }
        for (Map.Entry<String, List<Finding>> file : byFile.entrySet()) {
            out.write("    <testcase classname=\"gongcrm\" name=\"" + xml(Printable.escape(file.getKey())) + "\"");
            if (file.getValue().isEmpty()) {
                out.write("/>\n");
                continue;
            }
            out.write(">\n");
            StringBuilder details = new StringBuilder();
            for (Finding finding : file.getValue()) {
                details.append(TextReport.line(finding)).append('\n');
            }
            String element = fails(file.getValue()) ? "failure" : "system-out";
            if (element.equals("failure")) {
                long errors = file.getValue().stream().filter(f -> f.severity() == Severity.ERROR).count();
                out.write("      <failure type=\"gongcrm\" message=\"" + errors + " error(s)\">");
            } else {
                out.write("      <system-out>");
            }
            out.write(xml(details.toString()));
            out.write("</" + element + ">\n");
            out.write("    </testcase>\n");
        }
        if (result.truncated()) {
            out.write("    <system-out>" + xml(TextReport.truncation(result)) + "</system-out>\n");
        }
        out.write("  </testsuite>\n</testsuites>\n");
    }

    private static boolean fails(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /**
     * Text as XML character data or attribute value: markup characters as entities, characters XML 1.0
     * forbids (controls other than tab and line ends, lone surrogates, U+FFFE, U+FFFF) as U+FFFD.
     */
    static String xml(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        escaped.append(c).append(text.charAt(++i));
                    } else if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || Character.isSurrogate(c)
                            || c == '\uFFFE' || c == '\uFFFF') {
                        escaped.append('\uFFFD');
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
