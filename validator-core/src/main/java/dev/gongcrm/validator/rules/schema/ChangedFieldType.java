package dev.gongcrm.validator.rules.schema;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.rules.SchemaFieldScope;
import tools.jackson.databind.JsonNode;

/**
 * Gong keeps a field's data across schema uploads unless its type changes: then the field is created
 * anew and its values are gone. Needs the ledger's record of the last uploaded schema
 * ({@code validate --ledger}, and every {@code push}); a field deleted in this upload is left to the
 * deletion it asks for.
 */
@RuleDoc(
        name = "changed-field-type",
        severity = Severity.WARNING,
        summary = "A field's type differs from the one it had in the last uploaded schema: Gong deletes the field's "
                + "data (checked against the ledger of earlier pushes).",
        seed = "Changing a field: if you change the field type, a new field is created and the data associated with "
                + "the original field is deleted. Other changes, such as the label do not result in data being deleted.",
        bad = """
                --- uploaded/deal.schema.json
                [{"uniqueName": "probability", "label": "Probability", "type": "NUMBER"}]
                --- deal.schema.json
                [{"uniqueName": "probability", "label": "Probability", "type": "PERCENT"}]
                """,
        reported = {"deal.schema.json:1:2 /0/type"},
        good = """
                --- uploaded/deal.schema.json
                [{"uniqueName": "probability", "label": "Probability", "type": "NUMBER"}]
                --- deal.schema.json
                [{"uniqueName": "probability", "label": "Win probability", "type": "NUMBER"}]
                """)
public final class ChangedFieldType implements Rule {

    @Override
    public void checkSchemaField(SchemaFieldScope field) {
        JsonNode definition = field.definition();
        String type = definition.path("type").asString(null);
        if (type == null || definition.path("isDeleted").asBoolean(false)) {
            return;
        }
        field.lastUploadedDefinition().ifPresent(last -> {
            String lastType = last.path("type").asString(null);
            if (lastType != null && !lastType.equals(type) && !last.path("isDeleted").asBoolean(false)) {
                field.report(this, "type", "field '" + field.uniqueName() + "' was uploaded as " + lastType
                        + " and is now " + type + "; changing a field's type creates a new field and deletes the "
                        + "data of the old one: keep " + lastType + ", or define a new uniqueName for the " + type
                        + " field");
            }
        });
    }
}
