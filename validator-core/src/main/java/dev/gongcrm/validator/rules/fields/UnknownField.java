package dev.gongcrm.validator.rules.fields;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.read.FieldValue;
import dev.gongcrm.validator.rules.RecordScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.rules.SchemaKeywords;
import dev.gongcrm.validator.schema.FieldSpec;

/**
 * Fields in neither the Gong-defined set of the type nor the schema file of the bundle; in a file whose
 * schema admits no other field ({@code additionalProperties: false}: a {@code /map/users} file), any
 * field it does not list.
 */
@SchemaKeywords(value = "additionalProperties", breaksDefinition = false)
@RuleDoc(
        name = "unknown-field",
        severity = Severity.WARNING,
        summary = "Fields that are neither Gong-defined nor in the uploaded schema are stored raw and never shown to users.",
        seed = "Any field uploaded by the \"Upload CRM objects\" API that is not described in the schema will be stored "
                + "in Gong's raw data storage. However, it will not be parsed by Gong and it will not be available to the end user.",
        bad = """
                --- accounts.ldjson
                {"objectId": "5ybyh6n6n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "name": "PBR", "domains": ["pbr.com"], "type": "Investor"}
                """,
        reported = {"accounts.ldjson:1:113 /type"},
        good = """
                --- account.schema.json
                [{"uniqueName": "type", "label": "Account Type", "type": "STRING"}]
                --- accounts.ldjson
                {"objectId": "5ybyh6n6n65", "modifiedDate": "2019-01-03T23:45:57+01:00", "name": "PBR", "domains": ["pbr.com"], "type": "Investor"}
                """)
public final class UnknownField implements Rule {

    @Override
    public boolean appliesTo(FieldSpec spec) {
        return spec == null;
    }

    @Override
    public void checkField(RecordScope scope, FieldValue value, FieldSpec spec) {
        if (scope.spec().closed()) {
            scope.report(this, value.name(), "field '" + value.name() + "' is not one of the fields of this file ("
                    + String.join(", ", scope.spec().fields().keySet()) + "); Gong documents no other field here: drop it");
            return;
        }
        scope.report(this, value.name(), "field '" + value.name() + "' is not a Gong field of " + scope.type()
                + " and no schema file of this bundle defines it; Gong stores it raw without parsing it: "
                + (ObjectType.SCHEMA_TYPES.contains(scope.type())
                ? "define it in " + scope.type().resourceName() + ".schema.json or drop it"
                : "drop it (" + scope.type() + " takes no custom fields)"));
    }
}
