package dev.gongcrm.validator.schema;

import dev.gongcrm.validator.ObjectType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the engine knows about one object type: its fields (Gong-defined plus the custom fields
 * of an uploaded schema) and which of them are mandatory, and when.
 *
 * @param mandatory fields that must be present and not empty
 * @param mandatoryUnlessDeleted fields mandatory except on objects sent with {@code isDeleted: true}
 * @param mandatoryForDialer fields mandatory when Gong imports dialer calls ({@code --dialer})
 * @param referenceKey the field other objects name when they refer to this type
 * @param activeField a boolean field that, when false, makes the object inactive (stages), or null
 * @param profile what the type's profile changes in the rules beyond the schemas
 */
public record TypeSpec(ObjectType type, Map<String, FieldSpec> fields, List<String> mandatory,
                       List<String> mandatoryUnlessDeleted, List<String> mandatoryForDialer,
                       String referenceKey, String activeField, ProfileTable profile) {

    public FieldSpec field(String name) {
        return fields.get(name);
    }

    /** This type with the custom fields of an uploaded schema added; built-in fields keep their spec. */
    public TypeSpec withCustomFields(List<FieldSpec> customFields) {
        Map<String, FieldSpec> merged = new LinkedHashMap<>(fields);
        for (FieldSpec custom : customFields) {
            merged.putIfAbsent(custom.name(), custom);
        }
        return new TypeSpec(type, Collections.unmodifiableMap(merged), mandatory, mandatoryUnlessDeleted,
                mandatoryForDialer, referenceKey, activeField, profile);
    }
}
