package dev.gongcrm.validator;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThousandsTest {

    @Test
    void groupsAsTheRootLocaleDoesWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        try {
            Locale.setDefault(Locale.Category.FORMAT, Locale.GERMANY);
            for (long count : new long[] {0, 1, -1, 12, 999, 1000, -1000, 12_345, 999_999, 1_000_000, 581_024,
                    -123_456_789, Long.MAX_VALUE, Long.MIN_VALUE}) {
                assertEquals(String.format(Locale.ROOT, "%,d", count), Thousands.grouped(count), Long.toString(count));
            }
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
    }
}
