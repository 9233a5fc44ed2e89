package dev.gongcrm.client.push;

import dev.gongcrm.client.GongApiException;
import dev.gongcrm.client.GongCrmClient;
import dev.gongcrm.client.model.AsyncProcessingResponse;
import dev.gongcrm.client.model.LineError;
import dev.gongcrm.client.model.ObjectType;
import dev.gongcrm.client.model.RequestStatus;
import dev.gongcrm.client.model.RequestStatusResponse;
import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs an upload plan step by step, recording each in the ledger before and after it talks to Gong,
 * so that a push killed at any point resumes without sending anything twice: a DONE step is skipped,
 * a request Gong accepted is polled, one that was being sent is sent again under the same
 * clientRequestId (Gong's 409 then says it arrived). Each upload is polled until DONE or FAILED before
 * the next starts, because later types refer to earlier ones; FAILED stops the push with Gong's line
 * errors as findings at the lines of the user's file.
 */
public final class PushRunner {

    /** The rule name of findings that come from Gong's request status, not from validation. */
    public static final String UPLOAD_FAILED = "upload-failed";
    private static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(30);

    private final GongCrmClient client;
    private final Ledger ledger;
    private final long integrationId;
    private final Settings settings;

    public PushRunner(GongCrmClient client, Ledger ledger, long integrationId, Settings settings) {
        this.client = client;
        this.ledger = ledger;
        this.integrationId = integrationId;
        this.settings = settings;
    }

    /** What a push would do with a step, from the ledger alone (for {@code --dry-run} and for the run itself). */
    public static StepAction decide(Ledger ledger, long integrationId, PlanStep step, boolean force) {
        if (step.kind() == PlanStep.Kind.SETTLE) {
            return new StepAction(StepAction.Kind.WAIT, null, null);
        }
        List<StepRecord> earlier = ledger.stepsWithContent(integrationId, step.contentHash());
        for (StepRecord record : earlier) {
            if (record.inFlight()) {
                return new StepAction(StepRecord.ACCEPTED.equals(record.status()) ? StepAction.Kind.POLL
                        : StepAction.Kind.RESEND, record.clientRequestId(), record);
            }
        }
        StepRecord done = earlier.stream().filter(r -> StepRecord.DONE.equals(r.status())).findFirst().orElse(null);
        if (done != null && !force) {
            return new StepAction(StepAction.Kind.SKIP, done.clientRequestId(), done);
        }
        return new StepAction(StepAction.Kind.SEND, step.clientRequestId(earlier.size() + 1),
                earlier.isEmpty() ? null : earlier.get(0));
    }

    /** What a push does with each step; the settle wait is skipped when nothing after it is sent. */
    public static List<StepAction> decideAll(Ledger ledger, long integrationId, List<PlanStep> steps, boolean force) {
        List<StepAction> actions = new ArrayList<>();
        for (PlanStep step : steps) {
            actions.add(decide(ledger, integrationId, step, force));
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).kind() == PlanStep.Kind.SETTLE
                    && actions.subList(i + 1, actions.size()).stream().allMatch(a -> a.kind() == StepAction.Kind.SKIP)) {
                actions.set(i, new StepAction(StepAction.Kind.SKIP, null, null));
            }
        }
        return actions;
    }

    public PushResult run(List<PlanStep> steps, PushListener listener) {
        List<StepOutcome> outcomes = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<StepAction> actions = decideAll(ledger, integrationId, steps, settings.force());
        Instant accountsDone = null;
        for (int i = 0; i < steps.size(); i++) {
            PlanStep step = steps.get(i);
            StepAction action = actions.get(i);
            listener.stepStarted(step, action);
            StepOutcome outcome;
            switch (step.kind()) {
                case SETTLE -> outcome = action.kind() == StepAction.Kind.SKIP
                        ? new StepOutcome(step, null, StepOutcome.SKIPPED, null) : settle(step, accountsDone, listener);
                case SCHEMA -> outcome = schema(step, action, findings);
                default -> outcome = objects(step, action, findings, listener);
            }
            outcomes.add(outcome);
            listener.stepEnded(outcome);
            if (StepRecord.FAILED.equals(outcome.status())) {
                break;
            }
            if (step.type() == dev.gongcrm.validator.ObjectType.ACCOUNT) {
                Instant finished = ledger.step(integrationId, outcome.clientRequestId())
                        .map(StepRecord::finishedAt).orElse(null);
                if (finished != null && (accountsDone == null || finished.isAfter(accountsDone))) {
                    accountsDone = finished;
                }
            }
        }
        return new PushResult(outcomes, findings);
    }

    /** "Upload Accounts. Wait 60 seconds." — counted from when the accounts were processed, which may be long past. */
    private StepOutcome settle(PlanStep step, Instant accountsDone, PushListener listener) {
        if (accountsDone != null) {
            Duration wait = step.settle().minus(Duration.between(accountsDone, settings.clock().instant()));
            if (!wait.isNegative() && !wait.isZero()) {
                listener.settling(wait);
                sleep(wait);
            }
        }
        return new StepOutcome(step, null, StepOutcome.WAITED, null);
    }

    private StepOutcome schema(PlanStep step, StepAction action, List<Finding> findings) {
        if (action.kind() == StepAction.Kind.SKIP) {
            return new StepOutcome(step, action.clientRequestId(), StepOutcome.SKIPPED, null);
        }
        String id = action.clientRequestId();
        if (action.kind() == StepAction.Kind.SEND) {
            ledger.sending(integrationId, step, id, settings.clock().instant());
        }
        byte[] content = read(step.file());
        try {
            client.uploadSchemaFile(step.file(), integrationId, ObjectType.valueOf(step.type().name()));
        } catch (GongApiException e) {
            if (e.statusCode() != 400 && e.statusCode() != 413) {
                throw e;
            }
            List<LineError> errors = e.errors().stream().map(message -> new LineError(0, message)).toList();
            ledger.finished(integrationId, id, StepRecord.FAILED, errors, step.type(), null, settings.clock().instant());
            errors.forEach(error -> findings.add(finding(step, id, error)));
            return new StepOutcome(step, id, StepRecord.FAILED, null);
        }
        Instant now = settings.clock().instant();
        ledger.finished(integrationId, id, StepRecord.DONE, List.of(), step.type(), null, now);
        ledger.schemaUploaded(integrationId, step.type(), content, now);
        return new StepOutcome(step, id, StepRecord.DONE, null);
    }

    private StepOutcome objects(PlanStep step, StepAction action, List<Finding> findings, PushListener listener) {
        if (action.kind() == StepAction.Kind.SKIP) {
            return new StepOutcome(step, action.clientRequestId(), StepOutcome.SKIPPED, null);
        }
        String id = action.clientRequestId();
        Path part = null;
        try {
            part = partFile(step);
            Path content = part == null ? step.file() : part;
            if (action.kind() != StepAction.Kind.POLL) {
                if (action.kind() == StepAction.Kind.SEND) {
                    ledger.sending(integrationId, step, id, settings.clock().instant());
                }
                String requestId = upload(step, content, id, listener);
                ledger.accepted(integrationId, id, requestId, settings.clock().instant());
            }
            RequestStatusResponse status = await(step, id, listener);
            List<LineError> errors = status.errors();
            ledger.finished(integrationId, id, status.status().name(), errors, step.type(), content,
                    settings.clock().instant());
            if (status.status() == RequestStatus.FAILED) {
                errors.forEach(error -> findings.add(finding(step, id, error)));
                if (status.totalErrorCount() != null && status.totalErrorCount() > errors.size()) {
                    findings.add(new Finding(UPLOAD_FAILED, Severity.ERROR, step.file().toString(), 0, 0, null, null,
                            "Gong lists only the first " + errors.size() + " of its " + status.totalErrorCount()
                                    + " errors for request " + id + "; fix these and push again"));
                }
                if (errors.isEmpty()) {
                    findings.add(new Finding(UPLOAD_FAILED, Severity.ERROR, step.file().toString(), 0, 0, null, null,
                            "Gong could not process request " + id + " and gave no reason"));
                }
            }
            return new StepOutcome(step, id, status.status().name(), status.totalSuccessCount());
        } finally {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // a temp file left behind holds no secret and is rewritten next time
                }
            }
        }
    }

    /** Sends the upload; Gong's 409 for this clientRequestId means an earlier attempt arrived, so it counts as accepted. */
    private String upload(PlanStep step, Path content, String id, PushListener listener) {
        try {
            AsyncProcessingResponse response = client.uploadObjects(content, id, integrationId,
                    ObjectType.valueOf(step.type().name()), sent -> listener.bytesSent(step, sent)).data();
            return response.requestId();
        } catch (GongApiException e) {
            if (e.statusCode() == 409) {
                return null;
            }
            throw e;
        }
    }

    private RequestStatusResponse await(PlanStep step, String id, PushListener listener) {
        Instant start = settings.clock().instant();
        Duration interval = settings.pollInterval();
        while (true) {
            RequestStatusResponse status = client.requestStatus(id, integrationId);
            Duration waited = Duration.between(start, settings.clock().instant());
            listener.polled(step, status.status(), waited);
            if (status.status() != null && status.status().isFinal()) {
                return status;
            }
            if (waited.compareTo(settings.timeout()) >= 0) {
                throw new PushException(step.label() + ": Gong is still processing request " + id + " after "
                        + settings.timeout().toMinutes() + " min (status " + status.status() + "); run push again "
                        + "later to go on waiting: the ledger remembers the request, nothing is sent twice");
            }
            sleep(interval);
            interval = interval.multipliedBy(2).compareTo(MAX_POLL_INTERVAL) > 0 ? MAX_POLL_INTERVAL
                    : interval.multipliedBy(2);
        }
    }

    /** A part of a split file, copied to its own temp file for the upload; null when the step is the whole file. */
    private Path partFile(PlanStep step) {
        if (step.parts() <= 1) {
            return null;
        }
        try {
            Path part = Files.createTempFile(settings.workFolder(), "gongcrm-part", ".ldjson");
            try (InputStream in = Files.newInputStream(step.file()); OutputStream out = Files.newOutputStream(part)) {
                in.skipNBytes(step.offset());
                long copied = copy(in, out, step.bytes());
                if (copied != step.bytes()) {
                    throw new PushException(step.file() + " changed since it was validated; run push again");
                }
            }
            return part;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write part " + step.part() + " of " + step.file() + ": "
                    + e.getMessage(), e);
        }
    }

    private static long copy(InputStream in, OutputStream out, long count) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long copied = 0;
        while (copied < count) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, count - copied));
            if (read < 0) {
                break;
            }
            out.write(buffer, 0, read);
            copied += read;
        }
        return copied;
    }

    private static Finding finding(PlanStep step, String id, LineError error) {
        int line = error.line() <= 0 ? 0 : step.firstLine() + error.line() - 1;
        return new Finding(UPLOAD_FAILED, Severity.ERROR, step.file().toString(), line, 0, null, null,
                "Gong rejected " + (line == 0 ? "the upload" : "this line") + " (request " + id + "): "
                        + error.description());
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void sleep(Duration duration) {
        try {
            settings.sleeper().sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PushException("interrupted; run push again to resume where it stopped");
        }
    }

    /**
     * How a push runs.
     *
     * @param force send content the ledger says is DONE again, under a new clientRequestId
     * @param timeout how long to poll one request before giving up (the push resumes later)
     * @param pollInterval the first wait between polls, doubling up to 30 s
     * @param workFolder where parts of split files are written while they are sent
     */
    public record Settings(boolean force, Duration timeout, Duration pollInterval, Clock clock, Sleeper sleeper,
                           Path workFolder) {
        public Settings {
            Objects.requireNonNull(timeout);
            Objects.requireNonNull(pollInterval);
            Objects.requireNonNull(clock);
            Objects.requireNonNull(sleeper);
            Objects.requireNonNull(workFolder);
        }

        public static Settings defaults() {
            return new Settings(false, Duration.ofMinutes(30), Duration.ofSeconds(1), Clock.systemUTC(), Sleeper.REAL,
                    Path.of(System.getProperty("java.io.tmpdir")));
        }

        public Settings withForce(boolean force) {
            return new Settings(force, timeout, pollInterval, clock, sleeper, workFolder);
        }

        public Settings withTimeout(Duration timeout) {
            return new Settings(force, timeout, pollInterval, clock, sleeper, workFolder);
        }

        public Settings withPollInterval(Duration pollInterval) {
            return new Settings(force, timeout, pollInterval, clock, sleeper, workFolder);
        }

        public Settings withTime(Clock clock, Sleeper sleeper) {
            return new Settings(force, timeout, pollInterval, clock, sleeper, workFolder);
        }
    }
}
