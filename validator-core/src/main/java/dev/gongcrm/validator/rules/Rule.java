package dev.gongcrm.validator.rules;

import dev.gongcrm.validator.read.FieldValue;
import dev.gongcrm.validator.schema.FieldSpec;

/**
 * One check, described by its {@link RuleDoc}. A rule overrides the hooks of the scope it looks at;
 * the engine calls only the hooks a rule overrides.
 *
 * <p>{@link #checkField}, {@link #checkRecord} and {@link #checkReference} look at one line and must
 * keep no state between calls: the engine runs them on several threads, each with its own instances.
 * A check across the lines of a file (order, duplicates) uses {@link #checkSequence}, called on one
 * instance in line order, after {@link #startFile}.
 *
 * <p>Rules about the bytes and syntax of a file (invalid JSON, encoding, blank lines...) look at what the
 * reader found in {@link #checkSyntax}; rules about a file as a whole (its size, its type) in
 * {@link #checkBundleFile}.
 */
public interface Rule {

    /** Each file of the bundle, schema files first, before its content is read. */
    default void checkBundleFile(BundleFileScope file) {
    }

    /** A problem the reader found with a line or a file, before any object could be read from it. */
    default void checkSyntax(SyntaxScope problem) {
    }

    /** Called before the first line of each file, for rules that keep per-file state. */
    default void startFile(FileScope file) {
    }

    /** One object of an entity file, in line order, with what only the order of lines can tell. */
    default void checkSequence(SequenceScope scope) {
    }

    /**
     * A value of a unique field ({@code x-gong-unique}) that another object holds, in the bundle or from an
     * earlier push: see {@link UniqueValueScope} for when it is called.
     */
    default void checkUniqueValue(UniqueValueScope scope) {
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

    /**
     * A reference from a field to an object of the bundle that is missing, deleted or inactive: a
     * reference to a live object has nothing to report, so it does not reach the rules.
     */
    default void checkReference(ReferenceScope reference) {
    }

    /** One field definition of an uploaded schema file ({@code *.schema.json}). */
    default void checkSchemaField(SchemaFieldScope field) {
    }

    /** A whole schema file, after {@link #checkSchemaField} saw each of its definitions. */
    default void checkSchemaFile(SchemaFileScope file) {
    }

    default RuleMeta meta() {
        return RuleMeta.of(getClass());
    }
}
