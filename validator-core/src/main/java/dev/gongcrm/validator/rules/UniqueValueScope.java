package dev.gongcrm.validator.rules;

/**
 * An object that gives a unique field ({@code x-gong-unique}) a value another object holds (another
 * id, not deleted) in what Gong will hold once the bundle is pushed: an earlier object of the bundle,
 * or one Gong holds from an earlier push (the ledger) that the bundle neither sends again nor deletes.
 * Given to {@link Rule#checkUniqueValue} in line order for holders in the bundle, and once the files of
 * the type are read for holders of earlier pushes (until then the bundle may still update them).
 */
public interface UniqueValueScope extends FileScope {

    int line();

    String objectId();

    /** The unique field. */
    String field();

    /** This object's value of the field, as it wrote it. */
    String value();

    /** The object that holds the value. */
    FirstHolder holder();

    /** Reports a finding at the field of this object's line. */
    void report(Rule rule, String message);
}
