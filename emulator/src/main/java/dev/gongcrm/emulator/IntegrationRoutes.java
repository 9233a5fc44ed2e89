package dev.gongcrm.emulator;

import io.javalin.http.Context;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Registering, listing and deleting the one integration, through either generation's paths. */
final class IntegrationRoutes {

    private final EmulatedGong gong;
    private final ApiFamily family;

    IntegrationRoutes(EmulatedGong gong, ApiFamily family) {
        this.gong = gong;
        this.family = family;
    }

    void register(Context ctx) {
        JsonNode body = Http.body(ctx);
        String name = body.path("name").asString(null);
        String ownerEmail = body.path("ownerEmail").asString(null);
        if (name == null || name.isBlank() || ownerEmail == null || ownerEmail.isBlank()) {
            throw new ApiError(400, "Fields [name] and [ownerEmail] are required");
        }
        CrmState state = gong.state;
        synchronized (state) {
            if (state.integration != null) {
                throw new ApiError(409, "Multiple CRM integrations are not supported: integration ["
                        + state.integration.integrationId() + "] is active");
            }
            state.integration = new CrmState.Integration(gong.settings.integrationId, name, ownerEmail);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("integrationId", gong.settings.integrationId);
        answer.put("requestId", Http.requestId());
        Http.json(ctx, 200, answer);
    }

    void list(Context ctx) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("requestId", Http.requestId());
        answer.put("integrations", gong.state.integrations());
        Http.json(ctx, 200, answer);
    }

    void delete(Context ctx) {
        String clientRequestId = Http.clientRequestId(ctx);
        CrmState.Request request = gong.newRequest(clientRequestId, gong.integration(ctx));
        gong.processLater(request, () -> {
            synchronized (gong.state) {
                gong.state.clearIntegration(request.integrationId(), request.clientRequestId());
            }
            gong.state.requests.finish(request.clientRequestId(), "DONE", List.of(), 0, 1);
        });
        Http.json(ctx, family.deleteAccepted, EmulatedGong.accepted(request));
    }
}
