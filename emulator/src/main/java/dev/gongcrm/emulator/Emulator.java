package dev.gongcrm.emulator;

import dev.gongcrm.validator.ObjectType;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A local, stateful Gong CRM API: the ten endpoints of the seed and the current generation's
 * ({@code /v2/crm/entities}, {@code /entity-schema}, {@code /integrations}) side by side over one store,
 * each validating uploads with its own profile's rules; one integration, asynchronous processing whose
 * line errors come from validator-core, and faults on demand. Each resource is a class of its own
 * ({@link IntegrationRoutes}, {@link SchemaRoutes}, {@link EntityRoutes}, {@link RequestStatusRoutes},
 * {@link UserMappingRoutes}, {@link StageRoutes}); this one starts the server and does what every
 * request shares (faults, authentication, error answers). Listens on loopback only. Stored objects and
 * the requests taken (status, line errors) live in SQLite files of its temporary work folder, not on
 * the heap, and a refused body is read to its end without being held; a request a client got wrong is
 * answered 400 or 413 in Gong's error shape (and logged, see {@link Builder#log}), never 500; no
 * upload's file stays behind once it is processed or refused.
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
    private static final String DROP = "gongcrm.drop";

    private final Builder settings;
    private final Faults faults = new Faults();
    private final EmulatedGong gong;
    private Javalin server;

    private Emulator(Builder settings) {
        this.settings = settings;
        settings.initialFaults.forEach(initial -> faults.next(initial.getKey(), initial.getValue()));
        this.gong = new EmulatedGong(settings);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening; {@code port(0)} picks a free port. */
    public Emulator start() {
        server = Javalin.create(config -> {
            config.jetty.host = "127.0.0.1";
            config.jetty.port = settings.port;
            config.http.maxRequestSize = Http.MAX_JSON_BYTES;
            config.startup.showJavalinBanner = false;
            config.routes.before(this::faultsAndAuth);
            for (ApiFamily family : ApiFamily.values()) {
                IntegrationRoutes integrations = new IntegrationRoutes(gong, family);
                config.routes.put(family.registerIntegration, integrations::register);
                config.routes.get(family.listIntegrations, integrations::list);
                config.routes.delete(family.deleteIntegration, integrations::delete);
                SchemaRoutes schema = new SchemaRoutes(gong, family);
                config.routes.post(family.uploadSchema, schema::upload);
                config.routes.get(family.listSchema, schema::list);
                EntityRoutes entities = new EntityRoutes(gong, family);
                config.routes.post(family.uploadObjects, entities::upload);
                config.routes.get(family.getObjects, entities::get);
            }
            config.routes.get(ApiFamily.REQUEST_STATUS, new RequestStatusRoutes(gong)::status);
            config.routes.post("/v2/crm/map/users", new UserMappingRoutes(gong)::map);
            config.routes.post("/v2/crm/stages", new StageRoutes(gong)::upload);
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
                Http.json(ctx, 500, Http.errorBody(List.of("Internal Server Error")));
            });
        }).start();
        return this;
    }

    /** An error answer in Gong's shape ({@code requestId}, {@code errors}), logged with what was asked. */
    private void answer(ApiError error, Context ctx) {
        settings.log.accept(ctx.method() + " " + ctx.path() + " " + error.status + " " + String.join("; ", error.errors));
        drain(ctx);
        error.headers.forEach(ctx::header);
        Http.json(ctx, error.status, Http.errorBody(error.errors));
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
            long left = Math.max(declared, 2 * (settings.maxUploadBytes + EmulatedGong.MULTIPART_OVERHEAD));
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
        return gong.state.requests.arrivals();
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
        return gong.uploadFolder;
    }

    /** The object the emulator holds, or null: for tests of types object/list does not serve (users, stages). */
    JsonNode storedObject(ObjectType type, String id) {
        return gong.state.objects.get(type, id);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
        gong.close();
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

    /** How the emulator starts: port, credentials, processing delay. */
    public static final class Builder {
        // read by the resources of the emulated API (EmulatedGong and the routes)
        int port;
        String accessKey = DEFAULT_CREDENTIAL;
        String accessKeySecret = DEFAULT_CREDENTIAL;
        String bearerToken;
        Duration processingDelay = Duration.ofSeconds(1);
        long integrationId = DEFAULT_INTEGRATION_ID;
        long maxUploadBytes = 200L * 1024 * 1024;
        int maxWaitingUploads = 10_000;
        Consumer<String> log = line -> { };
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

        /**
         * How many uploads may wait for processing before the next is answered 429 with Retry-After
         * (default 10,000, a few MB of heap).
         */
        Builder maxWaitingUploads(int maxWaitingUploads) {
            this.maxWaitingUploads = maxWaitingUploads;
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
