package dev.gongcrm.validator.rules.schema;

import dev.gongcrm.validator.PriorUploads;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.rules.SchemaFileScope;

import java.util.List;
import java.util.Set;

/**
 * Gong replaces a type's schema with each upload, so a field left out is silently dropped; the
 * documented way to drop one is to send it once more with isDeleted. Needs the ledger's record of the
 * last uploaded schema ({@code validate --ledger}, and every {@code push}). The current API rejects
 * such an upload instead, so its profile makes this an error (profile.json).
 */
@RuleDoc(
        name = "dropped-schema-field",
        severity = Severity.WARNING,
        summary = "A field of the last uploaded schema is missing from the new one without isDeleted: true "
                + "(checked against the ledger of earlier pushes).",
        seed = "Each schema update request must contain the full schema from your CRM. Fields that were sent in "
                + "previous requests and no longer exist in your CRM, should be sent in the schema request with "
                + "\"isDeleted=true\" (only once). (current: Send account schema with fieldC but without fieldA and "
                + "fieldB: Receive an error that you must include all fields in the schema.)",
        bad = """
                --- uploaded/account.schema.json
                [{"uniqueName": "orderId", "label": "ID", "type": "ID"},
                 {"uniqueName": "industry", "label": "Industry", "type": "STRING"}]
                --- account.schema.json
                [{"uniqueName": "orderId", "label": "ID", "type": "ID"}]
                """,
        reported = {"account.schema.json:1:1"},
        good = """
                --- uploaded/account.schema.json
                [{"uniqueName": "orderId", "label": "ID", "type": "ID"},
                 {"uniqueName": "industry", "label": "Industry", "type": "STRING"}]
                --- account.schema.json
                [{"uniqueName": "orderId", "label": "ID", "type": "ID"},
                 {"uniqueName": "industry", "isDeleted": true}]
                """)
public final class DroppedSchemaField implements Rule {

    @Override
    public void checkSchemaFile(SchemaFileScope file) {
        PriorUploads.UploadedSchema last = file.lastUploaded().orElse(null);
        if (last == null) {
            return;
        }
        Set<String> named = file.uniqueNames();
        List<String> dropped = last.fields().stream().filter(name -> !named.contains(name)).toList();
        for (String name : dropped) {
            file.report(this, "field '" + name + "' of the " + file.type() + " schema uploaded " + last.uploadedAt()
                    + " is missing; each upload replaces the whole schema, so "
                    + file.profile().advice(meta().name()).orElse("Gong would drop it") + ": keep its "
                    + "definition, or send it once with \"isDeleted\": true to delete it");
        }
    }
}
