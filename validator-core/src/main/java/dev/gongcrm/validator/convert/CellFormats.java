package dev.gongcrm.validator.convert;

import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.JsonKind;
import dev.gongcrm.validator.schema.ValueFormat;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the cells of one column are written, told from every value of the column, not guessed from the
 * first row: the pattern of its dates or datetimes (ISO, {@code yyyy-MM-dd HH:mm:ss}, day-first or
 * month-first, told apart by the values: a column whose every value fits both is ambiguous, and
 * reported), the separators of its numbers ({@code 12,000.50} or {@code 12.000,50}), and the words of its
 * booleans (yes/no, y/n, ja/nein...). Fed each cell of the column ({@link #see}), then asked for the
 * column's mapping ({@link #told}).
 */
final class CellFormats {

    /** Dates, most common first; a pattern is kept while every value of the column fits it. */
    private static final List<String> DATES = List.of("d/M/uuuu", "M/d/uuuu", "d.M.uuuu", "d-M-uuuu", "M-d-uuuu",
            "uuuu/M/d");
    /** Datetimes without a zone (the conversion's --zone is theirs). */
    private static final List<String> DATETIMES = List.of("uuuu-MM-dd HH:mm[:ss][.SSS]", "d/M/uuuu H:mm[:ss]",
            "M/d/uuuu H:mm[:ss]", "d.M.uuuu H:mm[:ss]", "uuuu/M/d H:mm[:ss]");
    /** 12,000.50 or 1,234,567: commas group thousands. */
    private static final Pattern COMMA_GROUPS = Pattern.compile("-?\\d{1,3}(,\\d{3})+\\.\\d+|-?\\d{1,3}(,\\d{3}){2,}");
    /** 12.000,50, 1.234.567 or 12,5: a decimal comma. */
    private static final Pattern DECIMAL_COMMA = Pattern.compile(
            "-?\\d{1,3}(\\.\\d{3})+,\\d+|-?\\d{1,3}(\\.\\d{3}){2,}|-?\\d+,(\\d{1,2}|\\d{4,})");
    /** 1,234: a thousand, or one and a bit. */
    private static final Pattern ONE_COMMA_GROUP = Pattern.compile("-?\\d{1,3},\\d{3}");
    /** 1.234: one and a bit, or (a European export's) a thousand. */
    private static final Pattern ONE_DOT_GROUP = Pattern.compile("-?\\d{1,3}\\.\\d{3}");
    /** 1.5 or 12345.678: a decimal point no thousands grouping explains. */
    private static final Pattern DOT_DECIMAL = Pattern.compile("-?\\d+\\.\\d+");
    private static final List<List<String>> BOOLEANS = List.of(List.of("yes", "no"), List.of("y", "n"),
            List.of("ja", "nein"), List.of("oui", "non"), List.of("si", "no"), List.of("x", "-"));

    private final String column;
    private final String field;
    private final FieldSpec spec;
    private final Set<String> patterns;
    private boolean iso = true;
    private boolean zoneless;
    private boolean commaGroups;
    private boolean decimalComma;
    private boolean oneCommaGroup;
    private boolean oneDotGroup;
    private boolean dotDecimal;
    private final Set<String> words = new LinkedHashSet<>();
    private String example;

    CellFormats(String column, String field, FieldSpec spec) {
        this.column = column;
        this.field = field;
        this.spec = spec;
        this.patterns = new LinkedHashSet<>(spec.format() == ValueFormat.DATE ? DATES : DATETIMES);
    }

    String column() {
        return column;
    }

    /** Whether the field's cells have a format to tell: a date, a datetime, a number or a boolean. */
    static boolean applies(FieldSpec spec) {
        if (spec == null || spec.kinds().contains(JsonKind.ARRAY)) {
            return false;
        }
        return spec.format() == ValueFormat.DATE || spec.format() == ValueFormat.DATE_TIME
                || !spec.kinds().contains(JsonKind.STRING) && (spec.kinds().contains(JsonKind.NUMBER)
                || spec.kinds().contains(JsonKind.INTEGER) || spec.kinds().contains(JsonKind.BOOLEAN));
    }

    void see(String cell) {
        String value = cell.trim();
        if (value.isEmpty()) {
            return;
        }
        if (spec.format() == ValueFormat.DATE || spec.format() == ValueFormat.DATE_TIME) {
            boolean date = spec.format() == ValueFormat.DATE;
            boolean isoValue = fits(value, date ? DateTimeFormatter.ISO_LOCAL_DATE : DateTimeFormatter.ISO_DATE_TIME);
            iso &= isoValue;
            zoneless |= !date && isoValue && !fits(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    && !fits(value, DateTimeFormatter.ISO_ZONED_DATE_TIME);
            patterns.removeIf(pattern -> !fits(value, strict(pattern)));
            if (!isoValue && example == null) {
                example = value;
            }
        } else if (spec.kinds().contains(JsonKind.BOOLEAN)) {
            words.add(value.toLowerCase(Locale.ROOT));
        } else {
            commaGroups |= COMMA_GROUPS.matcher(value).matches();
            decimalComma |= DECIMAL_COMMA.matcher(value).matches();
            if (ONE_COMMA_GROUP.matcher(value).matches()) {
                oneCommaGroup = true;
                example = example == null ? value : example;
            }
            if (ONE_DOT_GROUP.matcher(value).matches()) {
                oneDotGroup = true;
                example = example == null ? value : example;
            } else {
                dotDecimal |= DOT_DECIMAL.matcher(value).matches();
            }
        }
    }

    private static boolean fits(String value, DateTimeFormatter format) {
        try {
            format.parse(value);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * The column's mapping for what its cells showed, datetimes without a zone taken in {@code zone}; for a
     * column whose values fit two readings (03/04/2024: March or April? 1,234: a thousand or one?), the first
     * reading, with the ambiguity said and how to choose.
     */
    Told told(ZoneId zone) {
        FieldMapping plain = FieldMapping.of(column, field);
        if (spec.format() == ValueFormat.DATE || spec.format() == ValueFormat.DATE_TIME) {
            boolean date = spec.format() == ValueFormat.DATE;
            if (iso) {
                return zoneless ? new Told(plain.withDatetime(null, null, zone), "datetimes without a zone, taken in "
                        + zone) : new Told(plain, null);
            }
            if (patterns.isEmpty()) {
                return new Told(plain, null); // its cells are reported one by one
            }
            List<String> left = List.copyOf(patterns);
            String pattern = left.get(0);
            String ambiguity = left.size() > 1 && dayAndMonthFirst(left.get(0), left.get(1))
                    ? "column '" + column + "': " + (date ? "dates" : "datetimes") + " like " + example
                    + " may be day-first or month-first, and no value tells which; say which in a mapping ("
                    + (date ? "\"date\"" : "\"datetime\"") + ": \"" + asMapped(left.get(0)) + "\" or \""
                    + asMapped(left.get(1)) + "\")" : null;
            // the mapping keeps the pattern itself, optional parts and all, in the letters a mapping file uses
            String exact = asMapped(pattern);
            return date ? new Told(plain.withDate(exact, strict(pattern)), "dates as " + written(pattern), ambiguity)
                    : new Told(plain.withDatetime(exact, strict(pattern), zone), "datetimes as " + written(pattern)
                    + ", taken in " + zone, ambiguity);
        }
        if (spec.kinds().contains(JsonKind.BOOLEAN)) {
            for (List<String> pair : BOOLEANS) {
                if (!words.isEmpty() && pair.containsAll(words)) {
                    return new Told(plain.withBooleans(pair.get(0), pair.get(1)), "booleans as " + pair.get(0) + "/"
                            + pair.get(1));
                }
            }
            return new Told(plain, null);
        }
        if (commaGroups && decimalComma) {
            return new Told(plain.withGrouping(","), "numbers as 12,000.50", "column '" + column + "': some numbers "
                    + "group thousands with commas (12,000.50), others with dots (12.000,50); say which in a mapping "
                    + "(\"decimal\": \",\" or \"grouping\": \",\")");
        }
        if (commaGroups) {
            return new Told(plain.withGrouping(","), "numbers as 12,000.50");
        }
        if (decimalComma) {
            return new Told(plain.withDecimalComma(), "numbers as 12.000,50");
        }
        if (oneDotGroup && !dotDecimal) {
            return new Told(plain, null, "column '" + column + "': numbers like " + example + " may be a decimal or "
                    + "a thousand, and no value tells which; say which in a mapping (\"decimal\": \",\" for thousands "
                    + "grouped by dots, \"decimal\": \".\" for decimals)");
        }
        if (oneCommaGroup) {
            return new Told(plain.withGrouping(","), "numbers as 12,000.50", "column '" + column + "': numbers like "
                    + example + " may be a thousand or a decimal, and no value tells which; say which in a mapping "
                    + "(\"grouping\": \",\" for thousands, \"decimal\": \",\" for decimals)");
        }
        return new Told(plain, null);
    }

    /** Whether the two are one pattern day-first and month-first (d/M/uuuu and M/d/uuuu). */
    private static boolean dayAndMonthFirst(String first, String second) {
        return first.startsWith("d") && second.startsWith("M") && first.charAt(1) == second.charAt(1)
                && first.substring(3).equals(second.substring(3));
    }

    /** The pattern as a mapping file gives it, optional parts and all: what reads every value the column has. */
    private static String asMapped(String pattern) {
        return pattern.replace("uuuu", "yyyy");
    }

    /** A pattern as people write it: dd/MM/yyyy. */
    private static String written(String pattern) {
        return pattern.replace("uuuu", "yyyy").replace("[.SSS]", "").replace("[:ss]", ":ss");
    }

    /**
     * @param description what was told of the column's cells, or null when they are as Gong writes them
     * @param ambiguity for a column whose values read two ways (the mapping takes the first), what they are and
     *                  how to choose; null when the values tell
     */
    record Told(FieldMapping mapping, String description, String ambiguity) {

        Told(FieldMapping mapping, String description) {
            this(mapping, description, null);
        }
    }
}
