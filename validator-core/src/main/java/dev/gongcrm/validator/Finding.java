package dev.gongcrm.validator;

/**
 * One problem found in one place.
 *
 * @param rule the stable rule name, e.g. {@code missing-mandatory-field}
 * @param file the file as the user named it (relative to where they pointed us)
 * @param line 1-based line, 0 when the finding is about the whole file
 * @param column 1-based column in characters, 0 when unknown
 * @param objectId the objectId of the line's object, or null
 * @param field a JSON pointer to the field, e.g. {@code /closeDate}, or null
 * @param fixable whether {@code gongcrm fix}, run without options, repairs it
 */
public record Finding(String rule, Severity severity, String file, int line, int column,
                      String objectId, String field, String message, boolean fixable) {

    /** A finding that {@code gongcrm fix} does not repair. */
    public Finding(String rule, Severity severity, String file, int line, int column,
                   String objectId, String field, String message) {
        this(rule, severity, file, line, column, objectId, field, message, false);
    }

    public boolean hasColumn() {
        return column > 0;
    }
}
