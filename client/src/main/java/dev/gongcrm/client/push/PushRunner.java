package dev.gongcrm.client.push;

import dev.gongcrm.client.Sha256;
import dev.gongcrm.client.ApiGeneration;
import dev.gongcrm.client.ClientRequestIdConflictException;
import dev.gongcrm.client.Deadline;
import dev.gongcrm.client.GongApiException;
import dev.gongcrm.client.CrmApi;
import dev.gongcrm.client.model.AsyncProcessingResponse;
import dev.gongcrm.client.model.LineError;
import dev.gongcrm.client.model.RequestStatus;
import dev.gongcrm.client.model.RequestStatusResponse;
import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Runs an upload plan step by step, recording each in the ledger before and after it talks to Gong,
 * so that a push killed at any point resumes without sending anything twice: a DONE step is skipped,
 * a request Gong accepted is polled, one that was being sent is sent again under the same
 * clientRequestId (Gong's 409 then says it arrived, once request-status confirms it). Each upload is polled until DONE or FAILED before
 * the next starts, because later types refer to earlier ones; FAILED stops the push with Gong's line
 * errors as findings at the lines of the user's file.
 */
public final class PushRunner {

    /** The rule name of findings that come from Gong's request status, not from validation. */
    public static final String UPLOAD_FAILED = "upload-failed";
    private static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CrmApi client;
    private final Ledger ledger;
    private final long integrationId;
    private final Settings settings;

    /** @param client the operations of the API generation the push's profile names */
    public PushRunner(CrmApi client, Ledger ledger, long integrationId, Settings settings) {
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
        if (!force && step.kind() != PlanStep.Kind.OBJECTS) {
            // a schema or a mapping replaces the type's (or all) earlier ones: unchanged while the newest is this content
            StepRecord latest = ledger.latestDone(integrationId, step.kind(), step.type()).orElse(null);
            if (latest != null && latest.contentHash().equals(step.contentHash())) {
                return new StepAction(StepAction.Kind.SKIP, latest.clientRequestId(), latest);
            }
        }
        String id = ledger.known(integrationId, step.clientRequestId())
                ? step.clientRequestId() + "-" + randomSuffix() : step.clientRequestId();
        return new StepAction(StepAction.Kind.SEND, id, earlier.isEmpty() ? null : earlier.get(0));
    }

    /** What a push would do with each step; the settle wait is skipped when nothing after it is sent. */
    public static List<StepAction> decideAll(Ledger ledger, long integrationId, List<PlanStep> steps, boolean force) {
        List<StepAction> actions = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            PlanStep step = steps.get(i);
            actions.add(step.kind() == PlanStep.Kind.SETTLE && !sendsAfter(ledger, integrationId, steps, i, force)
                    ? new StepAction(StepAction.Kind.SKIP, null, null) : decide(ledger, integrationId, step, force));
        }
        return actions;
    }

    private static boolean sendsAfter(Ledger ledger, long integrationId, List<PlanStep> steps, int index,
                                      boolean force) {
        return steps.subList(index + 1, steps.size()).stream()
                .anyMatch(step -> decide(ledger, integrationId, step, force).kind() != StepAction.Kind.SKIP);
    }

    /** A retry needs an id Gong has never seen, even from a push whose ledger is gone. */
    private static String randomSuffix() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            suffix.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return suffix.toString();
    }

    /**
     * Stops a plan its API generation cannot send, before anything is sent: the current generation has
     * no {@code /map/users}, and a user mapping file must never be dropped silently.
     */
    public static void requireSupported(ApiGeneration generation, List<PlanStep> steps) {
        steps.stream().filter(step -> step.kind() == PlanStep.Kind.USER_MAPPING && !generation.mapsUsers())
                .findFirst().ifPresent(step -> {
                    throw new PushException(step.file() + ": a user mapping file, but the " + generation.profile()
                            + " API has no /v2/crm/map/users; nothing was sent: upload the users as BUSINESS_USER "
                            + "objects (objectId, emailAddress...), or push with the legacy profile");
                });
    }

    /**
     * Runs the steps, after learning the outcome of requests an earlier push left under way. The plan
     * must have been made once Gong said it still holds what the ledger says ({@link #ledgerCheck}): a plan
     * of changed objects against a ledger Gong has forgotten would leave Gong without the others.
     */
    public PushResult run(List<PlanStep> steps, PushListener listener) {
        requireSupported(client.generation(), steps);
        finishEarlierRequests(steps, listener);
        List<StepOutcome> outcomes = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Instant accountsDone = null;
        for (int i = 0; i < steps.size(); i++) {
            PlanStep step = steps.get(i);
            // decided just before the step runs: an earlier step of this push may have sent the same content
            StepAction action = step.kind() == PlanStep.Kind.SETTLE
                    && !sendsAfter(ledger, integrationId, steps, i, settings.force())
                    ? new StepAction(StepAction.Kind.SKIP, null, null)
                    : decide(ledger, integrationId, step, settings.force());
            listener.stepStarted(step, action);
            CrmApi api = stepApi();
            StepOutcome outcome = switch (step.kind()) {
                case SETTLE -> action.kind() == StepAction.Kind.SKIP
                        ? new StepOutcome(step, null, StepOutcome.SKIPPED, null) : settle(step, accountsDone, listener);
                case SCHEMA -> schema(api, step, action, findings);
                case OBJECTS, USER_MAPPING -> sendAndAwait(api, step, action, findings, listener);
            };
            outcomes.add(outcome);
            listener.stepEnded(outcome);
            if (StepRecord.FAILED.equals(outcome.status())) {
                break;
            }
            if (step.kind() == PlanStep.Kind.OBJECTS && step.type() == ObjectType.ACCOUNT) {
                Instant finished = ledger.step(integrationId, outcome.clientRequestId())
                        .map(StepRecord::finishedAt).orElse(null);
                if (finished != null && (accountsDone == null || finished.isAfter(accountsDone))) {
                    accountsDone = finished;
                }
            }
        }
        return new PushResult(outcomes, findings);
    }

    /** The operations for one step: its every call, retry and poll within one deadline, the push's timeout. */
    private CrmApi stepApi() {
        return client.within(Deadline.after(settings.timeout()));
    }

    /**
     * One question before trusting the ledger's "already uploaded": does Gong still know its newest
     * DONE upload (or, when the ledger has only schemas, the fields of its newest schema)? If the
     * integration was deleted and registered again under the same id (or an emulator restarted), it
     * does not, and skipping would leave Gong without the data. What to ask, read from the ledger now: its newest DONE upload, else its newest
     * schema's fields. {@link LedgerCheck#gongForgot} asks Gong and touches no ledger, so it may run on
     * another thread while validation reads the files.
     */
    public LedgerCheck ledgerCheck() {
        StepRecord latest = ledger.latestDoneUpload(integrationId).orElse(null);
        if (latest != null) {
            return new LedgerCheck(latest, null, List.of());
        }
        StepRecord schema = ledger.latestDoneSchema(integrationId).orElse(null);
        if (schema == null) {
            return new LedgerCheck(null, null, List.of());
        }
        ObjectType type = ObjectType.valueOf(schema.objectType());
        return new LedgerCheck(schema, type, ledger.priorUploads(integrationId).lastSchema(type)
                .map(dev.gongcrm.validator.PriorUploads.UploadedSchema::fields).orElse(List.of()));
    }

    /** The ledger forgets what Gong no longer holds, and says so. */
    public void forget(LedgerCheck check, PushListener listener) {
        ledger.forgetUploads(integrationId);
        listener.ledgerForgotten(check.latest());
    }

    /**
     * @param latest the ledger's newest DONE upload, or its newest schema upload when it has no other
     * @param schemaType for a schema, its type; {@code schemaFields} the fields the ledger uploaded
     */
    public final class LedgerCheck {
        private final StepRecord latest;
        private final ObjectType schemaType;
        private final List<String> schemaFields;

        LedgerCheck(StepRecord latest, ObjectType schemaType, List<String> schemaFields) {
            this.latest = latest;
            this.schemaType = schemaType;
            this.schemaFields = schemaFields;
        }

        StepRecord latest() {
            return latest;
        }

        /** Whether Gong has forgotten what the ledger says it holds (the integration was reset). */
        public boolean gongForgot() {
            if (latest == null) {
                return false;
            }
            CrmApi api = stepApi();
            return schemaType == null ? !gongKnows(api, latest.clientRequestId()) : !gongHasTheSchema(api, schemaType,
                    schemaFields);
        }
    }

    /** Whether Gong's schema of the type has every live field of the last one this ledger uploaded. */
    private boolean gongHasTheSchema(CrmApi api, ObjectType type, List<String> uploaded) {
        if (uploaded.isEmpty()) {
            return true;
        }
        Set<String> held = new HashSet<>();
        api.listSchemaFields(integrationId, type).fields().values()
                .forEach(fields -> fields.forEach(field -> held.add(field.uniqueName())));
        return held.containsAll(uploaded);
    }

    /** Whether Gong has a request with this id (it answers 400 or 404 for one it does not know). */
    private boolean gongKnows(CrmApi api, String clientRequestId) {
        try {
            api.requestStatus(clientRequestId, integrationId);
            return true;
        } catch (GongApiException e) {
            if (e.statusCode() != 400 && e.statusCode() != 404) {
                throw e;
            }
            return false;
        }
    }

    /**
     * Requests an earlier push left under way, for content this push does not send again (the file
     * changed since): their outcome is learned before anything new is sent, so none stays unknown and
     * none is processed after newer data without the ledger knowing.
     */
    private void finishEarlierRequests(List<PlanStep> steps, PushListener listener) {
        Set<String> planned = new HashSet<>();
        steps.forEach(step -> planned.add(step.contentHash()));
        for (StepRecord record : ledger.inFlight(integrationId)) {
            if (planned.contains(record.contentHash())) {
                continue;
            }
            ObjectType type = ObjectType.valueOf(record.objectType());
            RequestStatusResponse status;
            try {
                status = await(stepApi(), record.clientRequestId(), null, listener);
            } catch (GongApiException e) {
                if (e.statusCode() != 400 && e.statusCode() != 404) {
                    throw e;
                }
                ledger.finished(integrationId, record.clientRequestId(), RequestEnding.failed(
                        List.of(new LineError(0, "never reached Gong: an earlier push stopped while sending it"))),
                        type, null, null, settings.clock().instant());
                listener.earlierRequest(record, StepRecord.FAILED);
                continue;
            }
            ledger.finished(integrationId, record.clientRequestId(), RequestEnding.of(status), type, null, null,
                    settings.clock().instant());
            listener.earlierRequest(record, status.status().name());
        }
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

    private StepOutcome schema(CrmApi api, PlanStep step, StepAction action, List<Finding> findings) {
        if (action.kind() == StepAction.Kind.SKIP) {
            return new StepOutcome(step, action.clientRequestId(), StepOutcome.SKIPPED, null);
        }
        String id = action.clientRequestId();
        if (action.kind() == StepAction.Kind.SEND) {
            ledger.sending(integrationId, step, id, settings.clock().instant());
        }
        byte[] content = read(step.upload());
        if (!HexFormat.of().formatHex(Sha256.digest().digest(content)).equals(step.bytesSha256())) {
            throw new PushException(step.file() + " changed since it was validated; nothing of it was sent: push again "
                    + "once it is complete, and it is validated again");
        }
        try {
            api.uploadSchemaJson(content, integrationId, step.type());
        } catch (GongApiException e) {
            if (e.statusCode() != 400 && e.statusCode() != 413) {
                throw e;
            }
            List<LineError> errors = e.errors().stream().map(message -> new LineError(0, message)).toList();
            ledger.finished(integrationId, id, RequestEnding.failed(errors), step.type(), null, null,
                    settings.clock().instant());
            errors.forEach(error -> findings.add(finding(step, id, error)));
            return new StepOutcome(step, id, StepRecord.FAILED, null);
        }
        ledger.finished(integrationId, id, RequestEnding.done(), step.type(), null, content,
                settings.clock().instant());
        return new StepOutcome(step, id, StepRecord.DONE, null);
    }

    /** An object or user mapping upload: sent (unless Gong has it already), then polled until DONE or FAILED. */
    private StepOutcome sendAndAwait(CrmApi api, PlanStep step, StepAction action, List<Finding> findings,
                                     PushListener listener) {
        if (action.kind() == StepAction.Kind.SKIP) {
            return new StepOutcome(step, action.clientRequestId(), StepOutcome.SKIPPED, null);
        }
        String id = action.clientRequestId();
        if (action.kind() == StepAction.Kind.POLL && !gongKnows(api, id)) {
            // accepted by a Gong that has forgotten it since (an integration reset): it must be sent again
            action = new StepAction(StepAction.Kind.RESEND, id, action.earlier());
        }
        if (action.kind() != StepAction.Kind.POLL) {
            if (action.kind() == StepAction.Kind.SEND) {
                ledger.sending(integrationId, step, id, settings.clock().instant());
            }
            String requestId;
            try {
                requestId = upload(api, step, id, listener);
            } catch (ClientRequestIdConflictException conflict) {
                if (answerLost(conflict, action) && gongKnows(api, id)) {
                    requestId = null; // Gong has the attempt whose answer was lost: this very content, as the id names it
                } else {
                    id = heldByAnotherRequest(step, id, listener);
                    requestId = upload(api, step, id, listener);
                }
            }
            ledger.accepted(integrationId, id, requestId, settings.clock().instant());
        }
        String sent = id;
        RequestStatusResponse status = await(api, sent, step, listener);
        List<LineError> errors = status.errors();
        boolean done = status.status() == RequestStatus.DONE;
        ledger.finished(integrationId, sent, RequestEnding.of(status), step.type(), step.content(), null,
                settings.clock().instant());
        if (!done) {
            errors.forEach(error -> findings.add(finding(step, sent, error)));
            String stored = status.totalSuccessCount() == null ? ""
                    : "; Gong stored " + status.totalSuccessCount() + " of the " + step.objects() + " objects";
            if (status.totalErrorCount() != null && status.totalErrorCount() > errors.size()) {
                findings.add(fileFinding(step, "Gong lists only the first " + errors.size() + " of its "
                        + status.totalErrorCount() + " errors for request " + sent + stored + "; fix these and push "
                        + "again"));
            } else if (errors.isEmpty()) {
                findings.add(fileFinding(step, "Gong could not process request " + sent + " and gave no reason"
                        + stored));
            } else if (!stored.isEmpty()) {
                findings.add(fileFinding(step, "request " + sent + " FAILED" + stored + "; fix the lines above and "
                        + "push again"));
            }
        }
        return new StepOutcome(step, sent, status.status().name(), status.totalSuccessCount());
    }

    /**
     * Whether Gong's 409 may be for an attempt of this push whose answer was lost: one this call made
     * (retried after a timeout, a 5xx or a dropped connection), or one an earlier run left sending. Only
     * then is it this upload; ids are made from the content, type and integration, so an attempt under
     * this id carried these bytes.
     */
    private static boolean answerLost(ClientRequestIdConflictException conflict, StepAction action) {
        return conflict.afterLostAttempt() || action.kind() == StepAction.Kind.RESEND;
    }

    /**
     * Gong holds a request under this id that this ledger never sent (its ledger is gone, as on a
     * runner that keeps no files, or the integration was deleted and registered again): Gong may not
     * hold this content, so nothing counts as uploaded. That id is recorded as FAILED, with why, and the
     * content is sent at once under a new one (which the ledger records as being sent).
     *
     * @return the new id
     */
    private String heldByAnotherRequest(PlanStep step, String id, PushListener listener) {
        String message = "Gong already holds a request under clientRequestId " + id + " that this ledger did not "
                + "send (a push whose ledger is gone, or an integration deleted and registered again), so it proves "
                + "nothing of this content: sent again under a new clientRequestId";
        ledger.finished(integrationId, id, RequestEnding.failed(List.of(new LineError(0, message))), step.type(), null,
                null, settings.clock().instant());
        String retry = step.clientRequestId() + "-" + randomSuffix();
        listener.sentAgainUnderNewId(step, id, retry);
        ledger.sending(integrationId, step, retry, settings.clock().instant());
        return retry;
    }

    private static Finding fileFinding(PlanStep step, String message) {
        return new Finding(UPLOAD_FAILED, Severity.ERROR, step.file().toString(), 0, 0, null, null, message);
    }

    /** Sends the step's bytes; Gong's requestId, or null when it did not say. */
    private String upload(CrmApi api, PlanStep step, String id, PushListener listener) {
        LongConsumer bytesSent = sent -> listener.bytesSent(step, sent);
        AsyncProcessingResponse response = step.kind() == PlanStep.Kind.USER_MAPPING
                ? api.mapUsers(step.upload(), id, integrationId, bytesSent, step.bytesSha256()).data()
                : api.uploadObjects(step.upload(), step.offset(), step.bytes(), id, integrationId, step.type(),
                bytesSent, step.bytesSha256()).data();
        return response.requestId();
    }

    /**
     * Polls until DONE or FAILED, waiting longer each time, until the step's deadline; {@code step} is
     * null for an earlier push's request.
     */
    private RequestStatusResponse await(CrmApi api, String id, PlanStep step, PushListener listener) {
        Instant start = settings.clock().instant();
        Duration interval = settings.pollInterval();
        while (true) {
            RequestStatusResponse status = api.requestStatus(id, integrationId);
            Duration waited = Duration.between(start, settings.clock().instant());
            if (step != null) {
                listener.polled(step, status.status(), waited);
            }
            if (status.status() != null && status.status().isFinal()) {
                return status;
            }
            Duration left = settings.timeout().minus(waited);
            if (left.isNegative() || left.isZero() || api.deadline().expired()) {
                throw new PushException((step == null ? "an earlier push's request" : step.label())
                        + ": Gong is still processing request " + id + " after " + readable(settings.timeout())
                        + " (status " + status.status() + "); run push again later to go on waiting: the ledger "
                        + "remembers the request, nothing is sent twice");
            }
            sleep(interval.compareTo(left) < 0 ? interval : left);
            interval = interval.multipliedBy(2).compareTo(MAX_POLL_INTERVAL) > 0 ? MAX_POLL_INTERVAL
                    : interval.multipliedBy(2);
        }
    }

    private static String readable(Duration duration) {
        return duration.toSeconds() < 120 ? duration.toSeconds() + " s" : duration.toMinutes() + " min";
    }

    private static Finding finding(PlanStep step, String id, LineError error) {
        int line = step.fileLine(error.line());
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
     * @param lockTimeout how long to wait for another push that holds the integration
     */
    public record Settings(boolean force, Duration timeout, Duration pollInterval, Duration lockTimeout, Clock clock,
                           Sleeper sleeper) {
        /** Long enough for a push of small changes to end; a stuck one is someone's to look at. */
        public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

        public Settings {
            Objects.requireNonNull(timeout);
            Objects.requireNonNull(pollInterval);
            Objects.requireNonNull(lockTimeout);
            Objects.requireNonNull(clock);
            Objects.requireNonNull(sleeper);
        }

        public static Settings defaults() {
            return new Settings(false, Duration.ofMinutes(30), Duration.ofSeconds(1), DEFAULT_LOCK_TIMEOUT,
                    Clock.systemUTC(), Sleeper.REAL);
        }

        public Settings withForce(boolean force) {
            return new Settings(force, timeout, pollInterval, lockTimeout, clock, sleeper);
        }

        public Settings withTimeout(Duration timeout) {
            return new Settings(force, timeout, pollInterval, lockTimeout, clock, sleeper);
        }

        public Settings withPollInterval(Duration pollInterval) {
            return new Settings(force, timeout, pollInterval, lockTimeout, clock, sleeper);
        }

        public Settings withLockTimeout(Duration lockTimeout) {
            return new Settings(force, timeout, pollInterval, lockTimeout, clock, sleeper);
        }

        public Settings withTime(Clock clock, Sleeper sleeper) {
            return new Settings(force, timeout, pollInterval, lockTimeout, clock, sleeper);
        }
    }
}
