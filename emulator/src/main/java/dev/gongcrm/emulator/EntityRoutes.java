package dev.gongcrm.emulator;

import dev.gongcrm.validator.ObjectType;
import io.javalin.http.Context;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Uploading objects and reading them back, through either generation's paths, over the one store: an
 * object uploaded through one generation is read through the other.
 */
final class EntityRoutes {

    private static final int MAX_OBJECT_IDS = 100;

    private final EmulatedGong gong;
    private final ApiFamily family;

    EntityRoutes(EmulatedGong gong, ApiFamily family) {
        this.gong = gong;
        this.family = family;
    }

    void upload(Context ctx) throws IOException {
        String clientRequestId = Http.clientRequestId(ctx);
        CrmState.Integration integration = gong.integration(ctx);
        ObjectType type = Http.objectType(ctx, Http.ALL_TYPES);
        CrmState.Request request = gong.receiveAsNewRequest(ctx, clientRequestId, integration,
                (accepted, data) -> gong.uploads.process(accepted, type, data, gong.validator(family)));
        gong.state.requests.arrived(type.name() + " " + clientRequestId);
        Http.json(ctx, 201, EmulatedGong.accepted(request));
    }

    /** The objects of the ids asked, at most the first 100 (as Gong: silently), null for an id not stored. */
    void get(Context ctx) {
        gong.integration(ctx);
        ObjectType type = Http.objectType(ctx, Http.SCHEMA_TYPES);
        Map<String, JsonNode> found = new LinkedHashMap<>();
        for (String id : ids(ctx)) {
            if (found.size() == MAX_OBJECT_IDS) {
                break;
            }
            found.put(id, gong.state.objects.get(type, id));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("requestId", Http.requestId());
        answer.put("crmObjectsMap", found);
        Http.json(ctx, 200, answer);
    }

    /**
     * The ids of a get: the body's JSON array, or for the current generation, whose parameters declare
     * them as the {@code objectsCrmIds} query array while its text puts them in the body, that array.
     */
    private List<String> ids(Context ctx) {
        List<String> inQuery = ctx.queryParams("objectsCrmIds");
        if (family.isCurrent() && !inQuery.isEmpty()) {
            return inQuery;
        }
        JsonNode ids = Http.body(ctx);
        if (!ids.isArray()) {
            throw new ApiError(400, "Malformed request: the body must be a JSON array of CRM ids"
                    + (family.isCurrent() ? " (or give them as the query array objectsCrmIds)" : ""));
        }
        List<String> list = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.isString()) {
                throw new ApiError(400, "Malformed request: CRM ids must be strings, got " + Http.abbreviated(id));
            }
            list.add(id.asString());
        }
        return list;
    }
}
