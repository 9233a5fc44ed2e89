package dev.gongcrm.validator.rules;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.PriorUploads;
import dev.gongcrm.validator.schema.ProfileTable;

import java.util.Optional;
import java.util.Set;

/** A whole schema file, after its definitions were checked one by one. */
public interface SchemaFileScope {

    String file();

    ObjectType type();

    /** Every uniqueName the file names, deleted ones ({@code isDeleted: true}) included. */
    Set<String> uniqueNames();

    /** The schema of this type uploaded last time, when the run knows earlier uploads. */
    Optional<PriorUploads.UploadedSchema> lastUploaded();

    /** What the run's API profile changes in the rules (severities, advice). */
    ProfileTable profile();

    /** Reports a finding about the whole file, at the start of its array. */
    void report(Rule rule, String message);
}
