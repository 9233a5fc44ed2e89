package dev.gongcrm.validator.bundle;

/** What a file of a bundle holds. */
public enum FileKind {
    /** LDJSON: one CRM object per line ({@code *.ldjson}, {@code *.jsonl}, {@code *.ndjson}). */
    ENTITIES,
    /** The JSON array of field definitions sent to {@code /v2/crm/object/schema} ({@code *.schema.json}). */
    SCHEMA;

    /** The kind a file name says, or null when it names neither. */
    public static FileKind fromFileName(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".schema.json")) {
            return SCHEMA;
        }
        if (lower.endsWith(".ldjson") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return ENTITIES;
        }
        return null;
    }
}
