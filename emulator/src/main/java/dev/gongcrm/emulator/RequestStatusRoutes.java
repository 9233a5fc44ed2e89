package dev.gongcrm.emulator;

import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /v2/crm/request-status}: one path for the asynchronous requests of both generations. */
final class RequestStatusRoutes {

    private final EmulatedGong gong;

    RequestStatusRoutes(EmulatedGong gong) {
        this.gong = gong;
    }

    void status(Context ctx) {
        String clientRequestId = Http.clientRequestId(ctx);
        integrationOrPast(ctx);
        RequestStore.Status request = gong.state.requests.status(clientRequestId);
        if (request == null) {
            throw new ApiError(400, "Unknown clientRequestId [" + clientRequestId + "]");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("requestId", request.requestId());
        answer.put("status", request.status());
        answer.put("errors", request.errors());
        answer.put("totalErrorCount", request.totalErrorCount());
        answer.put("totalSuccessCount", request.totalSuccessCount());
        Http.json(ctx, 200, answer);
    }

    /** Request status stays readable after the integration was deleted (that is how the delete is followed). */
    private void integrationOrPast(Context ctx) {
        // read once: a delete processed between two reads would make a known id unknown
        CrmState.Integration current = gong.state.integration;
        if (current != null) {
            EmulatedGong.integration(ctx, current);
        } else if (ctx.queryParam("integrationId") == null) {
            throw new ApiError(400, "Missing parameter [integrationId]");
        }
    }
}
