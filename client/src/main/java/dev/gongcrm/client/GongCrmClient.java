package dev.gongcrm.client;

import dev.gongcrm.client.model.AsyncProcessingResponse;
import dev.gongcrm.client.model.GenericCrmRegistrationRequest;
import dev.gongcrm.client.model.GenericDealStageRequest;
import dev.gongcrm.client.model.GetGenericCrmObjectsResponse;
import dev.gongcrm.client.model.ListGenericCrmIntegrationsResponse;
import dev.gongcrm.client.model.ListSelectedFieldsResponse;
import dev.gongcrm.client.model.RegisterGenericCrmResponse;
import dev.gongcrm.client.model.RequestStatusResponse;
import dev.gongcrm.client.model.SchemaField;
import dev.gongcrm.client.model.SchemaUpdateResponse;
import dev.gongcrm.validator.ObjectType;
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
 * returns the HTTP status and headers ({@code ...WithHttpInfo}), and through {@link #current()} the same
 * operations on the current generation's paths ({@code /v2/crm/entities}, {@code /entity-schema},
 * {@code /integrations}). The methods of this class are the legacy generation's ({@link #legacy()}).
 * Thread-safe; close it when done.
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
    public static final int OBJECT_LIST_LIMIT = CrmApi.OBJECT_LIST_LIMIT;
    private static final Pattern CLIENT_REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int CONTENT_HASH_BYTES = 16;
    private static final Pattern CONTENT_REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]*-[0-9a-f]{32}");

    private final Transport transport;
    private final Duration requestTimeout;
    private final CrmApi legacy;
    private final CrmApi current;

    private GongCrmClient(Builder builder) {
        URI baseUrl = checkedBaseUrl(builder.baseUrl);
        this.transport = new Transport(baseUrl, Objects.requireNonNull(builder.credentials,
                "credentials are required: Credentials.basic(accessKey, secret) or Credentials.bearer(token)"),
                builder.callsPerSecond, builder.maxRetries, builder.initialBackoff, builder.maxBackoff,
                builder.connectTimeout, builder.stallTimeout, builder.debug);
        this.requestTimeout = builder.requestTimeout;
        this.legacy = new CrmApi(transport, ApiGeneration.LEGACY, builder.requestTimeout, builder.pollInterval,
                Deadline.NONE);
        this.current = new CrmApi(transport, ApiGeneration.CURRENT, builder.requestTimeout, builder.pollInterval,
                Deadline.NONE);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The operations of one generation, chosen e.g. from the validation profile: {@code ApiGeneration.ofProfile(profile)}. */
    public CrmApi api(ApiGeneration generation) {
        return generation == ApiGeneration.CURRENT ? current : legacy;
    }

    /** The seed's endpoints ({@code /v2/crm/object/entities}, {@code /integration/new}...), as this class's own methods. */
    public CrmApi legacy() {
        return legacy;
    }

    /** The current generation's endpoints ({@code /v2/crm/entities}, {@code /entity-schema}, {@code /integrations}). */
    public CrmApi current() {
        return current;
    }

    // ---- the legacy generation's operations (see CrmApi) -------------------------------------

    /** {@code PUT /v2/crm/integration/new}: see {@link CrmApi#registerIntegration}. */
    public RegisterGenericCrmResponse registerIntegration(GenericCrmRegistrationRequest body) {
        return legacy.registerIntegration(body);
    }

    public ApiResponse<RegisterGenericCrmResponse> registerIntegrationWithHttpInfo(GenericCrmRegistrationRequest body) {
        return legacy.registerIntegrationWithHttpInfo(body);
    }

    /** {@code GET /v2/crm/integration/list}: see {@link CrmApi#listIntegrations}. */
    public ListGenericCrmIntegrationsResponse listIntegrations() {
        return legacy.listIntegrations();
    }

    public ApiResponse<ListGenericCrmIntegrationsResponse> listIntegrationsWithHttpInfo() {
        return legacy.listIntegrationsWithHttpInfo();
    }

    /** {@code DELETE /v2/crm/integration/delete}: see {@link CrmApi#deleteIntegration}. */
    public AsyncProcessingResponse deleteIntegration(String clientRequestId, long integrationId) {
        return legacy.deleteIntegration(clientRequestId, integrationId);
    }

    public ApiResponse<AsyncProcessingResponse> deleteIntegrationWithHttpInfo(String clientRequestId, long integrationId) {
        return legacy.deleteIntegrationWithHttpInfo(clientRequestId, integrationId);
    }

    /** {@code POST /v2/crm/object/schema}: see {@link CrmApi#uploadSchemaFields}. */
    public SchemaUpdateResponse uploadSchemaFields(List<SchemaField> fields, long integrationId, ObjectType objectType) {
        return legacy.uploadSchemaFields(fields, integrationId, objectType);
    }

    public ApiResponse<SchemaUpdateResponse> uploadSchemaFieldsWithHttpInfo(List<SchemaField> fields, long integrationId,
                                                                           ObjectType objectType) {
        return legacy.uploadSchemaFieldsWithHttpInfo(fields, integrationId, objectType);
    }

    /** See {@link CrmApi#uploadSchemaFile}. */
    public ApiResponse<SchemaUpdateResponse> uploadSchemaFile(Path schemaFile, long integrationId, ObjectType objectType) {
        return legacy.uploadSchemaFile(schemaFile, integrationId, objectType);
    }

    /** {@code GET /v2/crm/object/schema/list}: see {@link CrmApi#listSchemaFields}. */
    public ListSelectedFieldsResponse listSchemaFields(long integrationId, ObjectType objectType) {
        return legacy.listSchemaFields(integrationId, objectType);
    }

    public ApiResponse<ListSelectedFieldsResponse> listSchemaFieldsWithHttpInfo(long integrationId, ObjectType objectType) {
        return legacy.listSchemaFieldsWithHttpInfo(integrationId, objectType);
    }

    /** {@code POST /v2/crm/object/entities}: see {@link CrmApi#uploadObjects(Path, String, long, ObjectType)}. */
    public AsyncProcessingResponse uploadObjects(Path dataFile, String clientRequestId, long integrationId,
                                                 ObjectType objectType) {
        return legacy.uploadObjects(dataFile, clientRequestId, integrationId, objectType);
    }

    public ApiResponse<AsyncProcessingResponse> uploadObjectsWithHttpInfo(Path dataFile, String clientRequestId,
                                                                         long integrationId, ObjectType objectType) {
        return legacy.uploadObjectsWithHttpInfo(dataFile, clientRequestId, integrationId, objectType);
    }

    /** A part of a file: see {@link CrmApi#uploadObjects(Path, long, long, String, long, ObjectType, LongConsumer)}. */
    public ApiResponse<AsyncProcessingResponse> uploadObjects(Path dataFile, long offset, long length,
                                                              String clientRequestId, long integrationId,
                                                              ObjectType objectType, LongConsumer bytesSent) {
        return legacy.uploadObjects(dataFile, offset, length, clientRequestId, integrationId, objectType, bytesSent);
    }

    /** {@code GET /v2/crm/object/list}, 100 ids a call: see {@link CrmApi#getObjects}. */
    public GetGenericCrmObjectsResponse getObjects(Collection<String> objectIds, long integrationId, ObjectType objectType) {
        return legacy.getObjects(objectIds, integrationId, objectType);
    }

    public ApiResponse<GetGenericCrmObjectsResponse> getObjectsWithHttpInfo(Collection<String> objectIds,
                                                                            long integrationId, ObjectType objectType) {
        return legacy.getObjectsWithHttpInfo(objectIds, integrationId, objectType);
    }

    /** {@code GET /v2/crm/request-status} (shared by both generations): see {@link CrmApi#requestStatus}. */
    public RequestStatusResponse requestStatus(String clientRequestId, long integrationId) {
        return legacy.requestStatus(clientRequestId, integrationId);
    }

    public ApiResponse<RequestStatusResponse> requestStatusWithHttpInfo(String clientRequestId, long integrationId) {
        return legacy.requestStatusWithHttpInfo(clientRequestId, integrationId);
    }

    /** Polls until DONE or FAILED: see {@link CrmApi#awaitRequest}. */
    public RequestStatusResponse awaitRequest(String clientRequestId, long integrationId, Duration timeout) {
        return legacy.awaitRequest(clientRequestId, integrationId, timeout);
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
        return legacy.mapUsers(dataFile, clientRequestId, integrationId, sent -> { });
    }

    static long size(Path dataFile) {
        try {
            return Files.size(dataFile);
        } catch (IOException e) {
            throw new IllegalArgumentException("dataFile " + dataFile + " is not a readable file", e);
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

    static boolean looksLikeContentRequestId(String clientRequestId) {
        return CONTENT_REQUEST_ID.matcher(clientRequestId).matches();
    }

    static boolean isContentRequestId(String clientRequestId, Path dataFile, long offset, long length) {
        return CONTENT_REQUEST_ID.matcher(clientRequestId).matches()
                && clientRequestId.endsWith("-" + contentHash(dataFile, offset, length));
    }

    private static String contentHash(Path dataFile, long offset, long length) {
        java.security.MessageDigest digest = Sha256.digest();
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
        Call call = new Call("POST", "/v2/crm/stages", CrmApi.json(stages), Call.Retry.SAFE, requestTimeout)
                .query("integrationId", integrationId);
        return legacy.read(call, SchemaUpdateResponse.class);
    }

    // ---- plumbing ----------------------------------------------------------------------------

    static void required(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("Missing the required parameter '" + name + "'");
        }
    }

    static void checkClientRequestId(String clientRequestId) {
        required(clientRequestId, "clientRequestId");
        if (!CLIENT_REQUEST_ID.matcher(clientRequestId).matches()) {
            throw new IllegalArgumentException("invalid value for 'clientRequestId': only letters, digits, '-' and '_' "
                    + "are allowed, got '" + clientRequestId + "'");
        }
    }

    static void checkSchemaType(ObjectType objectType) {
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
        private Duration stallTimeout = Duration.ofSeconds(60);
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

        /**
         * The longest one attempt of a call may wait for its whole answer, from the end of the request
         * (an upload's last byte) to the answer's last byte (default 60 s); then it is retried where safe.
         * A whole step is bounded by a {@link Deadline} ({@link CrmApi#within}).
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive(requestTimeout, "requestTimeout");
            return this;
        }

        /**
         * The longest an upload may go without the server taking a byte (default 60 s): a stalled transfer
         * is a timeout however large the file, while one whose bytes keep moving may take as long as it needs.
         */
        public Builder stallTimeout(Duration stallTimeout) {
            this.stallTimeout = positive(stallTimeout, "stallTimeout");
            return this;
        }

        private static Duration positive(Duration duration, String name) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, not " + duration);
            }
            return duration;
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
