package dev.gongcrm.validator.rules;

import dev.gongcrm.validator.read.FieldValue;
import dev.gongcrm.validator.schema.FieldSpec;

/**
 * One check, described by its {@link RuleDoc}. A rule overrides the hooks of the scope it looks at;
 * the engine calls only the hooks a rule overrides, and a new instance serves each validation run,
 * so a rule may keep state across the lines of a file ({@link #startFile} resets it).
 *
 * <p>Rules about the bytes and syntax of a file (invalid JSON, encoding, blank lines...) override no
 * hook: the reader reports them, naming the rule's class.
 */
public interface Rule {

    /** Called before the first line of each entity file. */
    default void startFile(FileScope file) {
    }

    /** Whether {@link #checkField} wants the values of fields with this spec (null: fields no schema defines). */
    default boolean appliesTo(FieldSpec spec) {
        return false;
    }

    /** One top-level field of one object, for the fields {@link #appliesTo} accepted. */
    default void checkField(RecordScope scope, FieldValue value, FieldSpec spec) {
    }

    /** One object, after all its fields were read. */
    default void checkRecord(RecordScope scope) {
    }

    /** One reference from a field to an object of another (or the same) type of the bundle. */
    default void checkReference(ReferenceScope reference) {
    }

    /** One field definition of an uploaded schema file ({@code *.schema.json}). */
    default void checkSchemaField(SchemaFieldScope field) {
    }

    default RuleMeta meta() {
        return RuleMeta.of(getClass());
    }
}
