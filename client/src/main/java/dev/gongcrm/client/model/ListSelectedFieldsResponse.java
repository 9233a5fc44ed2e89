package dev.gongcrm.client.model;

import java.util.List;
import java.util.Map;

/** The schema fields per object type (read from {@code objectTypeToSelectedFields} or {@code selectedFields}). */
public record ListSelectedFieldsResponse(String requestId, Map<String, List<SchemaField>> fields) {

    public ListSelectedFieldsResponse {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
