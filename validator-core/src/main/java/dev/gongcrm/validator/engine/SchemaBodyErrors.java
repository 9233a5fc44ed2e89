package dev.gongcrm.validator.engine;

import com.networknt.schema.Error;
import dev.gongcrm.validator.rules.RuleMeta;
import dev.gongcrm.validator.time.IsoDates;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns networknt's failures of a schema file against the profile's request-body schema
 * ({@code schema-fields.schema.json}) into findings: each goes to the rule owning its keyword
 * ({@link SchemaKeywordOwners}), worded for the field definition it is about, from what the
 * request body declares.
 */
final class SchemaBodyErrors {

    /** The definitions of the file the failures are about. */
    interface Definitions {
        JsonNode definition(int index);

        String uniqueName(int index);

        void report(int index, RuleMeta rule, String property, String message, boolean fixable);
    }

    private final JsonNode bodySchema;

    SchemaBodyErrors(JsonNode bodySchema) {
        this.bodySchema = bodySchema;
    }

    /** The object types the schema endpoint takes ({@code x-gong-object-types}). */
    List<String> acceptedTypes() {
        return strings(bodySchema.path("x-gong-object-types"));
    }

    /**
     * Reports each failure once per definition, property and rule; returns the indexes of the
     * definitions whose failures leave them uncompiled.
     */
    Set<Integer> report(List<Error> errors, Definitions definitions) {
        Set<String> reported = new HashSet<>();
        Set<Integer> broken = new HashSet<>();
        for (Error error : errors) {
            if (error.getInstanceLocation().getNameCount() == 0) {
                continue;
            }
            int index = ((Number) error.getInstanceLocation().getElement(0)).intValue();
            String property = error.getInstanceLocation().getNameCount() > 1
                    ? error.getInstanceLocation().getName(1) : error.getProperty();
            SchemaKeywordOwners.Owner owner = SchemaKeywordOwners.of(error.getKeyword(), declaredFormat(property));
            if (owner.breaksDefinition()) {
                broken.add(index);
            }
            if (reported.add(index + "/" + property + "/" + owner.rule().name())) {
                JsonNode definition = definitions.definition(index);
                definitions.report(index, owner.rule(), property, messageFor(error, property, definition,
                        definitions.uniqueName(index)), fixable(error.getKeyword(), property, definition));
            }
        }
        return broken;
    }

    /**
     * Whether {@code gongcrm fix} repairs the failure, as {@code SchemaFileFix} does: a datetime whose only
     * fault is its fractional seconds (lastModified), and a deprecated {@code name} that can become (or is
     * the same as) {@code uniqueName}.
     */
    private static boolean fixable(String keyword, String property, JsonNode definition) {
        JsonNode value = definition.path(property == null ? "" : property);
        return switch (keyword) {
            case "pattern", "format" -> "lastModified".equals(property) && value.isString()
                    && IsoDates.onlyFractionWrong(value.asString());
            case "additionalProperties" -> "name".equals(property)
                    && (!definition.has("uniqueName") || definition.get("uniqueName").equals(value));
            case "required", "anyOf" -> ("uniqueName".equals(property) || "anyOf".equals(keyword))
                    && !definition.has("uniqueName") && definition.path("name").isString();
            default -> false;
        };
    }

    private String declaredFormat(String property) {
        return property == null ? ""
                : bodySchema.path("items").path("properties").path(property).path("format").asString("");
    }

    private String messageFor(Error error, String property, JsonNode definition, String uniqueName) {
        JsonNode value = definition.path(property == null ? "" : property);
        String what = "field definition" + (uniqueName == null ? "" : " '" + uniqueName + "'");
        return switch (error.getKeyword()) {
            case "required" -> what + " lacks '" + property + "'" + requirementReason(property);
            case "anyOf" -> what + " lacks 'uniqueName'; every definition needs the unique name of the field";
            case "additionalProperties" -> what + ": '" + property + "' is not a property of a field definition in "
                    + "this profile's schema request body" + replacementHint(property, definition);
            case "minItems", "minLength" -> what + ": '" + property + "' is empty; give it a value";
            case "enum", "const" -> what + ": " + property + " " + (value.isMissingNode() ? "" : value + " ")
                    + "is not one of " + allowedValues(property) + caseHint(value, property);
            case "pattern", "format" -> what + ": " + property + " "
                    + (value.isString() ? IsoDates.explainDateTime(value.asString()) : "has the wrong format");
            case "type" -> what + ": '" + property + "' must be " + expectedType(property) + ", got " + value;
            default -> what + ": " + error.getMessage();
        };
    }

    private String requirementReason(String property) {
        String description = bodySchema.path("items").path("properties").path(property).path("description")
                .asString("");
        if (description.startsWith("Required")) {
            int end = description.indexOf('.');
            return " (" + (end > 0 ? description.substring(0, end) : description) + ")";
        }
        if (strings(bodySchema.path("items").path("required")).contains(property)) {
            return " (every definition needs it, deleted ones too)";
        }
        return "label".equals(property) || "type".equals(property)
                ? " (required unless the field is deleted with isDeleted: true)" : "";
    }

    private static String replacementHint(String property, JsonNode definition) {
        return "name".equals(property) && definition.has("uniqueName") ? ": drop it (uniqueName names the field)"
                : "name".equals(property) ? ": rename it to 'uniqueName'" : ": drop it";
    }

    /** The documented values of a property: what its enum accepts but does not document goes unnamed. */
    private List<String> allowedValues(String property) {
        List<String> values = strings(bodySchema.path("items").path("properties").path(property).path("enum"));
        values.removeIf(value -> documentedFormOf(bodySchema, property, value).isPresent());
        return values;
    }

    /**
     * The documented value meaning the same as {@code value}, when the request body accepts that value of
     * the property without documenting it ({@code x-gong-undocumented-values}); empty otherwise.
     */
    static Optional<String> documentedFormOf(JsonNode bodySchema, String property, String value) {
        JsonNode documented = bodySchema.path("items").path("properties").path(property)
                .path("x-gong-undocumented-values").path(value);
        return documented.isString() ? Optional.of(documented.asString()) : Optional.empty();
    }

    private String caseHint(JsonNode value, String property) {
        if (!value.isString()) {
            return "";
        }
        return allowedValues(property).stream().filter(v -> v.equalsIgnoreCase(value.asString())).findFirst()
                .map(v -> " (values are case-sensitive: use \"" + v + "\")").orElse(" (case-sensitive)");
    }

    private String expectedType(String property) {
        JsonNode type = bodySchema.path("items").path("properties").path(property).path("type");
        if (type.isArray()) {
            List<String> names = new ArrayList<>();
            type.forEach(node -> names.add(node.asString()));
            return names.stream().collect(Collectors.joining(" or "));
        }
        return type.asString("another type");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> {
            if (!node.isNull()) {
                values.add(node.asString());
            }
        });
        return values;
    }
}
