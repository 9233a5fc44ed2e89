package dev.gongcrm.validator.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IsoDatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2018-02-18T02:30:00-07:00", "2018-02-18T08:00:00Z", "2020-02-29T23:59:59+14:00",
            "1969-12-31T23:59:59Z", "2019-01-03T23:45:57+01:00"})
    void parsesTheDocumentedFormsToTheSameInstantAsJavaTime(String text) {
        assertEquals(OffsetDateTime.parse(text).toEpochSecond(), IsoDates.parseDateTime(text));
        assertNull(IsoDates.explainDateTime(text));
    }

    @Test
    void offsetsAreComparedAsInstants() {
        assertEquals(IsoDates.parseDateTime("2019-01-03T22:45:57Z"), IsoDates.parseDateTime("2019-01-03T23:45:57+01:00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2018-02-18T08:00:00.000Z", "2018-02-18T08:00:00", "2018-02-18 08:00:00Z",
            "2018-02-30T08:00:00Z", "2018-13-01T08:00:00Z", "2018-02-18T24:00:00Z", "2018-02-18T08:00:00+0100",
            "2018-02-18", "18-02-2018T08:00:00Z", "", "2018-02-18T08:00:00z"})
    void rejectsEverythingElse(String text) {
        assertEquals(IsoDates.INVALID, IsoDates.parseDateTime(text));
        assertFalse(IsoDates.explainDateTime(text).isBlank());
    }

    @Test
    void explainsTheCommonMistakesWithTheFix() {
        assertTrue(IsoDates.explainDateTime("2022-02-04T17:57:23.000Z").contains("use '2022-02-04T17:57:23Z'"));
        assertTrue(IsoDates.explainDateTime("2022-02-04T17:57:23").contains("no zone offset"));
        assertTrue(IsoDates.explainDateTime("2022-02-04 17:57:23Z").contains("space"));
        assertTrue(IsoDates.explainDateTime("2022-02-04T17:57:23+0100").contains("use '2022-02-04T17:57:23+01:00'"));
        assertTrue(IsoDates.explainDateTime("2022-02-04").contains("date without time"));
        assertTrue(IsoDates.explainDate("2022-09-04T00:00:00Z").contains("use '2022-09-04'"));
    }

    @Test
    void datesAreCalendarDates() {
        assertTrue(IsoDates.isDate("2024-02-29"));
        assertFalse(IsoDates.isDate("2023-02-29"));
        assertFalse(IsoDates.isDate("2023-2-28"));
    }
}
