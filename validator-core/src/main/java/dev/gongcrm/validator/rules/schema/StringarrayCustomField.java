package dev.gongcrm.validator.rules.schema;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.rules.SchemaFieldScope;

/** STRINGARRAY exists for Gong's own fields (account domains); custom fields cannot use it. */
@RuleDoc(
        name = "stringarray-custom-field",
        severity = Severity.ERROR,
        summary = "Custom fields cannot have type STRINGARRAY.",
        seed = "STRINGARRAY** array of strings. ** Can only be used for Gong-defined fields.",
        bad = """
                --- contact.schema.json
                [{"uniqueName": "languages", "label": "Languages", "type": "STRINGARRAY"}]
                """,
        reported = {"contact.schema.json:1:2 /0/type"},
        good = """
                --- contact.schema.json
                [{"uniqueName": "languages", "label": "Languages", "type": "STRING"}]
                """)
public final class StringarrayCustomField implements Rule {

    @Override
    public void checkSchemaField(SchemaFieldScope field) {
        if ("STRINGARRAY".equals(field.definition().path("type").asString(null))) {
            field.report(this, "type", "field '" + field.uniqueName() + "' has type STRINGARRAY, which only "
                    + "Gong-defined fields can use; use STRING (for example, values joined by ', ')");
        }
    }
}
