package dev.gongcrm.validator.report;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The csv report, written by Commons CSV: what a spreadsheet reads back is what the findings say. */
class CsvReportTest {

    private static final Finding AWKWARD = new Finding("wrong-type", Severity.ERROR, "crm, export/deals.ldjson", 2, 263,
            "id \"7\"", "/amount", "field 'amount' must be a number, got a string ('12,000');\nwrite 12000 without quotes");
    private static final Finding PLAIN = new Finding("missing-mandatory-field", Severity.ERROR, "contacts.ldjson", 2, 0,
            null, null, "Mandatory field [lastName] is missing");

    private static String write(ValidationResult result) throws Exception {
        StringWriter out = new StringWriter();
        ReportFormat.CSV.writer().write(result, out);
        return out.toString();
    }

    @Test
    void plainFindingsAreWrittenAsBeforeWithCrlf() throws Exception {
        String csv = write(new ValidationResult(List.of(PLAIN), Map.of(Severity.ERROR, 1L), List.of("contacts.ldjson"), 2));
        assertEquals("file,line,column,severity,rule,objectId,field,message\r\n"
                + "contacts.ldjson,2,,error,missing-mandatory-field,,,Mandatory field [lastName] is missing\r\n", csv);
    }

    @Test
    void commasQuotesAndLineBreaksReadBackAsTheyWere() throws Exception {
        String csv = write(new ValidationResult(List.of(AWKWARD, PLAIN), Map.of(Severity.ERROR, 2L), List.of(), 2));
        try (CSVParser parser = CSVParser.parse(csv, CSVFormat.RFC4180.builder().setHeader().get())) {
            List<CSVRecord> rows = parser.getRecords();
            assertEquals(List.of("file", "line", "column", "severity", "rule", "objectId", "field", "message"),
                    parser.getHeaderNames());
            assertEquals(List.of(AWKWARD.file(), "2", "263", "error", "wrong-type", AWKWARD.objectId(), "/amount",
                    AWKWARD.message()), rows.get(0).toList());
            assertEquals(2, rows.size());
        }
    }

    @Test
    void aLoneSurrogateIsReplacedSoThatTheReportCanBeEncoded() throws Exception {
        Finding lone = new Finding("invalid-json", Severity.ERROR, "a.ldjson", 1, 1, null, null, "bad \uD800 value");
        String csv = write(new ValidationResult(List.of(lone), Map.of(Severity.ERROR, 1L), List.of("a.ldjson"), 0));
        assertEquals("a.ldjson,1,1,error,invalid-json,,,bad \uFFFD value\r\n", csv.lines().skip(1).findFirst().orElseThrow() + "\r\n");
    }
}
