package dev.gongcrm.emulator;

import dev.gongcrm.validator.Validator;
import io.javalin.http.Context;
import io.javalin.http.util.MultipartUtil;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * What every resource of the emulated API shares, whichever generation it is called through: the one
 * state (integration, schemas, objects, requests), the asynchronous processing of requests, receiving
 * uploaded files, and a validator per generation (its profile's rules, built when first needed).
 */
final class EmulatedGong implements AutoCloseable {

    static final long MULTIPART_OVERHEAD = 64 * 1024;
    /** A dataFile larger than this goes to the upload folder as it arrives, not to the heap. */
    private static final int IN_MEMORY_PART_BYTES = 1024 * 1024;

    final Emulator.Builder settings;
    final Path workFolder;
    final Path uploadFolder;
    final CrmState state;
    final UploadProcessor uploads;
    private final Map<ApiFamily, Validator> validators = new EnumMap<>(ApiFamily.class);
    /** Requests accepted and not yet processed: each holds a little heap until its turn. */
    private final AtomicInteger waiting = new AtomicInteger();
    private final ScheduledExecutorService processing = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "gongcrm-emulator-processing");
        thread.setDaemon(true);
        return thread;
    });

    EmulatedGong(Emulator.Builder settings) {
        this.settings = settings;
        try {
            this.workFolder = Files.createTempDirectory("gongcrm-emulator");
            this.uploadFolder = Files.createDirectory(workFolder.resolve("uploads"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the emulator's work folder", e);
        }
        this.state = new CrmState(new ObjectStore(workFolder.resolve("objects.db")),
                new RequestStore(workFolder.resolve("requests.db")));
        this.uploads = new UploadProcessor(state);
    }

    /** The validator of a generation's profile, built on first use: a profile's rules load only when called. */
    synchronized Validator validator(ApiFamily family) {
        return validators.computeIfAbsent(family, f -> UploadProcessor.gongValidation(f.profile).build());
    }

    CrmState.Integration integration(Context ctx) {
        return integration(ctx, state.integration);
    }

    /** Checks the request's integrationId against {@code current}, the integration read once by the caller. */
    static CrmState.Integration integration(Context ctx, CrmState.Integration current) {
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

    /** A new PENDING request of the integration; 409 when its clientRequestId is taken. */
    CrmState.Request newRequest(String clientRequestId, CrmState.Integration integration) {
        CrmState.Request request = new CrmState.Request(clientRequestId, Http.requestId(), integration.integrationId());
        if (!state.requests.add(request)) {
            throw conflict(clientRequestId);
        }
        return request;
    }

    private static ApiError conflict(String clientRequestId) {
        return new ApiError(409, "clientRequestId [" + clientRequestId + "] already exists");
    }

    void processLater(CrmState.Request request, Runnable work) {
        long delay = settings.processingDelay.toMillis();
        waiting.incrementAndGet();
        processing.schedule(() -> state.requests.start(request.clientRequestId()), delay / 2, TimeUnit.MILLISECONDS);
        processing.schedule(() -> {
            try {
                work.run();
            } catch (RuntimeException | Error e) {
                // even OutOfMemoryError: the request ends FAILED and the processing thread goes on
                settings.log.accept("request " + request.clientRequestId() + " FAILED: " + ClientMistakes.describe(e));
                String why = e instanceof OutOfMemoryError ? "out of memory while processing the file"
                        : String.valueOf(e.getMessage());
                state.requests.finish(request.clientRequestId(), "FAILED",
                        List.of(Map.of("line", 0, "description", "General error: " + why)), null, null);
            } finally {
                waiting.decrementAndGet();
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    static Map<String, Object> accepted(CrmState.Request request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientRequestId", request.clientRequestId());
        body.put("requestId", request.requestId());
        return body;
    }

    /**
     * Receives the {@code dataFile} of a new request and schedules its processing; a reused
     * clientRequestId is refused before the body is read, and no refused upload leaves its file behind.
     * While {@link Emulator.Builder#maxWaitingUploads} uploads wait for processing, another is told to
     * come back later (429, as Gong answers a client that sends faster than it is allowed): the queue,
     * and the heap it takes, stay bounded however fast clients send.
     */
    CrmState.Request receiveAsNewRequest(Context ctx, String clientRequestId, CrmState.Integration integration,
                                         BiConsumer<CrmState.Request, Path> process) throws IOException {
        if (state.requests.contains(clientRequestId)) {
            throw conflict(clientRequestId);
        }
        if (waiting.get() >= settings.maxWaitingUploads) {
            throw new ApiError(429, Map.of("Retry-After", "1"), "API request limit exceeded");
        }
        Path data = receive(ctx);
        try {
            CrmState.Request request = newRequest(clientRequestId, integration);
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

    @Override
    public void close() {
        processing.shutdownNow();
        try {
            processing.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state.objects.close();
        state.requests.close();
        try (var files = Files.walk(workFolder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
