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
 * @param recommended optional fields whose absence costs something, with what it costs in Gong's words
 *     ({@code x-gong-if-missing}, e.g. "Deals without an accountId will not appear in Gong")
 * @param referenceKey the field other objects name when they refer to this type
 * @param activeField a boolean field that, when false, makes the object inactive (stages), or null
 * @param idField the field that identifies an object: objectId, or crmUserId in a {@code /map/users} file
 * @param uniqueFields fields whose value no two objects of the type may share ({@code x-gong-unique})
 * @param mandatoryOneOf groups of fields of which at least one must be present and not empty (an
 *     {@code anyOf} of {@code required}), the first field of a group being the one to use
 * @param closed no field but its own is meant for it ({@code additionalProperties: false}): no schema
 *     file adds custom fields to it (a {@code /map/users} line)
 * @param profile what the type's profile changes in the rules beyond the schemas
 */
public record TypeSpec(ObjectType type, Map<String, FieldSpec> fields, List<String> mandatory,
                       List<String> mandatoryUnlessDeleted, List<String> mandatoryForDialer,
                       Map<String, String> recommended, String referenceKey, String activeField, String idField,
                       List<String> uniqueFields, List<List<String>> mandatoryOneOf, boolean closed,
                       ProfileTable profile) {

    public FieldSpec field(String name) {
        return fields.get(name);
    }

    /** The group of {@link #mandatoryOneOf} a field belongs to, or an empty list. */
    public List<String> oneOfGroup(String field) {
        for (List<String> group : mandatoryOneOf) {
            if (group.contains(field)) {
                return group;
            }
        }
        return List.of();
    }

    /** This type with the custom fields of an uploaded schema added; built-in fields keep their spec. */
    public TypeSpec withCustomFields(List<FieldSpec> customFields) {
        Map<String, FieldSpec> merged = new LinkedHashMap<>(fields);
        for (FieldSpec custom : customFields) {
            merged.putIfAbsent(custom.name(), custom);
        }
        return new TypeSpec(type, Collections.unmodifiableMap(merged), mandatory, mandatoryUnlessDeleted,
                mandatoryForDialer, recommended, referenceKey, activeField, idField, uniqueFields, mandatoryOneOf,
                closed, profile);
    }
}
