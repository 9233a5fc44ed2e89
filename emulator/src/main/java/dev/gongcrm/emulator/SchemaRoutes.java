package dev.gongcrm.emulator;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.PriorUploads;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.FileKind;
import io.javalin.http.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import java.io.IOException;
import java.time.Instant;
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
        ObjectType type = Http.objectType(ctx, Http.SCHEMA_TYPES);
        byte[] body = Http.bodyBytes(ctx);
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
        CrmState.Schema last;
        synchronized (gong.state) {
            last = gong.state.schemas.get(type);
        }
        ValidationResult result = validator(type, last).validateFiles(List.of(BundleFile.of(
                type.name().toLowerCase(Locale.ROOT) + ".schema.json", FileKind.SCHEMA, type,
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
            gong.state.schemas.put(type, new CrmState.Schema((ArrayNode) fields, Instant.now()));
        }
        gong.state.requests.arrived("schema " + type.name());
        Http.json(ctx, family.schemaAccepted, Map.of("requestId", Http.requestId()));
    }

    /**
     * The generation's validator, told the type's last schema when there is one: an upload is the whole
     * schema, and what it leaves out of the last one is judged by the generation's rules (the current
     * description: "Receive an error that you must include all fields in the schema").
     */
    private Validator validator(ObjectType type, CrmState.Schema last) {
        if (last == null) {
            return gong.validator(family);
        }
        List<String> defined = new ArrayList<>();
        for (JsonNode field : last.fields()) {
            String name = field.hasNonNull("uniqueName") ? field.path("uniqueName").asString()
                    : field.path("name").asString(null);
            if (name != null && !field.path("isDeleted").asBoolean(false)) {
                defined.add(name);
            }
        }
        PriorUploads.UploadedSchema uploaded = new PriorUploads.UploadedSchema(defined, last.uploadedAt().toString(),
                last.fields().toString());
        return UploadProcessor.gongValidation(family.profile)
                .priorUploads(PriorUploads.of(Map.of(), Map.of(type, uploaded)))
                .build();
    }

    /** The default schema first, then the custom fields of the last schema upload, per type asked. */
    void list(Context ctx) {
        gong.integration(ctx);
        // the current description: "Omitting this parameter returns the schema for all object types"
        List<ObjectType> types = family.isCurrent() && ctx.queryParam("objectType") == null
                ? Http.SCHEMA_TYPES.stream().sorted().map(ObjectType::valueOf).toList()
                : List.of(Http.objectType(ctx, Http.SCHEMA_TYPES));
        Map<String, Object> byType = new LinkedHashMap<>();
        for (ObjectType type : types) {
            List<Object> fields = new ArrayList<>(DefaultSchema.fields(type));
            synchronized (gong.state) {
                CrmState.Schema uploaded = gong.state.schemas.get(type);
                if (uploaded != null) {
                    uploaded.fields().forEach(fields::add);
                }
            }
            byType.put(type.name(), fields);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("requestId", Http.requestId());
        answer.put("objectTypeToSelectedFields", byType);
        Http.json(ctx, 200, answer);
    }
}
