package dev.gongcrm.emulator;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.schema.ProfileSchemas;
import dev.gongcrm.validator.schema.TypeSpec;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of the deprecated {@code /v2/crm/stages}: a JSON array of stages, each checked against
 * the specs of the STAGE object that replaced the endpoint.
 */
final class StageCheck {

    /** What /stages carries: the STAGE object's own fields, without the common objectId and modifiedDate. */
    private static final List<String> FIELDS = List.of("internalName", "name", "isActive", "sortOrder");
    private static final TypeSpec STAGE = ProfileSchemas.of(ProfileSchemas.DEFAULT_PROFILE).type(ObjectType.STAGE);

    private StageCheck() {
    }

    /** Every problem of every stage, each naming the stage's index; empty when the stages are fine. */
    static List<String> problems(JsonNode stages) {
        List<String> problems = new ArrayList<>();
        for (int index = 0; index < stages.size(); index++) {
            JsonNode stage = stages.get(index);
            String where = "Stage at index [" + index + "]: ";
            if (!stage.isObject()) {
                problems.add(where + "must be a JSON object");
                continue;
            }
            for (String field : FIELDS) {
                String problem = FieldCheck.problem(stage, field, STAGE.field(field), true);
                if (problem != null) {
                    problems.add(where + problem);
                }
            }
        }
        return problems;
    }
}
