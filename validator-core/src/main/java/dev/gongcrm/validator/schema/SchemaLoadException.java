package dev.gongcrm.validator.schema;

/** A built-in schema resource is missing or uses a construct the engine does not interpret. */
public class SchemaLoadException extends RuntimeException {
    public SchemaLoadException(String message) {
        super(message);
    }
}
