package dev.gongcrm.emulator;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.FileKind;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A local, stateful Gong CRM API: the ten endpoints of the seed with their JSON shapes, one
 * integration, asynchronous processing whose line errors come from validator-core, and faults on
 * demand. Listens on loopback only.
 *
 * <pre>{@code
 * try (Emulator gong = Emulator.builder().port(0).build().start()) {
 *     String url = gong.baseUrl();          // http://127.0.0.1:PORT
 *     gong.faults().next(2, Fault.rateLimited(1));
 * }
 * }</pre>
 */
public final class Emulator implements AutoCloseable {

    /** The 64-bit id the emulator gives the integration (Gong's own example: too large for a double). */
    public static final long DEFAULT_INTEGRATION_ID = 5517027188234205706L;
    public static final String DEFAULT_CREDENTIAL = "gongcrm";
    private static final int MAX_OBJECT_IDS = 100;
    private static final Pattern CLIENT_REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Set<String> SCHEMA_TYPES = Set.of("ACCOUNT", "CONTACT", "DEAL", "LEAD");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DROP = "gongcrm.drop";
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final Builder settings;
    private final CrmState state = new CrmState();
    private final Faults faults = new Faults();
    private final Validator validator = Validator.builder().build();
    private final UploadProcessor uploads = new UploadProcessor(state, validator);
    private final ScheduledExecutorService processing = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "gongcrm-emulator-processing");
        thread.setDaemon(true);
        return thread;
    });
    private final Path workFolder;
    private Javalin server;

    private Emulator(Builder settings) {
        this.settings = settings;
        settings.initialFaults.forEach(initial -> faults.next(initial.getKey(), initial.getValue()));
        try {
            this.workFolder = Files.createTempDirectory("gongcrm-emulator");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the emulator's work folder", e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening; {@code port(0)} picks a free port. */
    public Emulator start() {
        server = Javalin.create(config -> {
            config.jetty.host = "127.0.0.1";
            config.jetty.port = settings.port;
            config.jetty.multipartConfig.cacheDirectory(workFolder.toString());
            config.jetty.multipartConfig.maxFileSize(settings.maxUploadBytes, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(settings.maxUploadBytes + MULTIPART_OVERHEAD, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.http.maxRequestSize = 10_000_000;
            config.startup.showJavalinBanner = false;
            config.routes.before(this::faultsAndAuth);
            config.routes.put("/v2/crm/integration/new", this::register);
            config.routes.get("/v2/crm/integration/list", this::listIntegrations);
            config.routes.delete("/v2/crm/integration/delete", this::deleteIntegration);
            config.routes.post("/v2/crm/object/schema", this::uploadSchema);
            config.routes.get("/v2/crm/object/schema/list", this::listSchema);
            config.routes.post("/v2/crm/object/entities", this::uploadEntities);
            config.routes.post("/v2/crm/map/users", this::mapUsers);
            config.routes.get("/v2/crm/object/list", this::listObjects);
            config.routes.get("/v2/crm/request-status", this::requestStatus);
            config.routes.post("/v2/crm/stages", this::uploadStages);
            config.routes.after(this::dropIfAsked);
            config.routes.exception(ApiError.class, (error, ctx) -> {
                error.headers.forEach(ctx::header);
                json(ctx, error.status, errorBody(error.errors));
            });
            config.routes.exception(Exception.class, (error, ctx) ->
                    json(ctx, 500, errorBody(List.of("Internal Server Error"))));
        }).start();
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    /**
     * The uploads Gong accepted, in the order they arrived: {@code "DEAL <clientRequestId>"} for an
     * object upload, {@code "schema DEAL"} for a schema; a test's view of what a client sent.
     */
    public List<String> arrivals() {
        synchronized (state) {
            return List.copyOf(state.arrivals);
        }
    }

    /** The faults the next requests get; tests change them while the emulator runs. */
    public Faults faults() {
        return faults;
    }

    public String accessKey() {
        return settings.accessKey;
    }

    public String accessKeySecret() {
        return settings.accessKeySecret;
    }

    /** The object the emulator holds, or null: for tests of types object/list does not serve (users, stages). */
    JsonNode storedObject(CrmState.Type type, String id) {
        synchronized (state) {
            return state.objectsOf(type).get(id);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
        processing.shutdownNow();
        try (var files = Files.walk(workFolder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    // ---- cross-cutting --------------------------------------------------------------------

    private void faultsAndAuth(Context ctx) throws InterruptedException {
        Fault fault = faults.take();
        if (fault instanceof Fault.RateLimited limited) {
            throw new ApiError(429, Map.of("Retry-After", Integer.toString(limited.retryAfterSeconds())),
                    "API request limit exceeded");
        }
        if (fault instanceof Fault.ServerError) {
            throw new ApiError(500, "Internal Server Error");
        }
        if (fault instanceof Fault.Delay delay) {
            Thread.sleep(delay.delay().toMillis());
        }
        if (fault instanceof Fault.DropConnection) {
            ctx.attribute(DROP, true);
        }
        String authorization = ctx.header("Authorization");
        if (authorization == null || !settings.accepts(authorization)) {
            throw new ApiError(401, "Access denied");
        }
    }

    private void dropIfAsked(Context ctx) {
        if (Boolean.TRUE.equals(ctx.attribute(DROP))) {
            ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection()
                    .getEndPoint().close();
        }
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
    }

    private static Map<String, Object> errorBody(List<String> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", requestId());
        body.put("errors", errors);
        return body;
    }

    private static String requestId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 19; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    private CrmState.Integration integration(Context ctx) {
        String text = ctx.queryParam("integrationId");
        if (text == null || text.isBlank()) {
            throw new ApiError(400, "Missing parameter [integrationId]");
        }
        long id;
        try {
            id = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new ApiError(400, "Parameter [integrationId] must be a 64-bit integer, got '" + text + "'");
        }
        CrmState.Integration integration = state.integration;
        if (integration == null || integration.integrationId() != id) {
            throw new ApiError(400, "Unknown integrationId [" + id + "]");
        }
        return integration;
    }

    private static String clientRequestId(Context ctx) {
        String id = ctx.queryParam("clientRequestId");
        if (id == null || id.isBlank()) {
            throw new ApiError(400, "Missing parameter [clientRequestId]");
        }
        if (!CLIENT_REQUEST_ID.matcher(id).matches()) {
            throw new ApiError(400, "Parameter [clientRequestId] may hold only letters, numbers, dashes and underscores");
        }
        return id;
    }

    private static CrmState.Type objectType(Context ctx, Set<String> allowed) {
        String type = ctx.queryParam("objectType");
        if (type == null || type.isBlank()) {
            throw new ApiError(400, "Missing parameter [objectType]");
        }
        if (!allowed.contains(type)) {
            throw new ApiError(400, "Parameter [objectType] must be one of " + new java.util.TreeSet<>(allowed)
                    + " (case-sensitive), got '" + type + "'");
        }
        return CrmState.Type.valueOf(type);
    }

    private static Set<String> allTypes() {
        Set<String> names = new java.util.HashSet<>();
        for (CrmState.Type type : CrmState.Type.values()) {
            names.add(type.name());
        }
        return names;
    }

    private static JsonNode body(Context ctx) {
        try {
            return JSON.readTree(ctx.bodyAsBytes());
        } catch (RuntimeException e) {
            throw new ApiError(400, "Malformed request: the body is not valid JSON");
        }
    }

    private CrmState.Request newRequest(String clientRequestId) {
        synchronized (state) {
            if (state.requests.containsKey(clientRequestId)) {
                throw new ApiError(409, "clientRequestId [" + clientRequestId + "] already exists");
            }
            CrmState.Request request = new CrmState.Request(clientRequestId, requestId());
            state.requests.put(clientRequestId, request);
            return request;
        }
    }

    private void processLater(CrmState.Request request, Runnable work) {
        long delay = settings.processingDelay.toMillis();
        processing.schedule(() -> request.status = "IN_PROGRESS", delay / 2, TimeUnit.MILLISECONDS);
        processing.schedule(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                request.errors = List.of(Map.of("line", 0, "description", "General error: " + e.getMessage()));
                request.status = "FAILED";
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    private static Map<String, Object> accepted(CrmState.Request request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientRequestId", request.clientRequestId);
        body.put("requestId", request.requestId);
        return body;
    }

    // ---- integration ------------------------------------------------------------------------

    private void register(Context ctx) {
        JsonNode body = body(ctx);
        String name = body.path("name").asString(null);
        String ownerEmail = body.path("ownerEmail").asString(null);
        if (name == null || name.isBlank() || ownerEmail == null || ownerEmail.isBlank()) {
            throw new ApiError(400, "Fields [name] and [ownerEmail] are required");
        }
        synchronized (state) {
            if (state.integration != null) {
                throw new ApiError(409, "Multiple CRM integrations are not supported: integration ["
                        + state.integration.integrationId() + "] is active");
            }
            state.integration = new CrmState.Integration(settings.integrationId, name, ownerEmail);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("integrationId", settings.integrationId);
        answer.put("requestId", requestId());
        json(ctx, 200, answer);
    }

    private void listIntegrations(Context ctx) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("requestId", requestId());
        answer.put("integrations", state.integrations());
        json(ctx, 200, answer);
    }

    private void deleteIntegration(Context ctx) {
        String clientRequestId = clientRequestId(ctx);
        integration(ctx);
        CrmState.Request request = newRequest(clientRequestId);
        processLater(request, () -> {
            synchronized (state) {
                state.clearIntegration();
            }
            request.totalErrorCount = 0;
            request.totalSuccessCount = 1;
            request.status = "DONE";
        });
        json(ctx, 200, accepted(request));
    }

    // ---- schema -----------------------------------------------------------------------------

    private void uploadSchema(Context ctx) throws IOException {
        integration(ctx);
        CrmState.Type type = objectType(ctx, SCHEMA_TYPES);
        byte[] body = ctx.bodyAsBytes();
        ValidationResult result = validator.validateFiles(List.of(BundleFile.of(
                type.name().toLowerCase() + ".schema.json", FileKind.SCHEMA, ObjectType.valueOf(type.name()), body)));
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
        synchronized (state) {
            state.schemas.put(type, (ArrayNode) JSON.readTree(body));
            state.arrivals.add("schema " + type.name());
        }
        json(ctx, 200, Map.of("requestId", requestId()));
    }

    private void listSchema(Context ctx) {
        integration(ctx);
        CrmState.Type type = objectType(ctx, SCHEMA_TYPES);
        // the default schema first, then the custom fields of the last schema upload
        List<Object> fields = new ArrayList<>(DefaultSchema.fields(type));
        synchronized (state) {
            state.schemas.getOrDefault(type, JSON.createArrayNode()).forEach(fields::add);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("requestId", requestId());
        answer.put("objectTypeToSelectedFields", Map.of(type.name(), fields));
        json(ctx, 200, answer);
    }

    // ---- objects ----------------------------------------------------------------------------

    private void uploadEntities(Context ctx) throws IOException {
        String clientRequestId = clientRequestId(ctx);
        integration(ctx);
        CrmState.Type type = objectType(ctx, allTypes());
        Path data = receive(ctx);
        CrmState.Request request = newRequest(clientRequestId);
        synchronized (state) {
            state.arrivals.add(type.name() + " " + clientRequestId);
        }
        processLater(request, () -> uploads.process(request, type, data));
        json(ctx, 201, accepted(request));
    }

    @SuppressWarnings("deprecation")
    private void mapUsers(Context ctx) throws IOException {
        String clientRequestId = clientRequestId(ctx);
        integration(ctx);
        Path data = receive(ctx);
        CrmState.Request request = newRequest(clientRequestId);
        processLater(request, () -> uploads.processUserMappings(request, data));
        json(ctx, 201, accepted(request));
    }

    /** Saves the multipart {@code dataFile} to the work folder. */
    private Path receive(Context ctx) throws IOException {
        if (ctx.req().getContentLengthLong() > settings.maxUploadBytes + MULTIPART_OVERHEAD) {
            throw new ApiError(413, "Maximum payload size is 200 megabytes");
        }
        UploadedFile file;
        try {
            file = ctx.uploadedFile("dataFile");
        } catch (RuntimeException e) {
            throw new ApiError(400, "Malformed request: the body is not a readable multipart form");
        }
        if (file == null) {
            throw new ApiError(400, "Malformed request: the multipart parameter [dataFile] is missing");
        }
        if (file.size() > settings.maxUploadBytes) {
            throw new ApiError(413, "Maximum payload size is 200 megabytes");
        }
        Path target = Files.createTempFile(workFolder, "upload", ".ldjson");
        try (InputStream in = file.content()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private void listObjects(Context ctx) {
        integration(ctx);
        CrmState.Type type = objectType(ctx, SCHEMA_TYPES);
        JsonNode ids = body(ctx);
        if (!ids.isArray()) {
            throw new ApiError(400, "Malformed request: the body must be a JSON array of CRM ids");
        }
        Map<String, JsonNode> found = new LinkedHashMap<>();
        int count = 0;
        synchronized (state) {
            for (JsonNode id : ids) {
                if (count++ == MAX_OBJECT_IDS) {
                    break;
                }
                found.put(id.asString(), state.objectsOf(type).get(id.asString()));
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("requestId", requestId());
        answer.put("crmObjectsMap", found);
        json(ctx, 200, answer);
    }

    private void requestStatus(Context ctx) {
        String clientRequestId = clientRequestId(ctx);
        integrationOrPast(ctx);
        CrmState.Request request;
        synchronized (state) {
            request = state.requests.get(clientRequestId);
        }
        if (request == null) {
            throw new ApiError(400, "Unknown clientRequestId [" + clientRequestId + "]");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("requestId", request.requestId);
        answer.put("status", request.status);
        answer.put("errors", request.errors);
        answer.put("totalErrorCount", request.totalErrorCount);
        answer.put("totalSuccessCount", request.totalSuccessCount);
        json(ctx, 200, answer);
    }

    /** Request status stays readable after the integration was deleted (that is how the delete is followed). */
    private void integrationOrPast(Context ctx) {
        if (state.integration != null) {
            integration(ctx);
        } else if (ctx.queryParam("integrationId") == null) {
            throw new ApiError(400, "Missing parameter [integrationId]");
        }
    }

    @SuppressWarnings("deprecation")
    private void uploadStages(Context ctx) {
        integration(ctx);
        JsonNode stages = body(ctx);
        if (!stages.isArray()) {
            throw new ApiError(400, "Malformed request: the body must be a JSON array of stages");
        }
        List<String> problems = StageCheck.problems(stages);
        if (!problems.isEmpty()) {
            // all or nothing: a bad stage stores none of the request
            throw new ApiError(400, problems.toArray(String[]::new));
        }
        synchronized (state) {
            for (JsonNode stage : stages) {
                state.objectsOf(CrmState.Type.STAGE).put(stage.path("internalName").asString(), stage);
            }
        }
        json(ctx, 200, Map.of("requestId", requestId()));
    }

    /** How the emulator starts: port, credentials, processing delay. */
    public static final class Builder {
        private int port;
        private String accessKey = DEFAULT_CREDENTIAL;
        private String accessKeySecret = DEFAULT_CREDENTIAL;
        private String bearerToken;
        private Duration processingDelay = Duration.ofSeconds(1);
        private long integrationId = DEFAULT_INTEGRATION_ID;
        private long maxUploadBytes = 200L * 1024 * 1024;
        private final List<Map.Entry<Integer, Fault>> initialFaults = new ArrayList<>();

        private Builder() {
        }

        /** The first {@code count} requests get this fault (more can be queued later through {@link #faults()}). */
        public Builder fault(int count, Fault fault) {
            initialFaults.add(Map.entry(count, fault));
            return this;
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The access key and secret Basic authentication must carry (default gongcrm / gongcrm). */
        public Builder credentials(String accessKey, String accessKeySecret) {
            this.accessKey = accessKey;
            this.accessKeySecret = accessKeySecret;
            return this;
        }

        /** A bearer token accepted besides the access key. */
        public Builder bearerToken(String bearerToken) {
            this.bearerToken = bearerToken;
            return this;
        }

        /** How long an upload stays PENDING and IN_PROGRESS before DONE or FAILED (default 1 s). */
        public Builder processingDelay(Duration processingDelay) {
            this.processingDelay = processingDelay;
            return this;
        }

        public Builder integrationId(long integrationId) {
            this.integrationId = integrationId;
            return this;
        }

        /** The largest upload accepted (default 200 MiB, Gong's limit); larger ones get 413. */
        public Builder maxUploadBytes(long maxUploadBytes) {
            this.maxUploadBytes = maxUploadBytes;
            return this;
        }

        public Emulator build() {
            return new Emulator(this);
        }

        boolean accepts(String authorization) {
            String basic = "Basic " + Base64.getEncoder().encodeToString(
                    (accessKey + ":" + accessKeySecret).getBytes(StandardCharsets.UTF_8));
            return authorization.equals(basic) || (bearerToken != null && authorization.equals("Bearer " + bearerToken));
        }
    }
}
