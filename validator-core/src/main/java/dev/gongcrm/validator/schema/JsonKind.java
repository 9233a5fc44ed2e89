package dev.gongcrm.validator.schema;

/** The JSON type of a value as the reader saw it; integers are told apart from other numbers. */
public enum JsonKind {
    STRING("a string"),
    INTEGER("an integer"),
    NUMBER("a number"),
    BOOLEAN("a boolean"),
    ARRAY("an array"),
    OBJECT("an object"),
    NULL("null");

    private final String description;

    JsonKind(String description) {
        this.description = description;
    }

    /** "a string", "an integer"... for messages. */
    public String description() {
        return description;
    }
}
