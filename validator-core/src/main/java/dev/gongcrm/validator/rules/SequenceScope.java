package dev.gongcrm.validator.rules;

/** One object of an entity file as the file's order sees it: given to {@link Rule#checkSequence} in line order. */
public interface SequenceScope extends FileScope {

    int line();

    /** The object's objectId when it is a string, else null. */
    String objectId();

    /** The line where the same objectId appeared earlier in this file, or 0. */
    int earlierLine();

    /** The modifiedDate as written, or null when it is absent or not a string. */
    String modifiedDate();

    /** The modifiedDate as seconds since the epoch, or {@code IsoDates.INVALID}. */
    long modifiedInstant();

    /** Reports a finding at the given field of this object's line. */
    default void report(Rule rule, String field, String message) {
        report(rule, field, message, false);
    }

    /** Reports a finding at the given field of this object's line, saying whether {@code gongcrm fix} repairs it. */
    void report(Rule rule, String field, String message, boolean fixable);
}
