package dev.gongcrm.client;

import dev.gongcrm.client.model.AsyncProcessingResponse;
import dev.gongcrm.client.model.GenericCrmRegistrationRequest;
import dev.gongcrm.client.model.GenericDealStageRequest;
import dev.gongcrm.client.model.GetGenericCrmObjectsResponse;
import dev.gongcrm.client.model.LineError;
import dev.gongcrm.client.model.ListGenericCrmIntegrationsResponse;
import dev.gongcrm.client.model.ListSelectedFieldsResponse;
import dev.gongcrm.client.model.ObjectType;
import dev.gongcrm.client.model.RegisterGenericCrmResponse;
import dev.gongcrm.client.model.RequestStatus;
import dev.gongcrm.client.model.RequestStatusResponse;
import dev.gongcrm.client.model.SchemaField;
import dev.gongcrm.client.model.SchemaUpdateResponse;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * The Gong CRM API ({@code GongAPI::CRMApi}): every operation of the seed, each also in a form that
 * returns the HTTP status and headers ({@code ...WithHttpInfo}). Thread-safe; close it when done.
 *
 * <pre>{@code
 * try (GongCrmClient gong = GongCrmClient.builder()
 *         .credentials(Credentials.basic(accessKey, secret))
 *         .build()) {
 *     long integrationId = gong.listIntegrations().integrations().get(0).integrationId();
 *     gong.uploadObjects(Path.of("deals.ldjson"), "deals-2024-06-01", integrationId, ObjectType.DEAL);
 *     RequestStatusResponse status = gong.awaitRequest("deals-2024-06-01", integrationId, Duration.ofMinutes(30));
 * }
 * }</pre>
 */
public final class GongCrmClient implements AutoCloseable {

    /** Gong gives each customer its own API host; this is the default one. */
    public static final String DEFAULT_BASE_URL = "https://api.gong.io";
    /** {@code /v2/crm/object/list} answers for at most this many ids per call. */
    public static final int OBJECT_LIST_LIMIT = 100;
    private static final Pattern CLIENT_REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int CONTENT_HASH_BYTES = 16;
    private static final Pattern CONTENT_REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]*-[0-9a-f]{32}");
    private static final ContentType JSON_TYPE = ContentType.APPLICATION_JSON;

    private final Transport transport;
    private final Duration requestTimeout;
    private final Duration uploadTimeout;
    private final Duration pollInterval;

    private GongCrmClient(Builder builder) {
        URI baseUrl = checkedBaseUrl(builder.baseUrl);
        this.transport = new Transport(baseUrl, Objects.requireNonNull(builder.credentials,
                "credentials are required: Credentials.basic(accessKey, secret) or Credentials.bearer(token)"),
                builder.callsPerSecond, builder.maxRetries, builder.initialBackoff, builder.maxBackoff,
                builder.connectTimeout, builder.debug);
        this.requestTimeout = builder.requestTimeout;
        this.uploadTimeout = builder.uploadTimeout;
        this.pollInterval = builder.pollInterval;
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- /v2/crm/integration/new ------------------------------------------------------------

    /** Registers the CRM in Gong and returns the integrationId to use in every later call. */
    public RegisterGenericCrmResponse registerIntegration(GenericCrmRegistrationRequest body) {
        return registerIntegrationWithHttpInfo(body).data();
    }

    public ApiResponse<RegisterGenericCrmResponse> registerIntegrationWithHttpInfo(GenericCrmRegistrationRequest body) {
        required(body, "body");
        required(body.name(), "body.name");
        required(body.ownerEmail(), "body.ownerEmail");
        Call call = new Call("PUT", "/v2/crm/integration/new", json(body), Call.Retry.UNSAFE, requestTimeout);
        return read(call, RegisterGenericCrmResponse.class);
    }

    // ---- /v2/crm/integration/list -----------------------------------------------------------

    /** The active Generic CRM integrations of the company. */
    public ListGenericCrmIntegrationsResponse listIntegrations() {
        return listIntegrationsWithHttpInfo().data();
    }

    public ApiResponse<ListGenericCrmIntegrationsResponse> listIntegrationsWithHttpInfo() {
        Call call = new Call("GET", "/v2/crm/integration/list", null, Call.Retry.SAFE, requestTimeout);
        return read(call, ListGenericCrmIntegrationsResponse.class);
    }

    // ---- /v2/crm/integration/delete ---------------------------------------------------------

    /** Deletes the integration and all its objects; asynchronous: follow it with {@link #requestStatus}. */
    public AsyncProcessingResponse deleteIntegration(String clientRequestId, long integrationId) {
        return deleteIntegrationWithHttpInfo(clientRequestId, integrationId).data();
    }

    public ApiResponse<AsyncProcessingResponse> deleteIntegrationWithHttpInfo(String clientRequestId, long integrationId) {
        checkClientRequestId(clientRequestId);
        Call call = new Call("DELETE", "/v2/crm/integration/delete", null, Call.Retry.BY_CLIENT_REQUEST_ID,
                requestTimeout).query("clientRequestId", clientRequestId).query("integrationId", integrationId);
        return async(call, clientRequestId);
    }

    // ---- /v2/crm/object/schema --------------------------------------------------------------

    /** Uploads the full schema of one object type (ACCOUNT, CONTACT, DEAL or LEAD). */
    public SchemaUpdateResponse uploadSchemaFields(List<SchemaField> fields, long integrationId, ObjectType objectType) {
        return uploadSchemaFieldsWithHttpInfo(fields, integrationId, objectType).data();
    }

    public ApiResponse<SchemaUpdateResponse> uploadSchemaFieldsWithHttpInfo(List<SchemaField> fields, long integrationId,
                                                                           ObjectType objectType) {
        required(fields, "fields");
        checkSchemaType(objectType);
        return uploadSchemaJson(Transport.JSON.writeValueAsBytes(fields), integrationId, objectType);
    }

    /** Uploads a schema file as it is (the JSON array of a {@code *.schema.json}), without re-serializing it. */
    public ApiResponse<SchemaUpdateResponse> uploadSchemaFile(Path schemaFile, long integrationId, ObjectType objectType) {
        required(schemaFile, "schemaFile");
        checkSchemaType(objectType);
        try {
            return uploadSchemaJson(Files.readAllBytes(schemaFile), integrationId, objectType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + schemaFile + ": " + e.getMessage(), e);
        }
    }

    private ApiResponse<SchemaUpdateResponse> uploadSchemaJson(byte[] body, long integrationId, ObjectType objectType) {
        Call call = new Call("POST", "/v2/crm/object/schema", () -> new ByteArrayEntity(body, JSON_TYPE),
                Call.Retry.SAFE, requestTimeout).query("integrationId", integrationId).query("objectType", objectType);
        return read(call, SchemaUpdateResponse.class);
    }

    // ---- /v2/crm/object/schema/list ---------------------------------------------------------

    /** The schema fields of one object type, read whether Gong names them {@code name} or {@code uniqueName}. */
    public ListSelectedFieldsResponse listSchemaFields(long integrationId, ObjectType objectType) {
        return listSchemaFieldsWithHttpInfo(integrationId, objectType).data();
    }

    public ApiResponse<ListSelectedFieldsResponse> listSchemaFieldsWithHttpInfo(long integrationId, ObjectType objectType) {
        checkSchemaType(objectType);
        Call call = new Call("GET", "/v2/crm/object/schema/list", null, Call.Retry.SAFE, requestTimeout)
                .query("integrationId", integrationId).query("objectType", objectType);
        Transport.Response response = transport.send(call);
        return new ApiResponse<>(selectedFields(tree(call, response)), response.status(), response.headers());
    }

    /** Reads the schema list whichever way the server words it (the swagger's or the docs' example's). */
    static ListSelectedFieldsResponse selectedFields(JsonNode body) {
        JsonNode byType = body.has("objectTypeToSelectedFields") ? body.path("objectTypeToSelectedFields")
                : body.path("selectedFields");
        Map<String, List<SchemaField>> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> type : byType.properties()) {
            List<SchemaField> list = new ArrayList<>();
            for (JsonNode field : type.getValue()) {
                list.add(schemaField(field));
            }
            fields.put(type.getKey(), list);
        }
        return new ListSelectedFieldsResponse(body.path("requestId").asString(null), fields);
    }

    private static SchemaField schemaField(JsonNode field) {
        List<String> values = null;
        if (field.path("orderedValueList").isArray()) {
            values = new ArrayList<>();
            for (JsonNode value : field.path("orderedValueList")) {
                values.add(value.asString());
            }
        }
        String name = field.hasNonNull("uniqueName") ? field.path("uniqueName").asString() : field.path("name").asString(null);
        return new SchemaField(name, field.path("label").asString(null), field.path("type").asString(null),
                field.path("referenceTo").asString(null), values,
                field.hasNonNull("isDeleted") ? field.path("isDeleted").asBoolean() : null,
                field.path("lastModified").asString(null));
    }

    // ---- /v2/crm/object/entities ------------------------------------------------------------

    /**
     * Uploads an LDJSON file of one object type, streamed from disk. Asynchronous: follow it with
     * {@link #awaitRequest}. When Gong refuses it with 409 because it already has a request with this
     * clientRequestId, a {@link ClientRequestIdConflictException} says so, and whether an earlier attempt
     * of this call may have been that request. One case is settled here: a retry after a lost answer
     * refused with 409, under an id from {@link #contentRequestId} that matches the bytes sent, is
     * reported as {@link AsyncProcessingResponse#alreadyAccepted()}.
     */
    public AsyncProcessingResponse uploadObjects(Path dataFile, String clientRequestId, long integrationId,
                                                 ObjectType objectType) {
        return uploadObjectsWithHttpInfo(dataFile, clientRequestId, integrationId, objectType).data();
    }

    public ApiResponse<AsyncProcessingResponse> uploadObjectsWithHttpInfo(Path dataFile, String clientRequestId,
                                                                         long integrationId, ObjectType objectType) {
        required(dataFile, "dataFile");
        return uploadObjects(dataFile, 0, size(dataFile), clientRequestId, integrationId, objectType, sent -> { });
    }

    /**
     * Uploads {@code length} bytes of the file from {@code offset} (a part of a file over the size limit,
     * sent without a copy), telling {@code bytesSent} how much went out so far.
     */
    public ApiResponse<AsyncProcessingResponse> uploadObjects(Path dataFile, long offset, long length,
                                                              String clientRequestId, long integrationId,
                                                              ObjectType objectType, LongConsumer bytesSent) {
        required(objectType, "objectType");
        return upload("/v2/crm/object/entities", dataFile, offset, length, clientRequestId, integrationId, objectType,
                bytesSent);
    }

    // ---- /v2/crm/map/users (deprecated) ----------------------------------------------------

    /** @deprecated Gong deprecated this call: upload users with {@link #uploadObjects} and {@link ObjectType#BUSINESS_USER}. */
    @Deprecated
    public AsyncProcessingResponse mapUsers(Path dataFile, String clientRequestId, long integrationId) {
        return mapUsersWithHttpInfo(dataFile, clientRequestId, integrationId).data();
    }

    /** @deprecated use {@link #uploadObjectsWithHttpInfo} with {@link ObjectType#BUSINESS_USER}. */
    @Deprecated
    public ApiResponse<AsyncProcessingResponse> mapUsersWithHttpInfo(Path dataFile, String clientRequestId,
                                                                    long integrationId) {
        required(dataFile, "dataFile");
        return upload("/v2/crm/map/users", dataFile, 0, size(dataFile), clientRequestId, integrationId, null,
                sent -> { });
    }

    private static long size(Path dataFile) {
        try {
            return Files.size(dataFile);
        } catch (IOException e) {
            throw new IllegalArgumentException("dataFile " + dataFile + " is not a readable file", e);
        }
    }

    private ApiResponse<AsyncProcessingResponse> upload(String path, Path dataFile, long offset, long length,
                                                        String clientRequestId, long integrationId,
                                                        ObjectType objectType, LongConsumer bytesSent) {
        checkClientRequestId(clientRequestId);
        if (!Files.isRegularFile(dataFile)) {
            throw new IllegalArgumentException("dataFile " + dataFile + " is not a readable file");
        }
        Call call = new Call("POST", path, () -> MultipartEntityBuilder.create()
                .addPart("dataFile", new FileRangeBody(dataFile, offset, length, dataFile.getFileName().toString(),
                        bytesSent))
                .build(), Call.Retry.BY_CLIENT_REQUEST_ID, uploadTimeout)
                .query("clientRequestId", clientRequestId).query("integrationId", integrationId);
        if (objectType != null) {
            call.query("objectType", objectType);
        }
        try {
            return async(call, clientRequestId);
        } catch (ClientRequestIdConflictException conflict) {
            if (!conflict.afterLostAttempt()) {
                throw conflict;
            }
            if (isContentRequestId(clientRequestId, dataFile, offset, length)) {
                // the id names these very bytes: the request Gong has under it is this upload
                return new ApiResponse<>(new AsyncProcessingResponse(clientRequestId, null, true), 409, Map.of());
            }
            if (CONTENT_REQUEST_ID.matcher(clientRequestId).matches()) {
                throw conflict.judged("But clientRequestId '" + clientRequestId + "' was made from other content "
                        + "than these bytes: the request Gong has under it is not this upload, so this file was not "
                        + "uploaded; send it under contentRequestId(...) of this content");
            }
            throw conflict;
        }
    }

    // ---- clientRequestIds that show what they were sent with -------------------------------

    /**
     * A clientRequestId made from the file's bytes: {@code prefix-} and 32 hex digits of their SHA-256.
     * An upload under such an id whose answer is lost and whose retry Gong refuses with 409 returns
     * {@link AsyncProcessingResponse#alreadyAccepted()}: the client checks the id against the bytes it
     * sends, which shows the request Gong has is this upload. Any other id gets a
     * {@link ClientRequestIdConflictException} there, as the client cannot tell.
     */
    public static String contentRequestId(String prefix, Path dataFile) {
        required(dataFile, "dataFile");
        return contentRequestId(prefix, dataFile, 0, size(dataFile));
    }

    /** Like {@link #contentRequestId(String, Path)} for {@code length} bytes from {@code offset} (a part of a file). */
    public static String contentRequestId(String prefix, Path dataFile, long offset, long length) {
        required(prefix, "prefix");
        required(dataFile, "dataFile");
        String id = prefix + "-" + contentHash(dataFile, offset, length);
        checkClientRequestId(id);
        return id;
    }

    private static boolean isContentRequestId(String clientRequestId, Path dataFile, long offset, long length) {
        return CONTENT_REQUEST_ID.matcher(clientRequestId).matches()
                && clientRequestId.endsWith("-" + contentHash(dataFile, offset, length));
    }

    private static String contentHash(Path dataFile, long offset, long length) {
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        try (java.io.InputStream in = Files.newInputStream(dataFile)) {
            in.skipNBytes(offset);
            byte[] buffer = new byte[1 << 16];
            long left = length;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new IllegalArgumentException("dataFile " + dataFile + " is shorter than " + (offset + length)
                            + " bytes");
                }
                digest.update(buffer, 0, read);
                left -= read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dataFile + ": " + e.getMessage(), e);
        }
        return java.util.HexFormat.of().formatHex(digest.digest(), 0, CONTENT_HASH_BYTES);
    }

    // ---- /v2/crm/object/list ----------------------------------------------------------------

    /**
     * The objects with these CRM ids (null for ids Gong does not know). More than 100 ids are sent
     * in calls of 100 and merged: the server silently answers only the first 100 of a call.
     */
    public GetGenericCrmObjectsResponse getObjects(Collection<String> objectIds, long integrationId, ObjectType objectType) {
        return getObjectsWithHttpInfo(objectIds, integrationId, objectType).data();
    }

    /** Like {@link #getObjects}; the status and headers are those of the last call. */
    public ApiResponse<GetGenericCrmObjectsResponse> getObjectsWithHttpInfo(Collection<String> objectIds,
                                                                            long integrationId, ObjectType objectType) {
        required(objectIds, "objectIds");
        checkSchemaType(objectType);
        List<String> ids = List.copyOf(objectIds);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("objectIds must name at least one id");
        }
        Map<String, JsonNode> objects = new LinkedHashMap<>();
        String requestId = null;
        Transport.Response last = null;
        for (int from = 0; from < ids.size(); from += OBJECT_LIST_LIMIT) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + OBJECT_LIST_LIMIT));
            byte[] body = Transport.JSON.writeValueAsBytes(chunk);
            Call call = new Call("GET", "/v2/crm/object/list", () -> new ByteArrayEntity(body, JSON_TYPE),
                    Call.Retry.SAFE, requestTimeout).query("integrationId", integrationId).query("objectType", objectType);
            last = transport.send(call);
            JsonNode answer = tree(call, last);
            requestId = answer.path("requestId").asString(requestId);
            for (String id : chunk) {
                JsonNode object = answer.path("crmObjectsMap").get(id);
                objects.put(id, object == null || object.isNull() ? null : object);
            }
        }
        return new ApiResponse<>(new GetGenericCrmObjectsResponse(requestId, objects), last.status(), last.headers());
    }

    // ---- /v2/crm/request-status -------------------------------------------------------------

    /** The current status of an upload, user mapping or integration delete. */
    public RequestStatusResponse requestStatus(String clientRequestId, long integrationId) {
        return requestStatusWithHttpInfo(clientRequestId, integrationId).data();
    }

    public ApiResponse<RequestStatusResponse> requestStatusWithHttpInfo(String clientRequestId, long integrationId) {
        checkClientRequestId(clientRequestId);
        Call call = new Call("GET", "/v2/crm/request-status", null, Call.Retry.SAFE, requestTimeout)
                .query("clientRequestId", clientRequestId).query("integrationId", integrationId);
        Transport.Response response = transport.send(call);
        JsonNode body = tree(call, response);
        JsonNode status = body.path("status");
        if (!status.isString() || status.asString().isBlank()) {
            throw unexpected(call, response, "the request status has no status");
        }
        List<LineError> errors = new ArrayList<>();
        for (JsonNode error : body.path("errors")) {
            errors.add(new LineError(error.path("line").asInt(0), error.path("description").asString("")));
        }
        // a status the API does not document (QUEUED...) is UNKNOWN, not final: pollers go on waiting
        RequestStatusResponse data = new RequestStatusResponse(body.path("requestId").asString(null),
                RequestStatus.of(status.asString()), errors,
                body.path("totalErrorCount").isNumber() ? body.path("totalErrorCount").asInt() : null,
                body.path("totalSuccessCount").isNumber() ? body.path("totalSuccessCount").asInt() : null,
                status.asString());
        return new ApiResponse<>(data, response.status(), response.headers());
    }

    /**
     * Polls the request until it is DONE or FAILED, waiting longer between polls (up to 30 s), and
     * returns the final status with its line errors; gives up after {@code timeout}.
     */
    public RequestStatusResponse awaitRequest(String clientRequestId, long integrationId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long wait = pollInterval.toMillis();
        while (true) {
            RequestStatusResponse status = requestStatus(clientRequestId, integrationId);
            if (status.status() != null && status.status().isFinal()) {
                return status;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new GongApiException("request " + clientRequestId + " is still " + status.statusText() + " after "
                        + timeout + "; poll again later with requestStatus", 0, status.requestId(), null, null);
            }
            try {
                Thread.sleep(Math.min(wait, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GongApiException("interrupted while waiting for " + clientRequestId, 0, null, null, e);
            }
            wait = Math.min(wait * 2, 30_000);
        }
    }

    // ---- /v2/crm/stages (deprecated) -------------------------------------------------------

    /** @deprecated Gong deprecated this call: upload stages with {@link #uploadObjects} and {@link ObjectType#STAGE}. */
    @Deprecated
    public SchemaUpdateResponse uploadStages(List<GenericDealStageRequest> stages, long integrationId) {
        return uploadStagesWithHttpInfo(stages, integrationId).data();
    }

    /** @deprecated use {@link #uploadObjectsWithHttpInfo} with {@link ObjectType#STAGE}. */
    @Deprecated
    public ApiResponse<SchemaUpdateResponse> uploadStagesWithHttpInfo(List<GenericDealStageRequest> stages,
                                                                     long integrationId) {
        required(stages, "stages");
        Call call = new Call("POST", "/v2/crm/stages", json(stages), Call.Retry.SAFE, requestTimeout)
                .query("integrationId", integrationId);
        return read(call, SchemaUpdateResponse.class);
    }

    // ---- plumbing ----------------------------------------------------------------------------

    private <T> ApiResponse<T> read(Call call, Class<T> type) {
        Transport.Response response = transport.send(call);
        T data;
        try {
            data = Transport.JSON.readValue(response.body(), type);
        } catch (JacksonException e) {
            throw unexpected(call, response, e);
        }
        if (data == null) {
            throw unexpected(call, response, "the body is empty");
        }
        return new ApiResponse<>(data, response.status(), response.headers());
    }

    /** The body as a JSON object, or a GongApiException that says what came instead. */
    private JsonNode tree(Call call, Transport.Response response) {
        JsonNode body;
        try {
            body = Transport.JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw unexpected(call, response, e);
        }
        if (body == null || !body.isObject()) {
            throw unexpected(call, response, body == null || body.isMissingNode() ? "the body is empty"
                    : "the body is a JSON " + body.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                            + ", not an object");
        }
        return body;
    }

    private GongApiException unexpected(Call call, Transport.Response response, JacksonException e) {
        boolean syntax = e instanceof tools.jackson.core.exc.StreamReadException;
        return unexpected(call, response, syntax ? "the body is not JSON"
                : "the body is not shaped as documented (" + transport.redact(e.getOriginalMessage()) + ")");
    }

    /** An answer that is not what the API documents: a proxy's page, a captive portal, another server. */
    private GongApiException unexpected(Call call, Transport.Response response, String what) {
        String type = Transport.first(response.headers(), "Content-Type");
        String excerpt = transport.excerpt(response.body());
        String message = "HTTP " + response.status() + " from " + call.describe() + ", but " + what + " ("
                + (type == null ? "no Content-Type" : type) + ", " + response.body().length + " bytes"
                + (excerpt.isEmpty() ? "" : ": '" + excerpt + "'") + "): not the JSON the API documents; is the base "
                + "URL the Gong API host?";
        return new GongApiException(message, response.status(), null, excerpt.isEmpty() ? List.of() : List.of(excerpt),
                null);
    }

    /**
     * Sends an asynchronous request. Accepted is what the status says: an answer body that is not the
     * documented JSON costs only the requestId (Gong's reference for support), not the acceptance.
     */
    private ApiResponse<AsyncProcessingResponse> async(Call call, String clientRequestId) {
        Transport.Response response = transport.send(call);
        JsonNode body;
        try {
            body = Transport.JSON.readTree(response.body());
        } catch (JacksonException notJson) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            return new ApiResponse<>(new AsyncProcessingResponse(clientRequestId, null, false), response.status(),
                    response.headers());
        }
        return new ApiResponse<>(new AsyncProcessingResponse(body.path("clientRequestId").asString(clientRequestId),
                body.path("requestId").asString(null), false), response.status(), response.headers());
    }

    private static java.util.function.Supplier<org.apache.hc.core5.http.HttpEntity> json(Object body) {
        byte[] bytes = Transport.JSON.writeValueAsBytes(body);
        return () -> new ByteArrayEntity(bytes, JSON_TYPE);
    }

    private static void required(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("Missing the required parameter '" + name + "'");
        }
    }

    private static void checkClientRequestId(String clientRequestId) {
        required(clientRequestId, "clientRequestId");
        if (!CLIENT_REQUEST_ID.matcher(clientRequestId).matches()) {
            throw new IllegalArgumentException("invalid value for 'clientRequestId': only letters, digits, '-' and '_' "
                    + "are allowed, got '" + clientRequestId + "'");
        }
    }

    private static void checkSchemaType(ObjectType objectType) {
        required(objectType, "objectType");
        if (!ObjectType.SCHEMA_TYPES.contains(objectType)) {
            throw new IllegalArgumentException("invalid value for 'objectType', must be one of ACCOUNT, CONTACT, DEAL, LEAD");
        }
    }

    /**
     * https anywhere; plain http only to this machine (the emulator), so that credentials never travel
     * in clear. A URL that holds credentials ({@code user:secret@host}) is refused: they go in
     * {@link Credentials}, and no message repeats them.
     */
    static URI checkedBaseUrl(String baseUrl) {
        String shown = redactUserInfo(baseUrl);
        URI uri;
        try {
            uri = new URI(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        } catch (java.net.URISyntaxException e) {
            // the exception's own message repeats the whole URL: only its reason is kept
            throw new IllegalArgumentException("base URL '" + shown + "' is not a URL: " + e.getReason());
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new IllegalArgumentException("base URL '" + shown + "' must not hold credentials (user:secret@): "
                    + "give the access key and secret, or the bearer token, as the client's credentials instead");
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            throw new IllegalArgumentException("base URL '" + shown + "' needs a scheme and a host");
        }
        if ("https".equalsIgnoreCase(uri.getScheme())) {
            return uri;
        }
        if ("http".equalsIgnoreCase(uri.getScheme()) && isLoopback(uri.getHost())) {
            return uri;
        }
        throw new IllegalArgumentException("base URL '" + shown + "' must use https (plain http is allowed only "
                + "to this machine, e.g. the emulator)");
    }

    /** The URL as it may be shown: whatever stands before an '@' in its authority is replaced. */
    static String redactUserInfo(String url) {
        int start = url.indexOf("//");
        if (start < 0) {
            return url.contains("@") ? "[redacted]" : url;
        }
        int end = start + 2;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        int at = url.lastIndexOf('@', end - 1);
        return at < start ? url : url.substring(0, start + 2) + "[redacted]" + url.substring(at);
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+") && !host.startsWith("[")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings of a client; every one has a default but the credentials. */
    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private Credentials credentials;
        private double callsPerSecond = 3;
        private int maxRetries = 5;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration uploadTimeout = Duration.ofMinutes(15);
        private Duration pollInterval = Duration.ofSeconds(1);
        private Consumer<String> debug;

        private Builder() {
        }

        /** The customer's API host, e.g. {@code https://us-12345.api.gong.io}; http only to loopback. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl);
            return this;
        }

        public Builder credentials(Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** The client-side rate limit (default 3 calls a second, Gong's documented limit); 0 for none. */
        public Builder callsPerSecond(double callsPerSecond) {
            this.callsPerSecond = callsPerSecond;
            return this;
        }

        /** How often a call is retried after 429, a 5xx or a dropped connection (default 5). */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** The first and the longest wait between retries (jittered, doubling; default 0.5 s and 30 s). */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** How long to wait for the response of a call (default 60 s). */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        /** How long to wait for the response to an upload (default 15 minutes, room for 200 MB). */
        public Builder uploadTimeout(Duration uploadTimeout) {
            this.uploadTimeout = uploadTimeout;
            return this;
        }

        /** The first wait between polls of {@link #awaitRequest} (default 1 s, doubling up to 30 s). */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        /** Where to log each request and response line (Authorization redacted); off by default. */
        public Builder debug(Consumer<String> debug) {
            this.debug = debug;
            return this;
        }

        public GongCrmClient build() {
            return new GongCrmClient(this);
        }
    }
}
