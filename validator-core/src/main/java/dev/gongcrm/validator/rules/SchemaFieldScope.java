package dev.gongcrm.validator.rules;

import dev.gongcrm.validator.ObjectType;
import tools.jackson.databind.JsonNode;

/** One field definition (one element of the array) of an uploaded schema file. */
public interface SchemaFieldScope {

    String file();

    ObjectType type();

    /** 0-based position of the definition in the array. */
    int index();

    /** The line where the definition starts. */
    int line();

    /** The definition as written. */
    JsonNode definition();

    /** The field's uniqueName (or its deprecated {@code name}), or null when it has neither. */
    String uniqueName();

    /** Reports a finding at the line where the definition starts; {@code property} becomes the JSON pointer. */
    void report(Rule rule, String property, String message);
}
