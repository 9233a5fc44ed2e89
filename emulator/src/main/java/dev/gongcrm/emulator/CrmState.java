package dev.gongcrm.emulator;

import dev.gongcrm.validator.ObjectType;
import tools.jackson.databind.node.ArrayNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the emulated Gong knows: the one integration, its schemas, objects and requests. Objects
 * and requests, which grow with use, are on disk ({@link ObjectStore}, {@link RequestStore}); the
 * integration and the schemas are small and stay on the heap.
 */
final class CrmState {

    record Integration(long integrationId, String name, String ownerEmail) {
    }

    /** The custom fields of a type's last schema upload, and when it came. */
    record Schema(ArrayNode fields, Instant uploadedAt) {
    }

    /** An asynchronous request: which it is, whose it is; its progress is in {@link RequestStore}. */
    record Request(String clientRequestId, String requestId, long integrationId) {
    }

    volatile Integration integration;
    /**
     * The custom fields of the last schema upload per type, replaced whole by the next one. The default
     * schema ({@link DefaultSchema}) is never stored here: uploads are validated against these alone.
     */
    final Map<ObjectType, Schema> schemas = new EnumMap<>(ObjectType.class);
    final ObjectStore objects;
    final RequestStore requests;

    CrmState(ObjectStore objects, RequestStore requests) {
        this.objects = objects;
        this.requests = requests;
    }

    /**
     * Forgets the integration and everything of it, as Gong does: its schemas, objects and requests (so
     * that a push after it is registered again finds none of them), all but {@code deleteRequest}, the
     * request of the deletion itself, which its caller still follows.
     */
    void clearIntegration(long integrationId, String deleteRequest) {
        integration = null;
        schemas.clear();
        objects.clear();
        requests.deleteOfIntegration(integrationId, deleteRequest);
    }

    List<Integration> integrations() {
        List<Integration> list = new ArrayList<>();
        if (integration != null) {
            list.add(integration);
        }
        return list;
    }
}
