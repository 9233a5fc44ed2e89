package dev.gongcrm.validator.report;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ValidationResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;

/**
 * One finding a row (RFC 4180, written by Commons CSV), with a header row, for spreadsheets and ad-hoc
 * analysis. When the run's limit left findings out, a last row with the rule {@code truncated} says how many.
 * An absent value (no column, no objectId) is an empty cell without quotes; lone surrogates, which no
 * encoder could write, are replaced.
 */
final class CsvReport implements ReportWriter {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader("file", "line", "column", "severity", "rule", "objectId", "field", "message")
            .get();

    @Override
    public void write(ValidationResult result, Writer out) throws IOException {
        // not closed: the writer belongs to the caller
        CSVPrinter csv = new CSVPrinter(out, FORMAT);
        for (Finding finding : result.findings()) {
            csv.printRecord(LoneSurrogates.replace(finding.file()), finding.line(),
                    finding.hasColumn() ? finding.column() : null, finding.severity().id(), finding.rule(),
                    LoneSurrogates.replace(finding.objectId()), LoneSurrogates.replace(finding.field()),
                    LoneSurrogates.replace(finding.message()));
        }
        if (result.truncated()) {
            // a last row, without file, line or severity, says that the rows above are not all
            csv.printRecord(null, null, null, null, "truncated", null, null,
                    LoneSurrogates.replace(TextReport.truncation(result)));
        }
        csv.flush();
    }
}
