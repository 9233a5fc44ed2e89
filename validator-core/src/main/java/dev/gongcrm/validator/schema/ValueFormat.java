package dev.gongcrm.validator.schema;

/** The JSON Schema {@code format} values the engine checks with its own parsers. */
public enum ValueFormat {
    NONE(null),
    DATE_TIME("date-time"),
    DATE("date"),
    EMAIL("email"),
    URL("uri"),
    DOMAIN("hostname");

    private final String schemaName;

    ValueFormat(String schemaName) {
        this.schemaName = schemaName;
    }

    /** Whether two values that differ only in case are the same (email addresses, host names). */
    public boolean ignoresCase() {
        return this == EMAIL || this == DOMAIN;
    }

    static ValueFormat fromSchema(String name) {
        if (name == null) {
            return NONE;
        }
        for (ValueFormat format : values()) {
            if (name.equals(format.schemaName)) {
                return format;
            }
        }
        throw new SchemaLoadException("unsupported format '" + name + "'");
    }
}
