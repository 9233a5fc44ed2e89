package dev.gongcrm.validator.schema;

import dev.gongcrm.validator.ObjectType;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** One definition of a schema file (an element of the array sent to /v2/crm/object/schema), as a FieldSpec. */
public final class CustomFieldDefinition {

    private CustomFieldDefinition() {
    }

    /**
     * The field {@code name} as the definition declares it: its type, its picklist values and the
     * type it refers to ({@code USER} is BUSINESS_USER); null when the type is none the profile knows.
     */
    public static FieldSpec compile(ProfileSchemas schemas, String name, JsonNode definition) {
        List<String> values = null;
        if (definition.path("orderedValueList").isArray()) {
            values = new ArrayList<>();
            for (JsonNode value : definition.path("orderedValueList")) {
                values.add(value.asString());
            }
        }
        String referenceTo = definition.path("referenceTo").asString(null);
        ObjectType target = referenceTo == null ? null
                : "USER".equals(referenceTo) ? ObjectType.BUSINESS_USER
                : ObjectType.fromWireName(referenceTo).orElse(null);
        return schemas.customField(name, definition.path("type").asString(null),
                values == null ? null : List.copyOf(values), target);
    }
}
