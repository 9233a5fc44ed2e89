package dev.gongcrm.emulator;

import dev.gongcrm.validator.ObjectType;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reading a request's parameters the way Gong checks them, and writing answers in Gong's JSON shapes. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The largest JSON body (a schema, stages, ids): Javalin reads no more of one than this. */
    static final long MAX_JSON_BYTES = 10_000_000;
    static final Set<String> SCHEMA_TYPES = ObjectType.SCHEMA_TYPES.stream().map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());
    static final Set<String> ALL_TYPES = Arrays.stream(ObjectType.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());
    private static final Pattern CLIENT_REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Http() {
    }

    static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
    }

    /** Gong's error shape: its reference for the request and the messages, an array of strings. */
    static Map<String, Object> errorBody(List<String> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", requestId());
        body.put("errors", errors);
        return body;
    }

    static String requestId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 19; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    static String clientRequestId(Context ctx) {
        String id = ctx.queryParam("clientRequestId");
        if (id == null || id.isBlank()) {
            throw new ApiError(400, "Missing parameter [clientRequestId]");
        }
        if (!CLIENT_REQUEST_ID.matcher(id).matches()) {
            throw new ApiError(400, "Parameter [clientRequestId] may hold only letters, numbers, dashes and underscores");
        }
        return id;
    }

    static ObjectType objectType(Context ctx, Set<String> allowed) {
        String type = ctx.queryParam("objectType");
        if (type == null || type.isBlank()) {
            throw new ApiError(400, "Missing parameter [objectType]");
        }
        if (!allowed.contains(type)) {
            throw new ApiError(400, "Parameter [objectType] must be one of " + new TreeSet<>(allowed)
                    + " (case-sensitive), got '" + type + "'");
        }
        return ObjectType.valueOf(type);
    }

    static JsonNode body(Context ctx) {
        byte[] bytes = bodyBytes(ctx);
        try {
            return JSON.readTree(bytes);
        } catch (RuntimeException e) {
            throw new ApiError(400, "Malformed request: the body is not valid JSON");
        }
    }

    /**
     * A JSON body, read whole: at most {@link #MAX_JSON_BYTES}. One declared larger is refused before a
     * byte of it is read; a chunked one as soon as it passes the limit. Either way the error answer
     * reads the rest and throws it away, so that no refused body is ever held whole.
     */
    static byte[] bodyBytes(Context ctx) {
        if (ctx.req().getContentLengthLong() > MAX_JSON_BYTES) {
            throw ClientMistakes.tooLarge(MAX_JSON_BYTES);
        }
        try {
            return ctx.bodyAsBytes();
        } catch (HttpResponseException e) {
            if (e.getStatus() == 413) {
                throw ClientMistakes.tooLarge(MAX_JSON_BYTES);
            }
            throw e;
        }
    }

    static String abbreviated(JsonNode value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
