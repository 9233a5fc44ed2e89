package dev.gongcrm.emulator;

import io.javalin.http.Context;

import java.io.IOException;

/** The seed's deprecated {@code /v2/crm/map/users}: mappings stored as BUSINESS_USER objects. */
final class UserMappingRoutes {

    private final EmulatedGong gong;

    UserMappingRoutes(EmulatedGong gong) {
        this.gong = gong;
    }

    void map(Context ctx) throws IOException {
        String clientRequestId = Http.clientRequestId(ctx);
        CrmState.Integration integration = gong.integration(ctx);
        CrmState.Request request = gong.receiveAsNewRequest(ctx, clientRequestId, integration,
                gong.uploads::processUserMappings);
        Http.json(ctx, 201, EmulatedGong.accepted(request));
    }
}
