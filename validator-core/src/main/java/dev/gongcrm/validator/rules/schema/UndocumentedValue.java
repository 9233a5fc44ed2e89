package dev.gongcrm.validator.rules.schema;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.rules.SchemaFieldScope;

/**
 * Which values are accepted without being documented, and what the documentation says instead, comes
 * from the profile's request-body schema ({@code x-gong-undocumented-values}): a warning, never an
 * error, as Gong takes them, but a value its documentation does not name may stop working unannounced.
 */
@RuleDoc(
        name = "undocumented-value",
        severity = Severity.WARNING,
        summary = "A schema field's value that Gong takes but the profile's API description does not document "
                + "should be written as documented (referenceTo USER, not BUSINESS_USER).",
        seed = "referenceTo Must be one of \"ACCOUNT\", \"CONTACT\", \"DEAL\", \"LEAD\" or \"USER\"",
        bad = """
                --- deal.schema.json
                [{"uniqueName": "salesEngineer", "label": "Sales Engineer", "type": "REFERENCE", "referenceTo": "BUSINESS_USER"}]
                """,
        reported = {"deal.schema.json:1:2 /0/referenceTo"},
        good = """
                --- deal.schema.json
                [{"uniqueName": "salesEngineer", "label": "Sales Engineer", "type": "REFERENCE", "referenceTo": "USER"}]
                """)
public final class UndocumentedValue implements Rule {

    @Override
    public void checkSchemaField(SchemaFieldScope field) {
        for (String property : field.definition().propertyNames()) {
            String value = field.definition().path(property).asString(null);
            if (value == null) {
                continue;
            }
            field.documentedFormOf(property, value).ifPresent(documented -> field.report(this, property,
                    "field definition" + (field.uniqueName() == null ? "" : " '" + field.uniqueName() + "'") + ": "
                    + property + " \"" + value + "\" is accepted, but this profile's API description does not "
                    + "document it; it documents \"" + documented + "\" for the same: write \"" + documented + "\""));
        }
    }
}
