package dev.gongcrm.emulator;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.FileKind;
import io.javalin.http.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Uploading and listing the custom fields of a type, validated with the rules of the generation called. */
final class SchemaRoutes {

    private final EmulatedGong gong;
    private final ApiFamily family;

    SchemaRoutes(EmulatedGong gong, ApiFamily family) {
        this.gong = gong;
        this.family = family;
    }

    void upload(Context ctx) throws IOException {
        gong.integration(ctx);
        CrmState.Type type = Http.objectType(ctx, Http.SCHEMA_TYPES);
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw new ApiError(400, "Malformed request: the body is empty; it must be a JSON array of schema fields");
        }
        JsonNode fields;
        try {
            fields = Http.JSON.readTree(body);
        } catch (RuntimeException e) {
            throw new ApiError(400, "Malformed request: the body is not valid JSON");
        }
        if (fields == null || !fields.isArray()) {
            throw new ApiError(400, "Malformed request: the body must be a JSON array of schema fields");
        }
        ValidationResult result = gong.validator(family).validateFiles(List.of(BundleFile.of(
                type.name().toLowerCase(Locale.ROOT) + ".schema.json", FileKind.SCHEMA, ObjectType.valueOf(type.name()),
                body)));
        List<String> errors = new ArrayList<>();
        for (Finding finding : result.findings()) {
            if (finding.severity() == Severity.ERROR) {
                errors.add("line " + finding.line() + (finding.field() == null ? "" : " " + finding.field()) + ": "
                        + finding.message());
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiError(400, errors.toArray(String[]::new));
        }
        synchronized (gong.state) {
            gong.state.schemas.put(type, (ArrayNode) fields);
            gong.state.arrivals.add("schema " + type.name());
        }
        Http.json(ctx, family.schemaAccepted, Map.of("requestId", Http.requestId()));
    }

    /** The default schema first, then the custom fields of the last schema upload, per type asked. */
    void list(Context ctx) {
        gong.integration(ctx);
        // the current description: "Omitting this parameter returns the schema for all object types"
        List<CrmState.Type> types = family.isCurrent() && ctx.queryParam("objectType") == null
                ? Http.SCHEMA_TYPES.stream().sorted().map(CrmState.Type::valueOf).toList()
                : List.of(Http.objectType(ctx, Http.SCHEMA_TYPES));
        Map<String, Object> byType = new LinkedHashMap<>();
        for (CrmState.Type type : types) {
            List<Object> fields = new ArrayList<>(DefaultSchema.fields(type));
            synchronized (gong.state) {
                gong.state.schemas.getOrDefault(type, Http.JSON.createArrayNode()).forEach(fields::add);
            }
            byType.put(type.name(), fields);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("requestId", Http.requestId());
        answer.put("objectTypeToSelectedFields", byType);
        Http.json(ctx, 200, answer);
    }
}
