package dev.gongcrm.validator.convert;

import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.JsonKind;
import dev.gongcrm.validator.schema.ValueFormat;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the text of one cell into the JSON value its field takes, as the type's schema says: a number, a
 * boolean, an ISO-8601 date, an ISO-8601 datetime with zone offset and without fractional seconds (Gong's
 * format), an array of strings, or a string (PICKLIST values too: the validator checks them).
 */
final class CellConverter {

    /** Gong's datetime shape: seconds, and {@code Z} or {@code +hh:mm}. */
    private static final DateTimeFormatter GONG_DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    /** A cell that cannot be read as its field's type; the message says what was expected. */
    static final class CellException extends Exception {
        CellException(String message) {
            super(message, null, false, false);
        }
    }

    private static final Pattern GROUPING = Pattern.compile("[.\\s\u00a0\u202f]");
    /** 12.000,50 or 1 234: thousands grouped by dots or spaces, decimals after a comma. */
    private static final Pattern EUROPEAN = Pattern.compile("-?\\d{1,3}([.\\s\u00a0\u202f]\\d{3})+(,\\d+)?");

    private CellConverter() {
    }

    /**
     * The value: a String, a BigDecimal, a Boolean or a List of Strings.
     *
     * @param spec the field's spec, or null for a field the type does not know (written as a string)
     */
    static Object convert(String cell, FieldMapping mapping, FieldSpec spec) throws CellException {
        ValueFormat format = spec == null ? ValueFormat.NONE : spec.format();
        if (spec != null && spec.kinds().contains(JsonKind.ARRAY)) {
            return list(cell, mapping.separator());
        }
        if (format == ValueFormat.DATE || (format == ValueFormat.NONE && mapping.date() != null)) {
            return date(cell.trim(), mapping);
        }
        if (format == ValueFormat.DATE_TIME || (format == ValueFormat.NONE && mapping.datetime() != null)) {
            return datetime(cell.trim(), mapping);
        }
        if (spec == null || spec.kinds().contains(JsonKind.STRING)) {
            return cell;
        }
        if (spec.kinds().contains(JsonKind.BOOLEAN)) {
            return bool(cell.trim(), mapping);
        }
        if (spec.kinds().contains(JsonKind.NUMBER) || spec.kinds().contains(JsonKind.INTEGER)) {
            return number(cell.trim(), mapping, spec.kinds().contains(JsonKind.NUMBER));
        }
        return cell;
    }

    private static List<String> list(String cell, String separator) {
        List<String> items = new ArrayList<>();
        for (String item : cell.split(Pattern.quote(separator))) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    private static Boolean bool(String cell, FieldMapping mapping) throws CellException {
        if (matches(cell, mapping.trueWords())) {
            return true;
        }
        if (matches(cell, mapping.falseWords())) {
            return false;
        }
        throw new CellException("'" + cell + "' is not a boolean: true is " + mapping.trueWords() + ", false is "
                + mapping.falseWords() + " (the mapping's \"true\" and \"false\" name other words)");
    }

    private static boolean matches(String cell, List<String> words) {
        return words.stream().anyMatch(cell::equalsIgnoreCase);
    }

    private static BigDecimal number(String cell, FieldMapping mapping, boolean decimalsAllowed) throws CellException {
        boolean decimalComma = mapping.decimalComma();
        // with a decimal comma, dots and spaces group thousands (1.234,50 and 1 234,50), only between groups of
        // three digits (1.5 is no fifteen); else the mapping's grouping
        if (decimalComma && GROUPING.matcher(cell).find() && !EUROPEAN.matcher(cell).matches()) {
            throw new CellException("'" + cell + "' is not a number; write digits with ',' for decimals, e.g. 12.000,50");
        }
        String digits = decimalComma ? GROUPING.matcher(cell).replaceAll("").replace(',', '.') : ungrouped(cell, mapping);
        BigDecimal number;
        try {
            number = new BigDecimal(digits);
        } catch (NumberFormatException e) {
            throw new CellException("'" + cell + "' is not a number; " + (decimalComma
                    ? "write digits with ',' for decimals, e.g. 12.000,50"
                    : "write digits with '.' for decimals and no thousands separators or currency, e.g. 12000.50 "
                            + "(\"decimal\": \",\" in the mapping reads 12.000,50, \"grouping\": \",\" 12,000.50)"));
        }
        // 12000.00 is written 12000 (and 1E+3 as 1000): the value, not the export's formatting; a grouping
        // character only between groups of three digits, so that 1,5 is no 15
        BigDecimal plain = number.stripTrailingZeros();
        if (plain.scale() < 0) {
            plain = plain.setScale(0);
        }
        if (!decimalsAllowed && plain.scale() > 0) {
            throw new CellException("'" + cell + "' is not a whole number");
        }
        return plain;
    }

    private static String ungrouped(String cell, FieldMapping mapping) throws CellException {
        if (mapping.grouping().isEmpty() || cell.indexOf(mapping.grouping().charAt(0)) < 0) {
            return cell;
        }
        String grouping = Pattern.quote(mapping.grouping());
        if (!cell.matches("-?\\d{1,3}(" + grouping + "\\d{3})+(\\.\\d+)?")) {
            throw new CellException("'" + cell + "' is not a number grouped by '" + mapping.grouping() + "', e.g. 12"
                    + mapping.grouping() + "000.50");
        }
        return cell.replace(mapping.grouping(), "");
    }

    private static String date(String cell, FieldMapping mapping) throws CellException {
        try {
            if (mapping.date() != null) {
                return LocalDate.parse(cell, mapping.date()).toString();
            }
            if (mapping.datetime() != null) {
                return LocalDate.from(mapping.datetime().parse(cell)).toString();
            }
            return LocalDate.parse(cell).toString();
        } catch (DateTimeException e) {
            throw new CellException("'" + cell + "' is not a date" + expected(mapping, "yyyy-MM-dd", "\"date\""));
        }
    }

    private static String datetime(String cell, FieldMapping mapping) throws CellException {
        ZonedDateTime instant;
        try {
            if (mapping.datetime() != null) {
                instant = zoned(mapping.datetime().parse(cell), cell, mapping);
            } else if (mapping.date() != null) {
                instant = LocalDate.parse(cell, mapping.date()).atStartOfDay(requireZone(cell, mapping));
            } else {
                instant = zoned(DateTimeFormatter.ISO_DATE_TIME.parse(cell), cell, mapping);
            }
        } catch (DateTimeException e) {
            throw new CellException("'" + cell + "' is not a datetime"
                    + expected(mapping, "ISO-8601 like 2024-03-05T14:30:00Z", "\"datetime\""));
        }
        // Gong wants no milliseconds: truncating keeps the instant within the second it names
        return GONG_DATETIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The parsed time in its own offset or zone when it has one, else in the mapping's zone. */
    private static ZonedDateTime zoned(TemporalAccessor parsed, String cell, FieldMapping mapping) throws CellException {
        LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed), LocalTime.from(parsed));
        // the zone the pattern parsed (VV), else its offset (XXX), else none
        ZoneId own = parsed.query(TemporalQueries.zone());
        return ZonedDateTime.of(local, own != null ? own : requireZone(cell, mapping));
    }

    private static ZoneId requireZone(String cell, FieldMapping mapping) throws CellException {
        if (mapping.zone() == null) {
            throw new CellException("'" + cell + "' has no zone offset; say which zone the export's times are in "
                    + "with \"zone\" in the mapping, e.g. \"zone\": \"Europe/Berlin\"");
        }
        return mapping.zone();
    }

    private static String expected(FieldMapping mapping, String iso, String key) {
        return mapping.datePattern() != null ? " of the pattern '" + mapping.datePattern() + "'"
                : "; expected " + iso + ", or give the export's pattern with " + key + " in the mapping";
    }
}
