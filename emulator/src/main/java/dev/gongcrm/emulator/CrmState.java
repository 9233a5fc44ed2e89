package dev.gongcrm.emulator;

import dev.gongcrm.validator.ObjectType;
import tools.jackson.databind.node.ArrayNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the emulated Gong knows: the one integration, its schemas, objects and requests. The
 * objects are on disk ({@link ObjectStore}); the rest is small and stays on the heap.
 */
final class CrmState {

    record Integration(long integrationId, String name, String ownerEmail) {
    }

    /** The custom fields of a type's last schema upload, and when it came. */
    record Schema(ArrayNode fields, Instant uploadedAt) {
    }

    /** An asynchronous request and how it ended. */
    static final class Request {
        final String clientRequestId;
        final String requestId;
        volatile String status = "PENDING";
        volatile List<Map<String, Object>> errors = List.of();
        volatile Integer totalErrorCount;
        volatile Integer totalSuccessCount;

        Request(String clientRequestId, String requestId) {
            this.clientRequestId = clientRequestId;
            this.requestId = requestId;
        }
    }

    volatile Integration integration;
    /**
     * The custom fields of the last schema upload per type, replaced whole by the next one. The default
     * schema ({@link DefaultSchema}) is never stored here: uploads are validated against these alone.
     */
    final Map<ObjectType, Schema> schemas = new EnumMap<>(ObjectType.class);
    final ObjectStore objects;
    final Map<String, Request> requests = new HashMap<>();
    final List<String> arrivals = new ArrayList<>();

    CrmState(ObjectStore objects) {
        this.objects = objects;
    }

    void clearIntegration() {
        integration = null;
        schemas.clear();
        objects.clear();
    }

    List<Integration> integrations() {
        List<Integration> list = new ArrayList<>();
        if (integration != null) {
            list.add(integration);
        }
        return list;
    }
}
