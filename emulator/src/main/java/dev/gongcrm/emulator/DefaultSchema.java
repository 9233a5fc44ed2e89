package dev.gongcrm.emulator;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.JsonKind;
import dev.gongcrm.validator.schema.ProfileSchemas;
import dev.gongcrm.validator.schema.TypeSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema Gong gives every type of a new integration ("a default schema for each object type
 * (Contact, Account, Deal, Lead) that contains the mandatory and optional fields specified in this
 * guide"), derived from the JSON Schemas validator-core compiles, so it cannot drift from what the
 * validator checks. Deprecated fields are left out: the guide names their replacements, which are in.
 * Kept apart from the uploaded custom fields, which are validated on their own.
 */
final class DefaultSchema {

    private DefaultSchema() {
    }

    /** The built-in fields of a type as schema/list shows them: uniqueName, label, type and referenceTo. */
    static List<Map<String, Object>> fields(ObjectType type) {
        TypeSpec spec = ProfileSchemas.of(ProfileSchemas.DEFAULT_PROFILE).type(type);
        List<Map<String, Object>> fields = new ArrayList<>();
        for (FieldSpec field : spec.fields().values()) {
            if (field.deprecated()) {
                continue;
            }
            Map<String, Object> definition = new LinkedHashMap<>();
            definition.put("uniqueName", field.name());
            definition.put("label", label(field.name()));
            definition.put("type", fieldType(spec, field));
            if (field.referenceTo() != null) {
                definition.put("referenceTo", field.referenceTo().name());
            }
            fields.add(definition);
        }
        return fields;
    }

    /** The field in the vocabulary of /v2/crm/object/schema (Supported Field Types). */
    private static String fieldType(TypeSpec spec, FieldSpec field) {
        if (field.name().equals(spec.referenceKey())) {
            return "ID";
        }
        if (field.referenceTo() != null) {
            return "REFERENCE";
        }
        if (field.kinds().contains(JsonKind.ARRAY)) {
            return "STRINGARRAY";
        }
        if (field.kinds().contains(JsonKind.BOOLEAN)) {
            return "BOOLEAN";
        }
        // the schemas do not tell a CURRENCY (a deal's amount, in the guide) from a NUMBER
        if (field.kinds().contains(JsonKind.NUMBER) || field.kinds().contains(JsonKind.INTEGER)) {
            return "NUMBER";
        }
        return switch (field.format()) {
            case DATE_TIME -> "DATETIME";
            case DATE -> "DATE";
            case EMAIL -> "EMAILADDRESS";
            case URL -> "URL";
            case NONE, DOMAIN -> "STRING";
        };
    }

    /** "closeDate" reads "Close Date": Gong shows a label, the schemas have only the name. */
    private static String label(String name) {
        StringBuilder label = new StringBuilder().append(Character.toUpperCase(name.charAt(0)));
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                label.append(' ');
            }
            label.append(c);
        }
        return label.toString();
    }
}
