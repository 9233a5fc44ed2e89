package dev.gongcrm.validator.rules;

import dev.gongcrm.validator.ValidationOptions;
import dev.gongcrm.validator.read.CrmRecord;
import dev.gongcrm.validator.read.FieldValue;

/** One object of an entity file, and the means to report what is wrong with it. */
public interface RecordScope extends FileScope {

    CrmRecord record();

    ValidationOptions options();

    /** The object's objectId when it is a string, else null. */
    String objectId();

    /** Whether the object is sent with {@code isDeleted: true}. */
    boolean isDeleted();

    /** Whether this field must be present and not empty on this object (deletion and dialer considered). */
    boolean isMandatory(String field);

    /**
     * Whether a value is already reported as "missing or empty" by the mandatory-field rule, so that
     * type and format rules stay quiet about it.
     */
    default boolean isMissingMandatory(FieldValue value) {
        return value.isEmpty() && isMandatory(value.name());
    }

    /** Reports a finding at the given field (its column is found in the line). */
    default void report(Rule rule, String field, String message) {
        report(rule, field, message, false);
    }

    /**
     * Reports a finding at the given field, saying whether {@code gongcrm fix} (without options) repairs it:
     * the count of those is the text report's hint to run the fixer.
     */
    void report(Rule rule, String field, String message, boolean fixable);

    /** Reports a finding about the object as a whole. */
    default void report(Rule rule, String message) {
        report(rule, null, message);
    }
}
