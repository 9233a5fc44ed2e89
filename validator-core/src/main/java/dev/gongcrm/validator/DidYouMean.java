package dev.gongcrm.validator;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The known name a misspelt one was most likely meant to be: for "did you mean" in messages. */
public final class DidYouMean {

    private DidYouMean() {
    }

    /**
     * The known name closest to {@code wanted} (ignoring case; typing errors: an edit, or two letters
     * swapped), when it is close enough to be a slip: at most a third of its length away, and 2 at most; a
     * name that is {@code wanted} itself is none.
     */
    public static Optional<String> closest(String wanted, Collection<String> known) {
        return closest(wanted, known, 2);
    }

    /** {@link #closest(String, Collection)} with at most {@code maxEdits} edits, whatever the name's length. */
    public static Optional<String> closest(String wanted, Collection<String> known, int maxEdits) {
        String typed = wanted.trim().toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : known) {
            int distance = distance(typed, name.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        int allowed = Math.min(maxEdits, Math.max(1, typed.length() / 3));
        // a name that differs only in case is a slip too where names are case-sensitive (accountID: accountId)
        boolean other = best != null && (bestDistance > 0 || !best.equals(wanted.trim()));
        return other && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** {@code "; did you mean 'x'?"}, or an empty string when no known name is close. */
    public static String hint(String wanted, Collection<String> known) {
        return closest(wanted, known).map(name -> "; did you mean '" + name + "'?").orElse("");
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
