package dev.gongcrm.validator.rules.schema;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.rules.SchemaKeywords;

/**
 * Reported from the request-body schema ({@code schema-fields.schema.json}, its {@code enum}s) when a
 * schema file is checked, and for a schema file of a type the schema endpoint does not take.
 */
@SchemaKeywords({"enum", "const"})
@RuleDoc(
        name = "invalid-enum-value",
        severity = Severity.ERROR,
        summary = "A schema field's type (case-sensitive) and referenceTo must be among the documented values.",
        seed = "type The field type (case-sensitive). referenceTo Must be one of \"ACCOUNT\", \"CONTACT\", \"DEAL\", \"LEAD\" or \"USER\"",
        bad = """
                --- deal.schema.json
                [{"uniqueName": "probability", "label": "Probability", "type": "Percent"}]
                """,
        reported = {"deal.schema.json:1:2 /0/type"},
        good = """
                --- deal.schema.json
                [{"uniqueName": "probability", "label": "Probability", "type": "PERCENT"}]
                """)
public final class InvalidEnumValue implements Rule {
}
