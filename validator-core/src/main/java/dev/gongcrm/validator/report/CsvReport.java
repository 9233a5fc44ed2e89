package dev.gongcrm.validator.report;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ValidationResult;

import java.io.IOException;
import java.io.Writer;

/**
 * One finding a row (RFC 4180), with a header row, for spreadsheets and ad-hoc analysis. When the run's
 * limit left findings out, a last row with the rule {@code truncated} says how many.
 */
final class CsvReport implements ReportWriter {

    @Override
    public void write(ValidationResult result, Writer out) throws IOException {
        out.write("file,line,column,severity,rule,objectId,field,message\r\n");
        for (Finding finding : result.findings()) {
            out.write(String.join(",", cell(finding.file()), Integer.toString(finding.line()),
                    finding.hasColumn() ? Integer.toString(finding.column()) : "", finding.severity().id(),
                    finding.rule(), cell(finding.objectId()), cell(finding.field()), cell(finding.message())));
            out.write("\r\n");
        }
        if (result.truncated()) {
            // a last row, without file, line or severity, says that the rows above are not all
            out.write(",,,,truncated,,," + cell(TextReport.truncation(result)) + "\r\n");
        }
    }

    private static String cell(String text) {
        if (text == null) {
            return "";
        }
        String value = LoneSurrogates.replace(text);
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
