package dev.gongcrm.validator.convert;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Where one field of the output comes from: a column of the CSV, read with optional transforms, or a
 * constant written into every object.
 *
 * @param column the header name, or null for a constant
 * @param field the field of the object type (built-in or custom)
 * @param date the pattern of date cells (e.g. {@code dd/MM/yyyy}), or null for ISO-8601
 * @param datetime the pattern of datetime cells (e.g. {@code dd.MM.yyyy HH:mm}), or null for ISO-8601
 * @param datePattern the pattern as the user wrote it, for messages
 * @param zone the zone of datetimes that carry no offset, or null when they must carry one
 * @param separator what separates the items of a string-array cell
 * @param decimalComma whether numbers are written the European way, {@code 1.234,50}
 * @param grouping the characters that group thousands in numbers with a decimal point ({@code ","} for
 *     {@code 12,000.50}), removed before reading; empty for none
 * @param trueWords cell texts that mean true (compared ignoring case)
 * @param falseWords cell texts that mean false (compared ignoring case)
 * @param constant the JSON text of a constant value, or null for a column
 * @param dealStatus the column holds a deal's status, open, won or lost (any case), which fills isOpen and
 *     isWon, and {@code field} ({@code status}) in upper case when the type has it
 */
record FieldMapping(String column, String field, DateTimeFormatter date, DateTimeFormatter datetime,
                    String datePattern, ZoneId zone, String separator, boolean decimalComma, String grouping,
                    List<String> trueWords, List<String> falseWords, String constant, boolean dealStatus) {

    static final String DEFAULT_SEPARATOR = ";";
    static final List<String> DEFAULT_TRUE = List.of("true", "1");
    static final List<String> DEFAULT_FALSE = List.of("false", "0");

    /** A column read as the field's type says, without transforms: a column matched when there is no mapping file. */
    static FieldMapping of(String column, String field) {
        return new FieldMapping(column, field, null, null, null, null, DEFAULT_SEPARATOR, false, "", DEFAULT_TRUE,
                DEFAULT_FALSE, null, false);
    }

    /** A column of deal statuses ({@link #dealStatus}), which fills {@code field} too when the type has it. */
    static FieldMapping dealStatus(String column, String field) {
        return new FieldMapping(column, field, null, null, null, null, DEFAULT_SEPARATOR, false, "", DEFAULT_TRUE,
                DEFAULT_FALSE, null, true);
    }

    /** Dates of this pattern ({@code written} as the user would write it). */
    FieldMapping withDate(String written, DateTimeFormatter pattern) {
        return new FieldMapping(column, field, pattern, datetime, written, zone, separator, decimalComma, grouping,
                trueWords, falseWords, constant, dealStatus);
    }

    /** Datetimes of this pattern (null: ISO-8601), in {@code zone} when they carry no offset. */
    FieldMapping withDatetime(String written, DateTimeFormatter pattern, ZoneId zone) {
        return new FieldMapping(column, field, date, pattern, written, zone, separator, decimalComma, grouping,
                trueWords, falseWords, constant, dealStatus);
    }

    FieldMapping withDecimalComma() {
        return new FieldMapping(column, field, date, datetime, datePattern, zone, separator, true, grouping,
                trueWords, falseWords, constant, dealStatus);
    }

    FieldMapping withGrouping(String grouping) {
        return new FieldMapping(column, field, date, datetime, datePattern, zone, separator, decimalComma, grouping,
                trueWords, falseWords, constant, dealStatus);
    }

    FieldMapping withBooleans(String trueWord, String falseWord) {
        return new FieldMapping(column, field, date, datetime, datePattern, zone, separator, decimalComma, grouping,
                List.of(trueWord), List.of(falseWord), constant, dealStatus);
    }

    boolean isConstant() {
        return constant != null;
    }
}
