package dev.gongcrm.validator.rules;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.bundle.FileKind;
import dev.gongcrm.validator.schema.TypeSpec;

/** A file of the bundle as the bundle lists it, before its content is read. */
public interface BundleFileScope {

    /** The file as shown in findings. */
    String file();

    FileKind kind();

    /** The object type, or null when the file's name does not tell it and no type was given. */
    ObjectType type();

    /** The size in bytes, or -1 when unknown (a stream). */
    long size();

    /** What the run's profile defines for the file's content; null when it defines nothing (no such endpoint). */
    TypeSpec spec();

    /** The name of the run's API profile. */
    String profileName();

    /** Reports a finding about the whole file. */
    default void report(Rule rule, String message) {
        report(rule, message, false);
    }

    /** Reports a finding about the whole file, saying whether {@code gongcrm fix} repairs it. */
    void report(Rule rule, String message, boolean fixable);
}
