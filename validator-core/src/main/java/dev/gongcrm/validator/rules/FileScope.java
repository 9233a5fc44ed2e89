package dev.gongcrm.validator.rules;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.schema.ProfileTable;
import dev.gongcrm.validator.schema.TypeSpec;

/** The entity file being checked. */
public interface FileScope {

    /** The file as shown in findings. */
    String file();

    TypeSpec spec();

    default ObjectType type() {
        return spec().type();
    }

    /** What the run's API profile changes in the rules (severities, advice). */
    default ProfileTable profile() {
        return spec().profile();
    }
}
