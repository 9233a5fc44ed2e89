package dev.gongcrm.validator.rules;

import dev.gongcrm.validator.ObjectType;

/**
 * A field whose value names an object of the bundle (a deal's accountId, a custom REFERENCE field...),
 * with what the bundle says about that object. Only references to a type the run has files for
 * reach the rules.
 */
public interface ReferenceScope {

    String file();

    int line();

    String objectId();

    String field();

    /** The id (or, for stages, the internalName) the field names. */
    String value();

    ObjectType target();

    /** The field of the target the value is matched against: objectId, or internalName for stages. */
    String targetKey();

    /** Whether the bundle has an object of the target type with that key. */
    boolean found();

    /** Whether that object is sent with {@code isDeleted: true}. */
    boolean deleted();

    /** Whether that object is a stage with {@code isActive: false}. */
    boolean inactive();

    void report(Rule rule, String message);
}
