package dev.gongcrm.validator.rules.schema;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.rules.FileScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.rules.SchemaFieldScope;

import java.util.HashMap;
import java.util.Map;

/** Two definitions of one uniqueName leave Gong to pick one; say which you mean. */
@RuleDoc(
        name = "duplicate-field-definition",
        severity = Severity.ERROR,
        summary = "A uniqueName must be defined at most once in a schema file.",
        seed = "uniqueName The unique name of the field in the CRM system",
        bad = """
                --- account.schema.json
                [{"uniqueName": "orderId", "label": "ID", "type": "ID"},
                 {"uniqueName": "orderId", "label": "Order", "type": "STRING"}]
                """,
        reported = {"account.schema.json:2:2 /1/uniqueName"},
        good = """
                --- account.schema.json
                [{"uniqueName": "orderId", "label": "ID", "type": "ID"},
                 {"uniqueName": "orderName", "label": "Order", "type": "STRING"}]
                """)
public final class DuplicateFieldDefinition implements Rule {

    private final Map<String, Integer> firstLine = new HashMap<>();

    @Override
    public void startFile(FileScope file) {
        firstLine.clear();
    }

    @Override
    public void checkSchemaField(SchemaFieldScope field) {
        String name = field.uniqueName();
        if (name == null) {
            return;
        }
        Integer earlier = firstLine.putIfAbsent(name, field.line());
        if (earlier != null) {
            field.report(this, "uniqueName", "field '" + name + "' is already defined on line " + earlier
                    + "; keep one definition");
        }
    }
}
