package dev.gongcrm.emulator;

import dev.gongcrm.validator.rules.fields.MissingMandatoryField;
import dev.gongcrm.validator.rules.fields.OutOfRange;
import dev.gongcrm.validator.rules.fields.WrongType;
import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.JsonKind;
import tools.jackson.databind.JsonNode;

/**
 * Checks one field of a JSON object against the spec validator-core compiled from the JSON Schemas.
 * It serves the deprecated endpoints (/stages, /map/users), whose bodies are not LDJSON object
 * files and so never reach the validator; their fields borrow the specs of the STAGE and
 * BUSINESS_USER objects that replaced them. Type, emptiness and range are checked, formats are not:
 * none of the borrowed fields has a format Gong refuses a body for.
 */
final class FieldCheck {

    private FieldCheck() {
    }

    /** Gong's description of what is wrong with the field, or null when it is fine. */
    static String problem(JsonNode object, String name, FieldSpec spec, boolean mandatory) {
        JsonNode value = object.get(name);
        // absent, null and (where the schema asks for minLength/minItems) empty all count as missing
        if (value == null || value.isNull() || (spec.nonEmpty() && isEmpty(value))) {
            return mandatory ? GongMessages.of(MissingMandatoryField.class, name) : null;
        }
        if (!spec.accepts(kind(value))) {
            return GongMessages.of(WrongType.class, name);
        }
        if (outOfRange(value, spec)) {
            return GongMessages.of(OutOfRange.class, name);
        }
        return null;
    }

    private static boolean isEmpty(JsonNode value) {
        return (value.isString() && value.asString().isEmpty()) || (value.isArray() && value.size() == 0);
    }

    private static boolean outOfRange(JsonNode value, FieldSpec spec) {
        return value.isNumber() && ((spec.minimum() != null && value.doubleValue() < spec.minimum())
                || (spec.maximum() != null && value.doubleValue() > spec.maximum()));
    }

    private static JsonKind kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> JsonKind.STRING;
            case NUMBER -> value.isIntegralNumber() ? JsonKind.INTEGER : JsonKind.NUMBER;
            case BOOLEAN -> JsonKind.BOOLEAN;
            case ARRAY -> JsonKind.ARRAY;
            case NULL, MISSING -> JsonKind.NULL;
            default -> JsonKind.OBJECT;
        };
    }
}
