package dev.gongcrm.validator.bundle;

import java.util.Locale;
import java.util.Set;

/** What a file of a bundle holds. */
public enum FileKind {
    /** LDJSON: one CRM object per line ({@code *.ldjson}, {@code *.jsonl}, {@code *.ndjson}). */
    ENTITIES,
    /** The JSON array of field definitions sent to {@code /v2/crm/object/schema} ({@code *.schema.json}). */
    SCHEMA,
    /**
     * LDJSON for the deprecated {@code /v2/crm/map/users}: one {@code crmUserId} to {@code emailAddress}
     * mapping per line. An entity file whose name has {@code user(s)} next to {@code map} or
     * {@code mapping(s)}, in either order ({@code user-mapping.ldjson}, {@code users_mappings.jsonl},
     * {@code map-users.ldjson}, {@code crm-usermapping.ndjson}).
     */
    USER_MAPPING;

    private static final Set<String> USER = Set.of("user", "users");
    private static final Set<String> MAPPING = Set.of("map", "mapping", "mappings");

    /** The kind a file name says, or null when it names none. */
    public static FileKind fromFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".schema.json")) {
            return SCHEMA;
        }
        if (lower.endsWith(".ldjson") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return namesUserMapping(lower) ? USER_MAPPING : ENTITIES;
        }
        return null;
    }

    /** Whether the name, split on anything but letters and digits, has a user token next to a mapping token. */
    private static boolean namesUserMapping(String lowerCaseName) {
        String[] tokens = lowerCaseName.split("[^a-z0-9]+");
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].matches("users?(map|mappings?)")) {
                return true;
            }
            if (i + 1 < tokens.length && (USER.contains(tokens[i]) && MAPPING.contains(tokens[i + 1])
                    || MAPPING.contains(tokens[i]) && USER.contains(tokens[i + 1]))) {
                return true;
            }
        }
        return false;
    }
}
