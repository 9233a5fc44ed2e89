package dev.gongcrm.validator.convert;

import java.util.Locale;
import java.util.Map;

/** The field delimiters CSV exports use, told from the header row or named by the user. */
public final class CsvDelimiter {

    /** In the order that wins a tie: Excel and most tools write commas unless the locale says otherwise. */
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};

    private static final Map<String, Character> NAMES = Map.of(",", ',', ";", ';', "|", '|', "\t", '\t',
            "\\t", '\t', "tab", '\t', "comma", ',', "semicolon", ';', "pipe", '|');

    private CsvDelimiter() {
    }

    /**
     * The candidate that occurs most often outside quotes in the header row (a comma when none occurs: a
     * header of one column). A header names columns, so it rarely holds a delimiter of another kind.
     */
    public static char detect(String headerRow) {
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        for (int i = 0; i < headerRow.length(); i++) {
            char c = headerRow.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            for (int k = 0; !quoted && k < CANDIDATES.length; k++) {
                if (c == CANDIDATES[k]) {
                    counts[k]++;
                }
            }
        }
        int best = 0;
        for (int k = 1; k < CANDIDATES.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return CANDIDATES[best];
    }

    /** A delimiter as the user names it: the character itself, or tab, comma, semicolon, pipe. */
    public static char parse(String name) {
        Character delimiter = NAMES.get(name.toLowerCase(Locale.ROOT));
        if (delimiter == null) {
            throw new IllegalArgumentException("unknown delimiter '" + name + "'; use , ; | or tab");
        }
        return delimiter;
    }
}
