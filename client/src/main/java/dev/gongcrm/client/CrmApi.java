package dev.gongcrm.client;

import dev.gongcrm.client.model.AsyncProcessingResponse;
import dev.gongcrm.client.model.GenericCrmRegistrationRequest;
import dev.gongcrm.client.model.GetGenericCrmObjectsResponse;
import dev.gongcrm.client.model.LineError;
import dev.gongcrm.client.model.ListGenericCrmIntegrationsResponse;
import dev.gongcrm.client.model.ListSelectedFieldsResponse;
import dev.gongcrm.client.model.RegisterGenericCrmResponse;
import dev.gongcrm.client.model.RequestStatus;
import dev.gongcrm.client.model.RequestStatusResponse;
import dev.gongcrm.client.model.SchemaField;
import dev.gongcrm.client.model.SchemaUpdateResponse;
import dev.gongcrm.validator.ObjectType;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The operations of one generation of Gong's CRM API ({@link ApiGeneration}): integrations, schema,
 * objects and request status, each also in a form that returns the HTTP status and headers
 * ({@code ...WithHttpInfo}). Both generations take the same arguments and answer the same models, so
 * code written against one runs against the other: {@code client.api(ApiGeneration.ofProfile(profile))}.
 * Obtained from {@link GongCrmClient#legacy()}, {@link GongCrmClient#current()} or
 * {@link GongCrmClient#api(ApiGeneration)}; thread-safe, closed with its client.
 */
public final class CrmApi {

    /** A get-objects call answers for at most this many ids; more are sent in several calls. */
    public static final int OBJECT_LIST_LIMIT = 100;
    /**
     * The most characters of ids one call puts in its query: 100 ids of 64 characters would pass the
     * 8 KB request line many servers and proxies allow, so such calls take fewer ids.
     */
    static final int MAX_QUERY_ID_CHARS = 4_000;
    private static final ContentType JSON_TYPE = ContentType.APPLICATION_JSON;

    private final Transport transport;
    private final ApiGeneration generation;
    private final Duration requestTimeout;
    private final Duration pollInterval;
    private final Deadline deadline;

    CrmApi(Transport transport, ApiGeneration generation, Duration requestTimeout, Duration pollInterval,
           Deadline deadline) {
        this.transport = transport;
        this.generation = generation;
        this.requestTimeout = requestTimeout;
        this.pollInterval = pollInterval;
        this.deadline = deadline;
    }

    /**
     * These operations with every call, attempt and retry bounded by {@code deadline}: past it, a call
     * fails with a {@link GongApiException} that says the server stopped answering.
     */
    public CrmApi within(Deadline deadline) {
        return new CrmApi(transport, generation, requestTimeout, pollInterval, deadline);
    }

    /** The deadline of these operations ({@link Deadline#NONE} unless {@link #within} gave one). */
    public Deadline deadline() {
        return deadline;
    }

    public ApiGeneration generation() {
        return generation;
    }

    // ---- integrations -------------------------------------------------------------------------

    /** Registers the CRM in Gong and returns the integrationId to use in every later call. */
    public RegisterGenericCrmResponse registerIntegration(GenericCrmRegistrationRequest body) {
        return registerIntegrationWithHttpInfo(body).data();
    }

    public ApiResponse<RegisterGenericCrmResponse> registerIntegrationWithHttpInfo(GenericCrmRegistrationRequest body) {
        GongCrmClient.required(body, "body");
        GongCrmClient.required(body.name(), "body.name");
        GongCrmClient.required(body.ownerEmail(), "body.ownerEmail");
        Call call = new Call("PUT", generation.registerIntegration, json(body), Call.Retry.UNSAFE, requestTimeout);
        return read(call, RegisterGenericCrmResponse.class);
    }

    /** The active Generic CRM integrations of the company. */
    public ListGenericCrmIntegrationsResponse listIntegrations() {
        return listIntegrationsWithHttpInfo().data();
    }

    public ApiResponse<ListGenericCrmIntegrationsResponse> listIntegrationsWithHttpInfo() {
        Call call = new Call("GET", generation.listIntegrations, null, Call.Retry.SAFE, requestTimeout);
        return read(call, ListGenericCrmIntegrationsResponse.class);
    }

    /** Deletes the integration and all its objects; asynchronous: follow it with {@link #requestStatus}. */
    public AsyncProcessingResponse deleteIntegration(String clientRequestId, long integrationId) {
        return deleteIntegrationWithHttpInfo(clientRequestId, integrationId).data();
    }

    public ApiResponse<AsyncProcessingResponse> deleteIntegrationWithHttpInfo(String clientRequestId, long integrationId) {
        GongCrmClient.checkClientRequestId(clientRequestId);
        Call call = new Call("DELETE", generation.deleteIntegration, null, Call.Retry.BY_CLIENT_REQUEST_ID,
                requestTimeout).query("clientRequestId", clientRequestId).query("integrationId", integrationId);
        return async(call, clientRequestId);
    }

    // ---- schema -------------------------------------------------------------------------------

    /** Uploads the full schema of one object type (ACCOUNT, CONTACT, DEAL or LEAD). */
    public SchemaUpdateResponse uploadSchemaFields(List<SchemaField> fields, long integrationId, ObjectType objectType) {
        return uploadSchemaFieldsWithHttpInfo(fields, integrationId, objectType).data();
    }

    /** Like {@link #uploadSchemaFields}; the current generation answers 201, the legacy one 200. */
    public ApiResponse<SchemaUpdateResponse> uploadSchemaFieldsWithHttpInfo(List<SchemaField> fields, long integrationId,
                                                                           ObjectType objectType) {
        GongCrmClient.required(fields, "fields");
        GongCrmClient.checkSchemaType(objectType);
        return uploadSchemaJson(Transport.JSON.writeValueAsBytes(fields), integrationId, objectType);
    }

    /** Uploads a schema file as it is (the JSON array of a {@code *.schema.json}), without re-serializing it. */
    public ApiResponse<SchemaUpdateResponse> uploadSchemaFile(Path schemaFile, long integrationId, ObjectType objectType) {
        GongCrmClient.required(schemaFile, "schemaFile");
        GongCrmClient.checkSchemaType(objectType);
        try {
            return uploadSchemaJson(Files.readAllBytes(schemaFile), integrationId, objectType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + schemaFile + ": " + e.getMessage(), e);
        }
    }

    /** Uploads a schema as these bytes of JSON (a {@code *.schema.json} read once), without re-serializing them. */
    public ApiResponse<SchemaUpdateResponse> uploadSchemaJson(byte[] body, long integrationId, ObjectType objectType) {
        GongCrmClient.required(body, "body");
        GongCrmClient.checkSchemaType(objectType);
        Call call = new Call("POST", generation.uploadSchema, () -> new ByteArrayEntity(body, JSON_TYPE),
                Call.Retry.SAFE, requestTimeout).query("integrationId", integrationId).query("objectType", objectType);
        return read(call, SchemaUpdateResponse.class);
    }

    /** The schema fields of one object type, read whether Gong names them {@code name} or {@code uniqueName}. */
    public ListSelectedFieldsResponse listSchemaFields(long integrationId, ObjectType objectType) {
        return listSchemaFieldsWithHttpInfo(integrationId, objectType).data();
    }

    public ApiResponse<ListSelectedFieldsResponse> listSchemaFieldsWithHttpInfo(long integrationId, ObjectType objectType) {
        GongCrmClient.checkSchemaType(objectType);
        Call call = new Call("GET", generation.listSchema, null, Call.Retry.SAFE, requestTimeout)
                .query("integrationId", integrationId).query("objectType", objectType);
        Transport.Response response = transport.send(call, deadline);
        return new ApiResponse<>(GongCrmClient.selectedFields(tree(call, response)), response.status(),
                response.headers());
    }

    // ---- objects ------------------------------------------------------------------------------

    /**
     * Uploads an LDJSON file of one object type, streamed from disk. Asynchronous: follow it with
     * {@link #awaitRequest}. When Gong refuses it with 409 because it already has a request with this
     * clientRequestId, a {@link ClientRequestIdConflictException} says so, and whether an earlier attempt
     * of this call may have been that request. One case is settled here: a retry after a lost answer
     * refused with 409, under an id from {@link GongCrmClient#contentRequestId} that matches the bytes
     * sent, is reported as {@link AsyncProcessingResponse#alreadyAccepted()}.
     */
    public AsyncProcessingResponse uploadObjects(Path dataFile, String clientRequestId, long integrationId,
                                                 ObjectType objectType) {
        return uploadObjectsWithHttpInfo(dataFile, clientRequestId, integrationId, objectType).data();
    }

    public ApiResponse<AsyncProcessingResponse> uploadObjectsWithHttpInfo(Path dataFile, String clientRequestId,
                                                                         long integrationId, ObjectType objectType) {
        GongCrmClient.required(dataFile, "dataFile");
        return uploadObjects(dataFile, 0, GongCrmClient.size(dataFile), clientRequestId, integrationId, objectType,
                sent -> { });
    }

    /**
     * Uploads {@code length} bytes of the file from {@code offset} (a part of a file over the size limit,
     * sent without a copy), telling {@code bytesSent} how much went out so far.
     */
    public ApiResponse<AsyncProcessingResponse> uploadObjects(Path dataFile, long offset, long length,
                                                              String clientRequestId, long integrationId,
                                                              ObjectType objectType, LongConsumer bytesSent) {
        return uploadObjects(dataFile, offset, length, clientRequestId, integrationId, objectType, bytesSent, null);
    }

    /**
     * Like {@link #uploadObjects(Path, long, long, String, long, ObjectType, LongConsumer)}, sending only
     * bytes whose SHA-256 is {@code expectedSha256} (hex; null: unchecked): the bytes are hashed as they
     * are streamed and, when they differ (the file was rewritten since it was checked), the upload stops
     * before its end, so Gong cannot take it, and a {@link GongApiException} says so.
     */
    public ApiResponse<AsyncProcessingResponse> uploadObjects(Path dataFile, long offset, long length,
                                                              String clientRequestId, long integrationId,
                                                              ObjectType objectType, LongConsumer bytesSent,
                                                              String expectedSha256) {
        GongCrmClient.required(objectType, "objectType");
        return upload(generation.uploadObjects, dataFile, offset, length, clientRequestId, integrationId, objectType,
                bytesSent, expectedSha256);
    }

    /**
     * {@code POST /v2/crm/map/users} (deprecated by Gong in favour of BUSINESS_USER objects): the whole
     * file, which must hold the complete list of the CRM's users. Asynchronous like an object upload:
     * watch it with {@link #requestStatus}. The current generation has no such path: an
     * UnsupportedOperationException, before anything is sent.
     */
    public ApiResponse<AsyncProcessingResponse> mapUsers(Path dataFile, String clientRequestId, long integrationId,
                                                         LongConsumer bytesSent) {
        return mapUsers(dataFile, clientRequestId, integrationId, bytesSent, null);
    }

    /** Like {@link #mapUsers(Path, String, long, LongConsumer)}, sending only bytes of this SHA-256 (hex; null: unchecked). */
    public ApiResponse<AsyncProcessingResponse> mapUsers(Path dataFile, String clientRequestId, long integrationId,
                                                         LongConsumer bytesSent, String expectedSha256) {
        GongCrmClient.required(dataFile, "dataFile");
        if (!generation.mapsUsers()) {
            throw new UnsupportedOperationException("the " + generation.profile() + " API has no /v2/crm/map/users: "
                    + "upload users as BUSINESS_USER objects");
        }
        return upload(generation.mapUsers, dataFile, 0, GongCrmClient.size(dataFile), clientRequestId, integrationId,
                null, bytesSent, expectedSha256);
    }

    ApiResponse<AsyncProcessingResponse> upload(String path, Path dataFile, long offset, long length,
                                                String clientRequestId, long integrationId,
                                                ObjectType objectType, LongConsumer bytesSent, String expectedSha256) {
        GongCrmClient.checkClientRequestId(clientRequestId);
        if (!Files.isRegularFile(dataFile)) {
            throw new IllegalArgumentException("dataFile " + dataFile + " is not a readable file");
        }
        Call call = new Call("POST", path, () -> MultipartEntityBuilder.create()
                .addPart("dataFile", new FileRangeBody(dataFile, offset, length, dataFile.getFileName().toString(),
                        bytesSent, expectedSha256))
                .build(), Call.Retry.BY_CLIENT_REQUEST_ID, requestTimeout)
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
            if (GongCrmClient.isContentRequestId(clientRequestId, dataFile, offset, length)) {
                // the id names these very bytes: the request Gong has under it is this upload
                return new ApiResponse<>(new AsyncProcessingResponse(clientRequestId, null, true), 409, Map.of());
            }
            if (GongCrmClient.looksLikeContentRequestId(clientRequestId)) {
                throw conflict.judged("But clientRequestId '" + clientRequestId + "' was made from other content "
                        + "than these bytes: the request Gong has under it is not this upload, so this file was not "
                        + "uploaded; send it under contentRequestId(...) of this content");
            }
            throw conflict;
        }
    }

    /**
     * The objects with these CRM ids (null for ids Gong does not know). More than 100 ids are sent
     * in calls of 100 and merged: the server silently answers only the first 100 of a call.
     */
    public GetGenericCrmObjectsResponse getObjects(Collection<String> objectIds, long integrationId, ObjectType objectType) {
        return getObjectsWithHttpInfo(objectIds, integrationId, objectType).data();
    }

    /**
     * Like {@link #getObjects}; the status and headers are those of the last call. The current
     * generation's calls carry the ids twice, in the {@code objectsCrmIds} query array its parameters
     * declare and in the body its text asks for, so that either reading finds them.
     */
    public ApiResponse<GetGenericCrmObjectsResponse> getObjectsWithHttpInfo(Collection<String> objectIds,
                                                                            long integrationId, ObjectType objectType) {
        GongCrmClient.required(objectIds, "objectIds");
        GongCrmClient.checkSchemaType(objectType);
        List<String> ids = List.copyOf(objectIds);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("objectIds must name at least one id");
        }
        Map<String, JsonNode> objects = new LinkedHashMap<>();
        String requestId = null;
        Transport.Response last = null;
        for (List<String> chunk : chunks(ids, generation.idsInQuery)) {
            byte[] body = Transport.JSON.writeValueAsBytes(chunk);
            Call call = new Call("GET", generation.getObjects, () -> new ByteArrayEntity(body, JSON_TYPE),
                    Call.Retry.SAFE, requestTimeout).query("integrationId", integrationId).query("objectType", objectType);
            if (generation.idsInQuery) {
                chunk.forEach(id -> call.query("objectsCrmIds", id));
            }
            last = transport.send(call, deadline);
            JsonNode answer = tree(call, last);
            requestId = answer.path("requestId").asString(requestId);
            for (String id : chunk) {
                JsonNode object = answer.path("crmObjectsMap").get(id);
                objects.put(id, object == null || object.isNull() ? null : object);
            }
        }
        return new ApiResponse<>(new GetGenericCrmObjectsResponse(requestId, objects), last.status(), last.headers());
    }

    /**
     * How many calls {@link #getObjects} makes for these ids (retries aside): one per 100, more when the
     * current generation's query would grow too long. For callers that account for their reads, as Gong
     * calls the read endpoint a development-phase tool.
     */
    public int getObjectsCalls(Collection<String> objectIds) {
        return objectIds.isEmpty() ? 0 : chunks(List.copyOf(objectIds), generation.idsInQuery).size();
    }

    /** The ids in calls of at most 100, and, when they go in the query, of at most {@value #MAX_QUERY_ID_CHARS} characters. */
    static List<List<String>> chunks(List<String> ids, boolean inQuery) {
        List<List<String>> chunks = new ArrayList<>();
        int from = 0;
        int chars = 0;
        for (int i = 0; i < ids.size(); i++) {
            int length = inQuery ? URLEncoder.encode(ids.get(i), StandardCharsets.UTF_8).length() : 0;
            if (i > from && (i - from == OBJECT_LIST_LIMIT || chars + length > MAX_QUERY_ID_CHARS)) {
                chunks.add(ids.subList(from, i));
                from = i;
                chars = 0;
            }
            chars += length;
        }
        chunks.add(ids.subList(from, ids.size()));
        return chunks;
    }

    // ---- request status -----------------------------------------------------------------------

    /** The current status of an upload, user mapping or integration delete (one path for both generations). */
    public RequestStatusResponse requestStatus(String clientRequestId, long integrationId) {
        return requestStatusWithHttpInfo(clientRequestId, integrationId).data();
    }

    public ApiResponse<RequestStatusResponse> requestStatusWithHttpInfo(String clientRequestId, long integrationId) {
        GongCrmClient.checkClientRequestId(clientRequestId);
        Call call = new Call("GET", ApiGeneration.REQUEST_STATUS, null, Call.Retry.SAFE, requestTimeout)
                .query("clientRequestId", clientRequestId).query("integrationId", integrationId);
        Transport.Response response = transport.send(call, deadline);
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

    // ---- plumbing ----------------------------------------------------------------------------

    <T> ApiResponse<T> read(Call call, Class<T> type) {
        Transport.Response response = transport.send(call, deadline);
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
        Transport.Response response = transport.send(call, deadline);
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

    static Supplier<HttpEntity> json(Object body) {
        byte[] bytes = Transport.JSON.writeValueAsBytes(body);
        return () -> new ByteArrayEntity(bytes, JSON_TYPE);
    }
}
