package dev.gongcrm.validator.convert;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.schema.ProfileSchemas;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A column's cell formats, told from all its values: what is told, and what its cells then become. */
class CellFormatsTest {

    /** The column of the deal field, fed these cells. */
    private static CellFormats column(String field, String... cells) {
        CellFormats formats = new CellFormats("Column", field, ProfileSchemas.of("legacy").type(ObjectType.DEAL)
                .field(field));
        for (String cell : cells) {
            formats.see(cell);
        }
        return formats;
    }

    private static CellFormats.Told told(String field, String... cells) {
        return column(field, cells).told(ZoneOffset.UTC);
    }

    /** The cell as the told mapping converts it. */
    private static Object cell(CellFormats.Told told, String field, String cell) throws Exception {
        return CellConverter.convert(cell, told.mapping(), ProfileSchemas.of("legacy").type(ObjectType.DEAL).field(field));
    }

    @Test
    void datesAreDayFirstOrMonthFirstAsTheirValuesSay() throws Exception {
        assertNull(told("closeDate", "2024-02-13", "").description(), "ISO, as Gong writes them");
        CellFormats.Told dayFirst = told("closeDate", "01/03/2024", "13/02/2024");
        assertEquals("dates as d/M/yyyy", dayFirst.description());
        assertEquals("2024-03-01", cell(dayFirst, "closeDate", "01/03/2024"));
        CellFormats.Told monthFirst = told("closeDate", "01/03/2024", "2/13/2024");
        assertEquals("dates as M/d/yyyy", monthFirst.description());
        assertEquals("2024-01-03", cell(monthFirst, "closeDate", "01/03/2024"));
        assertEquals("dates as d.M.yyyy", told("closeDate", "31.12.2024").description());
        assertEquals("dates as M-d-yyyy", told("closeDate", "12-31-2024", "03-04-2024").description());
        assertTrue(told("closeDate", "03-04-2024").ambiguity().contains("may be day-first or month-first"),
                "dashes as ambiguous as slashes");
        CellFormats.Told ambiguous = told("closeDate", "01/03/2024", "02/04/2024");
        assertEquals("column 'Column': dates like 01/03/2024 may be day-first or month-first, and no value tells which; "
                + "say which in a mapping (\"date\": \"d/M/yyyy\" or \"M/d/yyyy\")", ambiguous.ambiguity());
        assertEquals("2024-03-01", cell(ambiguous, "closeDate", "01/03/2024"), "the first reading, day-first, is proposed");
        assertNull(dayFirst.ambiguity());
        assertNull(told("closeDate", "01/03/2024", "someday").description(), "no pattern fits: each cell is reported");
    }

    @Test
    void datetimesWithoutAZoneAreTakenInTheConversionsZone() throws Exception {
        assertNull(told("modifiedDate", "2024-03-01T10:00:00Z", "2024-03-01T10:00:00.123+01:00").description());
        CellFormats.Told spaced = column("modifiedDate", "2024-03-01 10:00:00", "2024-03-01 23:59").told(ZoneId.of(
                "Europe/Berlin"));
        assertEquals("datetimes as yyyy-MM-dd HH:mm:ss, taken in Europe/Berlin", spaced.description());
        assertEquals("2024-03-01T10:00:00+01:00", cell(spaced, "modifiedDate", "2024-03-01 10:00:00"));
        CellFormats.Told isoWithoutZone = told("modifiedDate", "2024-03-01T10:00:00");
        assertEquals("datetimes without a zone, taken in Z", isoWithoutZone.description());
        assertEquals("2024-03-01T10:00:00Z", cell(isoWithoutZone, "modifiedDate", "2024-03-01T10:00:00"));
        assertEquals("datetimes as d/M/yyyy H:mm:ss, taken in Z", told("modifiedDate", "13/02/2024 9:05").description());
    }

    @Test
    void numbersGroupedWithCommasOrWithDotsAreReadAsTheirValuesSay() throws Exception {
        assertNull(told("amount", "12000.5", "-3").description());
        CellFormats.Told us = told("amount", "12,000.50", "999.99");
        assertEquals("numbers as 12,000.50", us.description());
        assertEquals(new java.math.BigDecimal("12000.5"), cell(us, "amount", "12,000.50"));
        assertEquals("numbers as 12.000,50", told("amount", "12.000,50").description());
        assertEquals("numbers as 12.000,50", told("amount", "1,5").description(), "a comma before one digit is decimal");
        assertEquals("numbers as 12,000.50", told("amount", "1,234,567").description());
        assertTrue(told("amount", "1,234", "12").ambiguity()
                .startsWith("column 'Column': numbers like 1,234 may be a thousand or a decimal"));
        assertTrue(told("amount", "12,000.50", "12.000,50").ambiguity()
                .contains("some numbers group thousands with commas (12,000.50), others with dots"));
        assertNull(us.ambiguity());
    }

    @Test
    void booleansAreTheWordsTheColumnUses() throws Exception {
        assertNull(told("isWon", "true", "FALSE").description());
        assertNull(told("isWon", "1", "0").description());
        CellFormats.Told yesNo = told("isWon", "Yes", "no", "YES");
        assertEquals("booleans as yes/no", yesNo.description());
        assertEquals(false, cell(yesNo, "isWon", "No"));
        assertEquals("booleans as ja/nein", told("isWon", "Ja").description());
    }
}
