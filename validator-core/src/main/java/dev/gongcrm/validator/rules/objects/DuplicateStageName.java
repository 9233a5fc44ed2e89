package dev.gongcrm.validator.rules.objects;

import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.rules.FirstHolder;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleDoc;
import dev.gongcrm.validator.rules.UniqueValueScope;

/**
 * Deals name their stage by internalName, so two stages with one internalName leave Gong to pick one
 * of them for every such deal. Across the files of the bundle and the stages of earlier pushes the
 * bundle does not send again (the ledger); the same objectId again (an update of the stage) and stages
 * sent with isDeleted: true do not count. A deal naming that internalName gets no finding of its own:
 * it resolves to a stage either way, and it is the stages that need fixing.
 */
@RuleDoc(
        name = "duplicate-stage-name",
        severity = Severity.ERROR,
        summary = "Two stages (two objectIds) must not share an internalName.",
        seed = "internalName: Unique name or unique identifier that identifies the stage in the CRM.",
        bad = """
                --- stages.ldjson
                {"objectId": "discovery", "modifiedDate": "2019-01-03T23:45:57+01:00", "internalName": "discovery", "name": "Discovery", "isActive": true, "sortOrder": 1}
                {"objectId": "discovery-2", "modifiedDate": "2019-01-04T10:00:00Z", "internalName": "discovery", "name": "Discovery (new)", "isActive": true, "sortOrder": 2}
                """,
        reported = {"stages.ldjson:2:69 /internalName"},
        good = """
                --- stages.ldjson
                {"objectId": "discovery", "modifiedDate": "2019-01-03T23:45:57+01:00", "internalName": "discovery", "name": "Discovery", "isActive": true, "sortOrder": 1}
                {"objectId": "discovery-2", "modifiedDate": "2019-01-04T10:00:00Z", "internalName": "discovery-2", "name": "Discovery (new)", "isActive": true, "sortOrder": 2}
                """)
public final class DuplicateStageName implements Rule {

    private static final String INTERNAL_NAME = "internalName";

    @Override
    public void checkUniqueValue(UniqueValueScope scope) {
        if (!INTERNAL_NAME.equals(scope.field())) {
            return;
        }
        FirstHolder first = scope.holder();
        scope.report(this, "internalName '" + first.value() + "' is already the internalName of stage '"
                + first.objectId() + "' " + first.where(scope.file()) + "; internalName identifies the stage, "
                + "so deals with stage '" + first.value() + "' could land in either: give each stage its own internalName");
    }
}
