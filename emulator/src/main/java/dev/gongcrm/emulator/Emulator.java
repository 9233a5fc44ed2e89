package dev.gongcrm.emulator;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.FileKind;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.util.MultipartUtil;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.Part;
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
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A local, stateful Gong CRM API: the ten endpoints of the seed with their JSON shapes, one
 * integration, asynchronous processing whose line errors come from validator-core, and faults on
 * demand. Listens on loopback only. Stored objects live in an SQLite file of its temporary work
 * folder, not on the heap; a request a client got wrong is answered 400 or 413 in Gong's error shape
 * (and logged, see {@link Builder#log}), never 500; no upload's file stays behind once it is
 * processed or refused.
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
    /** A dataFile larger than this goes to the upload folder as it arrives, not to the heap. */
    private static final int IN_MEMORY_PART_BYTES = 1024 * 1024;

    private final Builder settings;
    private final Faults faults = new Faults();
    private final Validator validator = UploadProcessor.gongValidator();
    private final Path workFolder;
    private final Path uploadFolder;
    private final CrmState state;
    private final UploadProcessor uploads;
    private final ScheduledExecutorService processing = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "gongcrm-emulator-processing");
        thread.setDaemon(true);
        return thread;
    });
    private Javalin server;

    private Emulator(Builder settings) {
        this.settings = settings;
        settings.initialFaults.forEach(initial -> faults.next(initial.getKey(), initial.getValue()));
        try {
            this.workFolder = Files.createTempDirectory("gongcrm-emulator");
            this.uploadFolder = Files.createDirectory(workFolder.resolve("uploads"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the emulator's work folder", e);
        }
        this.state = new CrmState(new ObjectStore(workFolder.resolve("objects.db")));
        this.uploads = new UploadProcessor(state, validator);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening; {@code port(0)} picks a free port. */
    public Emulator start() {
        server = Javalin.create(config -> {
            config.jetty.host = "127.0.0.1";
            config.jetty.port = settings.port;
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
            config.routes.exception(ApiError.class, this::answer);
            config.routes.exception(CannedAnswer.class, (canned, ctx) -> {
                drain(ctx);
                canned.answer.headers().forEach(ctx::header);
                ctx.status(canned.answer.status()).contentType(canned.answer.contentType()).result(canned.answer.body());
            });
            config.routes.exception(Exception.class, (error, ctx) -> {
                ApiError mistake = ClientMistakes.of(error, settings.maxUploadBytes);
                if (mistake != null) {
                    answer(mistake, ctx);
                    return;
                }
                settings.log.accept(ctx.method() + " " + ctx.path() + " 500 Internal Server Error: "
                        + ClientMistakes.describe(error));
                json(ctx, 500, errorBody(List.of("Internal Server Error")));
            });
        }).start();
        return this;
    }

    /** An error answer in Gong's shape ({@code requestId}, {@code errors}), logged with what was asked. */
    private void answer(ApiError error, Context ctx) {
        settings.log.accept(ctx.method() + " " + ctx.path() + " " + error.status + " " + String.join("; ", error.errors));
        drain(ctx);
        error.headers.forEach(ctx::header);
        json(ctx, error.status, errorBody(error.errors));
    }

    /**
     * Reads what is left of a refused request's body: a connection closed with unread bytes is reset,
     * and the reset can take the answer with it, so that the client sees a broken pipe instead of why
     * its request was refused (a 413 for a declared length over the limit, a 400 for a bad query). A
     * declared length is read whole (up to 4 GiB: seconds on loopback); a chunked body up to twice the
     * upload limit.
     */
    private void drain(Context ctx) {
        try {
            long declared = Math.min(ctx.req().getContentLengthLong(), 4L << 30);
            long left = Math.max(declared, 2 * (settings.maxUploadBytes + MULTIPART_OVERHEAD));
            byte[] buffer = new byte[64 * 1024];
            InputStream in = ctx.req().getInputStream();
            int read;
            while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= read;
            }
        } catch (IOException | RuntimeException alreadyReadOrGone) {
            // the body was read (or failed) on the way in: nothing is left to drain
        }
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

    /** Where uploads wait on disk until processed (tests check that none stays behind). */
    Path uploadFolder() {
        return uploadFolder;
    }

    /** The object the emulator holds, or null: for tests of types object/list does not serve (users, stages). */
    JsonNode storedObject(CrmState.Type type, String id) {
        return state.objects.get(type, id);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
        processing.shutdownNow();
        try {
            processing.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state.objects.close();
        try (var files = Files.walk(workFolder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
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
        if (fault instanceof Fault.Answer answer) {
            throw new CannedAnswer(answer);
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

    /** A {@link Fault.Answer} on its way out, past the handlers. */
    private static final class CannedAnswer extends RuntimeException {
        final Fault.Answer answer;

        CannedAnswer(Fault.Answer answer) {
            super(null, null, false, false);
            this.answer = answer;
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
        return integration(ctx, state.integration);
    }

    /** Checks the request's integrationId against {@code current}, the integration read once by the caller. */
    private static CrmState.Integration integration(Context ctx, CrmState.Integration current) {
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
        if (current == null || current.integrationId() != id) {
            throw new ApiError(400, "Unknown integrationId [" + id + "]");
        }
        return current;
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
                throw conflict(clientRequestId);
            }
            CrmState.Request request = new CrmState.Request(clientRequestId, requestId());
            state.requests.put(clientRequestId, request);
            return request;
        }
    }

    private static ApiError conflict(String clientRequestId) {
        return new ApiError(409, "clientRequestId [" + clientRequestId + "] already exists");
    }

    private void processLater(CrmState.Request request, Runnable work) {
        long delay = settings.processingDelay.toMillis();
        processing.schedule(() -> request.status = "IN_PROGRESS", delay / 2, TimeUnit.MILLISECONDS);
        processing.schedule(() -> {
            try {
                work.run();
            } catch (RuntimeException | Error e) {
                // even OutOfMemoryError: the request ends FAILED and the processing thread goes on
                String why = e instanceof OutOfMemoryError ? "out of memory while processing the file"
                        : String.valueOf(e.getMessage());
                request.errors = List.of(Map.of("line", 0, "description", "General error: " + why));
                request.status = "FAILED";
                settings.log.accept("request " + request.clientRequestId + " FAILED: " + ClientMistakes.describe(e));
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
        if (body.length == 0) {
            throw new ApiError(400, "Malformed request: the body is empty; it must be a JSON array of schema fields");
        }
        JsonNode fields;
        try {
            fields = JSON.readTree(body);
        } catch (RuntimeException e) {
            throw new ApiError(400, "Malformed request: the body is not valid JSON");
        }
        if (fields == null || !fields.isArray()) {
            throw new ApiError(400, "Malformed request: the body must be a JSON array of schema fields");
        }
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
            state.schemas.put(type, (ArrayNode) fields);
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
        CrmState.Request request = receiveAsNewRequest(ctx, clientRequestId,
                (accepted, data) -> uploads.process(accepted, type, data));
        synchronized (state) {
            state.arrivals.add(type.name() + " " + clientRequestId);
        }
        json(ctx, 201, accepted(request));
    }

    @SuppressWarnings("deprecation")
    private void mapUsers(Context ctx) throws IOException {
        String clientRequestId = clientRequestId(ctx);
        integration(ctx);
        CrmState.Request request = receiveAsNewRequest(ctx, clientRequestId, uploads::processUserMappings);
        json(ctx, 201, accepted(request));
    }

    /**
     * Receives the {@code dataFile} of a new request and schedules its processing; a reused
     * clientRequestId is refused before the body is read, and no refused upload leaves its file behind.
     */
    private CrmState.Request receiveAsNewRequest(Context ctx, String clientRequestId,
                                                 BiConsumer<CrmState.Request, Path> process) throws IOException {
        synchronized (state) {
            if (state.requests.containsKey(clientRequestId)) {
                throw conflict(clientRequestId);
            }
        }
        Path data = receive(ctx);
        try {
            CrmState.Request request = newRequest(clientRequestId);
            processLater(request, () -> process.accept(request, data));
            return request;
        } catch (RuntimeException e) {
            Files.deleteIfExists(data);
            throw e;
        }
    }

    /**
     * Saves the multipart {@code dataFile} to the upload folder. A body that is not a well-formed
     * multipart form with that part is the client's mistake (400); one over the size limit, whether
     * its length was declared or it came chunked, is 413. The parts Jetty spilled to disk go at once.
     */
    private Path receive(Context ctx) throws IOException {
        if (ctx.req().getContentLengthLong() > settings.maxUploadBytes + MULTIPART_OVERHEAD) {
            throw ClientMistakes.tooLarge(settings.maxUploadBytes);
        }
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ApiError(400, "Malformed request: the body must be multipart/form-data with a [dataFile] part");
        }
        Collection<Part> parts;
        try {
            // the parts themselves, not Javalin's view of them: it fails on a part without a name
            ctx.req().setAttribute(MultipartUtil.MULTIPART_CONFIG_ATTRIBUTE, new MultipartConfigElement(
                    uploadFolder.toString(), settings.maxUploadBytes, settings.maxUploadBytes + MULTIPART_OVERHEAD,
                    IN_MEMORY_PART_BYTES));
            parts = ctx.req().getParts();
        } catch (Exception e) {
            throw ClientMistakes.multipart(e, settings.maxUploadBytes);
        }
        try {
            Part file = null;
            for (Part part : parts) {
                if (part.getName() == null) {
                    throw new ApiError(400, "Malformed request: a multipart part has no Content-Disposition "
                            + "with a name");
                }
                if (part.getName().equals("dataFile") && file == null) {
                    file = part;
                }
            }
            if (file == null) {
                throw new ApiError(400, "Malformed request: the multipart parameter [dataFile] is missing");
            }
            if (file.getSize() > settings.maxUploadBytes) {
                throw ClientMistakes.tooLarge(settings.maxUploadBytes);
            }
            Path target = Files.createTempFile(uploadFolder, "upload", ".ldjson");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(target);
                throw e;
            }
            return target;
        } finally {
            for (Part part : parts) {
                try {
                    part.delete();
                } catch (IOException | RuntimeException ignored) {
                    // Jetty deletes what is left when the request ends
                }
            }
        }
    }

    private void listObjects(Context ctx) {
        integration(ctx);
        CrmState.Type type = objectType(ctx, SCHEMA_TYPES);
        JsonNode ids = body(ctx);
        if (!ids.isArray()) {
            throw new ApiError(400, "Malformed request: the body must be a JSON array of CRM ids");
        }
        for (JsonNode id : ids) {
            if (!id.isString()) {
                throw new ApiError(400, "Malformed request: CRM ids must be strings, got " + abbreviated(id));
            }
        }
        Map<String, JsonNode> found = new LinkedHashMap<>();
        int count = 0;
        for (JsonNode id : ids) {
            if (count++ == MAX_OBJECT_IDS) {
                break;
            }
            found.put(id.asString(), state.objects.get(type, id.asString()));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("requestId", requestId());
        answer.put("crmObjectsMap", found);
        json(ctx, 200, answer);
    }

    private static String abbreviated(JsonNode value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
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
        // read once: a delete processed between two reads would make a known id unknown
        CrmState.Integration current = state.integration;
        if (current != null) {
            integration(ctx, current);
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
        try (ObjectStore.Batch batch = state.objects.batch()) {
            for (JsonNode stage : stages) {
                batch.put(CrmState.Type.STAGE, stage.path("internalName").asString(), stage.toString());
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
        private Consumer<String> log = line -> { };
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

        /** Where the emulator logs what it refused and why (one line each); nowhere by default. */
        public Builder log(Consumer<String> log) {
            this.log = Objects.requireNonNull(log);
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
