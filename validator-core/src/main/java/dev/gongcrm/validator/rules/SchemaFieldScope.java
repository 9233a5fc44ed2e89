package dev.gongcrm.validator.rules;

import dev.gongcrm.validator.ObjectType;
import tools.jackson.databind.JsonNode;

import java.util.Optional;

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

    /** The field's uniqueName (or, where the profile still takes it, its deprecated {@code name}), or null. */
    String uniqueName();

    /**
     * For a property of a definition that the profile's request body marks deprecated, the property to
     * send instead (empty string when it names none); empty when the property is not deprecated.
     */
    Optional<String> replacementOf(String property);

    /**
     * For a value of a property that the profile's request body accepts without documenting it
     * ({@code x-gong-undocumented-values}), the documented value that means the same; empty otherwise.
     */
    Optional<String> documentedFormOf(String property, String value);

    /** The definition of the same uniqueName in the type's last uploaded schema, when the run knows it. */
    Optional<JsonNode> lastUploadedDefinition();

    /** Reports a finding at the line where the definition starts; {@code property} becomes the JSON pointer. */
    default void report(Rule rule, String property, String message) {
        report(rule, property, message, false);
    }

    /** Reports a finding at the line where the definition starts, saying whether {@code gongcrm fix} repairs it. */
    void report(Rule rule, String property, String message, boolean fixable);
}
