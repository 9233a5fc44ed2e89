package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.rules.RuleMeta;

/**
 * A finding as a scope raises it, on its way to the run's sink, which applies the configuration
 * (enabled rules, severities, the cap) and makes it a {@code Finding}. Its message is shortened where
 * it is raised, so that a batch waiting for its turn does not hold a quoted value of megabytes.
 *
 * @param field the field or JSON pointer the finding is about, or null for the object or file as a whole
 * @param fixable whether {@code gongcrm fix}, run without options, repairs it
 */
record Raised(RuleMeta rule, Place place, String field, String message, boolean fixable) {

    Raised {
        message = Messages.shorten(message);
    }

    Raised(RuleMeta rule, Place place, String field, String message) {
        this(rule, place, field, message, false);
    }

    /**
     * Where a finding is: a file, a line and a column in it (0 for the whole file or line), and the
     * object the line holds (null when the finding is not about one).
     */
    record Place(String file, int line, int column, String objectId) {

        static Place wholeFile(String file) {
            return new Place(file, 0, 0, null);
        }

        static Place at(String file, int line, int column) {
            return new Place(file, line, column, null);
        }

        /** The same place in a file where {@code lines} lines come before the batch it was counted in. */
        Place linesOn(int lines) {
            return new Place(file, line + lines, column, objectId);
        }
    }

    Raised linesOn(int lines) {
        return new Raised(rule, place.linesOn(lines), field, message, fixable);
    }
}
