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
        for (Map.Entry<String, List<Finding>> file : byFile.entrySet()) {
            out.write("    <testcase classname=\"gongcrm\" name=\"" + xml(file.getKey()) + "\"");
            if (file.getValue().isEmpty()) {
                out.write("/>\n");
                continue;
            }
            out.write(">\n");
            StringBuilder details = new StringBuilder();
            for (Finding finding : file.getValue()) {
                details.append(TextReport.location(finding)).append(": ").append(finding.severity().id()).append('[')
                        .append(finding.rule()).append("] ").append(finding.message()).append('\n');
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
        out.write("  </testsuite>\n</testsuites>\n");
    }

    private static boolean fails(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    private static String xml(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        escaped.append('?');
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
