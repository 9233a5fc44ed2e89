package dev.gongcrm.emulator;

import dev.gongcrm.validator.ObjectType;
import io.javalin.http.Context;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** The seed's deprecated {@code /v2/crm/stages}: all the stages of a request, or none of them. */
final class StageRoutes {

    private final EmulatedGong gong;

    StageRoutes(EmulatedGong gong) {
        this.gong = gong;
    }

    void upload(Context ctx) {
        gong.integration(ctx);
        JsonNode stages = Http.body(ctx);
        if (!stages.isArray()) {
            throw new ApiError(400, "Malformed request: the body must be a JSON array of stages");
        }
        List<String> problems = StageCheck.problems(stages);
        if (!problems.isEmpty()) {
            // all or nothing: a bad stage stores none of the request
            throw new ApiError(400, problems.toArray(String[]::new));
        }
        try (ObjectStore.Batch batch = gong.state.objects.batch()) {
            for (JsonNode stage : stages) {
                batch.put(ObjectType.STAGE, stage.path("internalName").asString(), stage.toString());
            }
        }
        Http.json(ctx, 200, Map.of("requestId", Http.requestId()));
    }
}
