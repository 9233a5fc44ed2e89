package dev.gongcrm.validator.convert;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvDelimiterTest {

    @Test
    void theHeaderRowTellsTheDelimiter() {
        assertEquals(',', CsvDelimiter.detect("Id,Name,Amount"));
        assertEquals(';', CsvDelimiter.detect("Id;Name;Amount, in EUR"));
        assertEquals('\t', CsvDelimiter.detect("Id\tName\tAmount"));
        assertEquals('|', CsvDelimiter.detect("Id|Name|Amount"));
        // a delimiter inside a quoted header name does not count
        assertEquals(';', CsvDelimiter.detect("\"Amount, net\";\"Amount, gross\";Id"));
        // one column: nothing to tell, so the RFC's comma
        assertEquals(',', CsvDelimiter.detect("Id"));
    }

    @Test
    void theUserMayNameIt() {
        assertEquals('\t', CsvDelimiter.parse("tab"));
        assertEquals('\t', CsvDelimiter.parse("\\t"));
        assertEquals(';', CsvDelimiter.parse(";"));
        assertEquals("unknown delimiter ':'; use , ; | or tab",
                assertThrows(IllegalArgumentException.class, () -> CsvDelimiter.parse(":")).getMessage());
    }
}
