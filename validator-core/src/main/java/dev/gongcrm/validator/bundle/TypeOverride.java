package dev.gongcrm.validator.bundle;

import dev.gongcrm.validator.ObjectType;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a type override says a file is, for a file whose name does not tell it: the command line's
 * {@code --type [FILE=]TYPE}, the Maven plugin's {@code <types>} and the {@code types} of
 * {@code gongcrm.json} all read it here. Either an object type (the file's kind still comes from its
 * name: entities, or a schema for {@code *.schema.json}) or {@link #USER_MAPPING}, a file for
 * {@code /v2/crm/map/users}, which maps BUSINESS_USERs.
 *
 * @param objectType the object type; BUSINESS_USER for a user mapping file
 * @param userMapping whether the file is a user mapping file
 */
public record TypeOverride(ObjectType objectType, boolean userMapping) {

    /** The key of the override that applies to every file, over what each file's name says. */
    public static final String ALL_FILES = "*";

    /** A user mapping file: {@code USER_MAPPING}, {@code user-mapping}, {@code map-users}... */
    public static final TypeOverride USER_MAPPING = new TypeOverride(ObjectType.BUSINESS_USER, true);

    /** The spellings of {@link #USER_MAPPING}, once case and {@code -}, {@code _} and spaces are taken out. */
    private static final Set<String> USER_MAPPING_NAMES = Set.of("usermapping", "usermappings", "usersmapping",
            "usersmappings", "mapusers", "mapuser");

    public TypeOverride {
        Objects.requireNonNull(objectType);
        if (userMapping && objectType != ObjectType.BUSINESS_USER) {
            throw new IllegalArgumentException("a user mapping file maps BUSINESS_USERs, not " + objectType);
        }
    }

    public static TypeOverride of(ObjectType objectType) {
        return new TypeOverride(objectType, false);
    }

    /**
     * Parses a user-supplied type: an object type as {@link ObjectType#parseLenient} takes it, or a
     * spelling of {@code USER_MAPPING}; anything else is an IllegalArgumentException naming them all.
     */
    public static TypeOverride parse(String name) {
        if (USER_MAPPING_NAMES.contains(name.toLowerCase(Locale.ROOT).replaceAll("[-_\\s]", ""))) {
            return USER_MAPPING;
        }
        return ObjectType.parseLenient(name).map(TypeOverride::of).orElseThrow(() -> new IllegalArgumentException(
                "unknown type '" + name + "'; use ACCOUNT, CONTACT, DEAL, LEAD, BUSINESS_USER, STAGE, or USER_MAPPING "
                        + "for a /v2/crm/map/users file"));
    }

    /**
     * The kind of a file with this override, whose name says {@code byName} (null when it says none):
     * a user mapping override makes any file a mapping file; an object type makes a file named like a
     * mapping file an entity file of that type, and leaves entity and schema files as they are.
     */
    public FileKind kind(FileKind byName) {
        if (userMapping) {
            return FileKind.USER_MAPPING;
        }
        return byName == FileKind.SCHEMA ? FileKind.SCHEMA : FileKind.ENTITIES;
    }

    /** A file name that says this type, for content that has none (standard input). */
    public String fileName() {
        return userMapping ? "user-mapping.ldjson" : objectType.resourceName() + ".ldjson";
    }

    @Override
    public String toString() {
        return userMapping ? "USER_MAPPING" : objectType.name();
    }
}
