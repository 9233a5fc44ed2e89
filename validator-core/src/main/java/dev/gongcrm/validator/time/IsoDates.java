package dev.gongcrm.validator.time;

/**
 * The two date shapes Gong accepts, parsed without allocation: an ISO-8601 datetime with a zone
 * offset or {@code Z} and without fractional seconds ({@code 2018-02-18T02:30:00-07:00}), and an
 * ISO-8601 date without time ({@code 2021-05-19}). When a value does not parse, the explain methods
 * say what is wrong in words a user can act on.
 */
public final class IsoDates {

    /** Returned by {@link #parseDateTime} for a value that is not an accepted datetime. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final int DATE_LENGTH = 10;
    /** Length of {@code 2019-01-03T23:45:57}, a datetime without fraction or zone. */
    private static final int LOCAL_DATE_TIME_LENGTH = 19;

    private IsoDates() {
    }

    /** The instant as seconds since the epoch, or {@link #INVALID}. */
    public static long parseDateTime(CharSequence text) {
        int length = text.length();
        if (length != 20 && length != 25) {
            return INVALID;
        }
        long days = epochDay(text);
        if (days == INVALID || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return INVALID;
        }
        int hour = twoDigits(text, 11);
        int minute = twoDigits(text, 14);
        int second = twoDigits(text, 17);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return INVALID;
        }
        int offsetSeconds;
        char zone = text.charAt(19);
        if (length == 20) {
            if (zone != 'Z') {
                return INVALID;
            }
            offsetSeconds = 0;
        } else {
            int offsetHours = twoDigits(text, 20);
            int offsetMinutes = twoDigits(text, 23);
            if ((zone != '+' && zone != '-') || text.charAt(22) != ':' || offsetHours < 0 || offsetHours > 18
                    || offsetMinutes < 0 || offsetMinutes > 59) {
                return INVALID;
            }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (zone == '-' ? -1 : 1);
        }
        return days * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    }

    public static boolean isDateTime(CharSequence text) {
        return parseDateTime(text) != INVALID;
    }

    public static boolean isDate(CharSequence text) {
        return text.length() == DATE_LENGTH && epochDay(text) != INVALID;
    }

    /** {@code 2019-01-03T23:45:57.999+01:00} as {@code 2019-01-03T23:45:57+01:00}; other values unchanged. */
    public static String withoutFraction(String text) {
        if (text.length() <= LOCAL_DATE_TIME_LENGTH + 1 || text.charAt(LOCAL_DATE_TIME_LENGTH) != '.') {
            return text;
        }
        int end = LOCAL_DATE_TIME_LENGTH + 1;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end == LOCAL_DATE_TIME_LENGTH + 1 ? text
                : text.substring(0, LOCAL_DATE_TIME_LENGTH) + text.substring(end);
    }

    /** Whether a value that is no accepted datetime becomes one once its fractional seconds are dropped. */
    public static boolean onlyFractionWrong(String text) {
        return !isDateTime(text) && isDateTime(withoutFraction(text));
    }

    /** Why a value is not an accepted datetime, or null when it is one. */
    public static String explainDateTime(String text) {
        if (isDateTime(text)) {
            return null;
        }
        String expected = "expected an ISO-8601 datetime with a zone offset and without milliseconds, "
                + "like 2018-02-18T02:30:00-07:00 or 2018-02-18T08:00:00Z";
        if (isDate(text)) {
            return "'" + text + "' is a date without time; " + expected;
        }
        if (onlyFractionWrong(text)) {
            return "'" + text + "' has fractional seconds; Gong wants no milliseconds: use '"
                    + withoutFraction(text) + "'";
        }
        if (text.length() == 19 && isDateTime(text + "Z")) {
            return "'" + text + "' has no zone offset; add 'Z' for UTC or an offset like +01:00";
        }
        if (text.length() > 10 && text.charAt(10) == ' ' && isDateTime(text.substring(0, 10) + 'T' + text.substring(11))) {
            return "'" + text + "' separates date and time with a space; use 'T'";
        }
        if (text.length() == 24 && (text.charAt(19) == '+' || text.charAt(19) == '-')) {
            String withColon = text.substring(0, 22) + ':' + text.substring(22);
            if (isDateTime(withColon)) {
                return "'" + text + "' has an offset without a colon; use '" + withColon + "'";
            }
        }
        return "'" + text + "' is not a valid datetime; " + expected;
    }

    /** Why a value is not an accepted date, or null when it is one. */
    public static String explainDate(String text) {
        if (isDate(text)) {
            return null;
        }
        if (text.length() > DATE_LENGTH && isDate(text.substring(0, DATE_LENGTH))) {
            return "'" + text + "' has a time part; this field is a date without time: use '"
                    + text.substring(0, DATE_LENGTH) + "'";
        }
        return "'" + text + "' is not a valid date; expected an ISO-8601 date without time, like 2021-05-19";
    }

    private static long epochDay(CharSequence text) {
        if (text.length() < DATE_LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return INVALID;
        }
        int year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
        int month = twoDigits(text, 5);
        int day = twoDigits(text, 8);
        if (twoDigits(text, 0) < 0 || twoDigits(text, 2) < 0 || month < 1 || month > 12 || day < 1
                || day > daysInMonth(year, month)) {
            return INVALID;
        }
        // days from civil (Howard Hinnant), proleptic Gregorian
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The number written by two ASCII digits at {@code at}, or -1. */
    private static int twoDigits(CharSequence text, int at) {
        char tens = text.charAt(at);
        char ones = text.charAt(at + 1);
        if (tens < '0' || tens > '9' || ones < '0' || ones > '9') {
            return -1;
        }
        return (tens - '0') * 10 + (ones - '0');
    }
}
