package dev.gongcrm.client.push;

import dev.gongcrm.client.ApiGeneration;
import dev.gongcrm.client.CrmApi;
import dev.gongcrm.client.GongCrmClient;
import dev.gongcrm.client.model.GenericCrmIntegration;
import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.PriorUploads;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.FileKind;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A whole push as the command line and the Maven goal run it: validate the bundle with what the
 * ledger knows of earlier pushes, stop before the first byte when findings reach the fail level,
 * plan the ordered steps, then run them (or, for a dry run, say what each would do).
 */
public final class Push {

    private Push() {
    }

    /**
     * @param profile the API profile: its rules validate the bundle ({@code validation}'s own profile is
     *     replaced by it) and its generation's operations upload it ({@link ApiGeneration#ofProfile})
     * @param failLevel findings at or above it stop the push before anything is sent (null: never)
     * @param maxPartBytes the largest upload; larger files are split (Gong's limit: {@link Planner#MAX_UPLOAD_BYTES})
     * @param settle the wait between accounts and the types that refer to them
     * @param deleteMissing the types whose objects Gong holds and the bundle no longer has are sent with
     *     isDeleted (see {@link Sync})
     * @param results where to write each object's action and outcome (CSV, or JSON lines for a name
     *     ending in .jsonl, .ldjson or .ndjson), or null
     */
    public record Request(List<BundleFile> files, Validator.Builder validation, String profile, Severity failLevel,
                          long integrationId, long maxPartBytes, Duration settle, boolean dryRun,
                          Set<ObjectType> deleteMissing, Path results) {

        public Request {
            ApiGeneration.ofProfile(profile);
            deleteMissing = Set.copyOf(deleteMissing);
        }

        public Request(List<BundleFile> files, Validator.Builder validation, String profile, Severity failLevel,
                       long integrationId, long maxPartBytes, Duration settle, boolean dryRun) {
            this(files, validation, profile, failLevel, integrationId, maxPartBytes, settle, dryRun, Set.of(), null);
        }

        public ApiGeneration generation() {
            return ApiGeneration.ofProfile(profile);
        }
    }

    /**
     * @param plan the steps, or empty when validation stopped the push
     * @param counts per type of the bundle's entity files, what the push does with its objects
     * @param actions what each step does (dry run) or did, from the ledger
     * @param upload what the upload did, or null when nothing was run (validation failed, or a dry run)
     */
    public record Outcome(ValidationResult validation, boolean validationFailed, List<PlanStep> plan,
                          Map<ObjectType, TypeCounts> counts, List<StepAction> actions, PushResult upload) {

        /** Gong's errors of a FAILED step as a result the report writers print like validation findings. */
        public ValidationResult uploadFindings() {
            List<Finding> findings = upload == null ? List.of() : upload.findings();
            Map<Severity, Long> counts = new EnumMap<>(Severity.class);
            findings.forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
            List<StepOutcome> failed = upload == null ? List.of() : upload.steps().stream()
                    .filter(step -> StepRecord.FAILED.equals(step.status())).toList();
            return new ValidationResult(findings, counts,
                    failed.stream().map(step -> step.step().file().toString()).distinct().toList(),
                    failed.stream().mapToLong(step -> step.step().objects()).sum());
        }
    }

    /** Validates the bundle as a push would: with what the ledger knows of earlier pushes, when there is one. */
    public static ValidationResult validate(Ledger ledger, Request request) throws IOException {
        return validate(ledger == null ? PriorUploads.NONE : ledger.priorUploads(request.integrationId()), request,
                request.files());
    }

    private static ValidationResult validate(PriorUploads priorUploads, Request request, List<BundleFile> files)
            throws IOException {
        return request.validation().profile(request.profile()).priorUploads(priorUploads).build().validateFiles(files);
    }

    /** Whether validation stops the push before anything is sent. */
    public static boolean stops(ValidationResult validation, Severity failLevel) {
        return failLevel != null && validation.hasAtLeast(failLevel);
    }

    /**
     * Runs the push; unless it is a dry run, it first holds the integration in the ledger, so that a
     * push waiting for another one validates against what that one recorded and sends nothing twice.
     */
    public static Outcome run(GongCrmClient client, Ledger ledger, Request request, PushRunner.Settings settings,
                              PushListener listener) throws IOException {
        if (request.dryRun()) {
            return runHeld(client, ledger, request, settings, listener);
        }
        try (IntegrationHold hold = ledger.hold(request.integrationId(), settings.lockTimeout(), settings.clock(),
                settings.sleeper(), listener::waitingForIntegration)) {
            Outcome outcome = runHeld(client, ledger, request, settings, listener);
            hold.outcome(outcome.validationFailed() ? "NOT_SENT" : outcome.upload().failed() ? "FAILED" : "DONE");
            return outcome;
        }
    }

    private static Outcome runHeld(GongCrmClient client, Ledger ledger, Request request, PushRunner.Settings settings,
                                   PushListener listener) throws IOException {
        PushRunner runner = request.dryRun() ? null
                : new PushRunner(client.api(request.generation()), ledger, request.integrationId(), settings);
        // what the ledger knows counts only while Gong holds it: Gong is asked while validation reads the files
        PushRunner.LedgerCheck check = runner == null ? null : runner.ledgerCheck();
        CompletableFuture<Boolean> gongForgot = check == null ? CompletableFuture.completedFuture(false)
                : CompletableFuture.supplyAsync(check::gongForgot);
        Outcome outcome = attempt(runner, ledger, request, settings, listener, gongForgot);
        if (outcome == null) {
            runner.forget(check, listener);
            outcome = attempt(runner, ledger, request, settings, listener, CompletableFuture.completedFuture(false));
        }
        return outcome;
    }

    /**
     * Validates and plans the bundle against the ledger, then, once Gong's answer is in, runs the plan;
     * null when Gong no longer holds what the ledger says it sent: the ledger must forget it, and the
     * bundle be planned again as a first push.
     */
    private static Outcome attempt(PushRunner runner, Ledger ledger, Request request, PushRunner.Settings settings,
                                   PushListener listener, CompletableFuture<Boolean> gongForgot) throws IOException {
        Planner planner = new Planner(request.integrationId(), request.maxPartBytes(), request.settle());
        try (ObjectResults results = request.results() == null ? null : new ObjectResults(request.results());
             ObjectIndexes indexes = ledger.objectIndexes(request.integrationId(), entityTypes(request.files()))) {
            // the scans decide each object as validation reads it: what is copied to be sent is what was validated
            Planner.Scans scans = planner.scans(new Sync(ledger, settings.force(), request.deleteMissing(),
                    request.profile(), settings.clock().instant(), results), indexes);
            try (Plan plan = scans.plan) {
                ValidatedBytes validated = new ValidatedBytes();
                ValidationResult validation = validate(ledger.priorUploads(request.integrationId()),
                        request, validated.watch(request.files(), scans::tap));
                if (answer(gongForgot)) {
                    return null;
                }
                if (stops(validation, request.failLevel())) {
                    return new Outcome(validation, true, List.of(), Map.of(), List.of(), null);
                }
                planner.plan(request.files(), validated.sha256(), scans);
                return run(runner, ledger, request, settings, listener, results, plan, validation);
            }
        }
    }

    /** The types of the entity files, in the order validation reads them. */
    private static List<ObjectType> entityTypes(List<BundleFile> files) {
        return ObjectType.UPLOAD_ORDER.stream().filter(type -> files.stream()
                .anyMatch(file -> file.kind() == FileKind.ENTITIES && file.type() == type)).toList();
    }

    /** Gong's answer, or the failure of asking it, as if it had been asked on this thread. */
    private static boolean answer(CompletableFuture<Boolean> gongForgot) {
        try {
            return gongForgot.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Sends the plan (unless a dry run), then writes the results file, also when the push stopped half-way. */
    private static Outcome run(PushRunner runner, Ledger ledger, Request request, PushRunner.Settings settings,
                               PushListener listener, ObjectResults results, Plan plan, ValidationResult validation)
            throws IOException {
        PushRunner.requireSupported(request.generation(), plan.steps());
        List<StepAction> actions = PushRunner.decideAll(ledger, request.integrationId(), plan.steps(),
                settings.force());
        PushResult upload = null;
        try {
            if (runner != null) {
                listener.planned(plan.steps());
                upload = runner.run(plan.steps(), listener);
            }
        } catch (RuntimeException stopped) {
            // what was sent before the push stopped is known: the results say so
            if (results != null) {
                try {
                    results.write(ledger, request.integrationId(), plan, false);
                } catch (RuntimeException | IOException notWritten) {
                    stopped.addSuppressed(notWritten);
                }
            }
            throw stopped;
        }
        if (results != null) {
            results.write(ledger, request.integrationId(), plan, runner == null);
        }
        return new Outcome(validation, false, plan.steps(), plan.counts(), actions, upload);
    }

    /**
     * The integration to push to: the one named (which must exist: a push to an id Gong does not know
     * would fail on its first step), else the only one the company has (said through {@code note});
     * none or several is an error that says what to do. {@code client}: the generation the push uses.
     */
    public static long integration(CrmApi client, Long named, Consumer<String> note) {
        List<GenericCrmIntegration> integrations = client.listIntegrations().integrations();
        if (named != null) {
            if (integrations.stream().noneMatch(i -> i.integrationId() == named)) {
                throw new IllegalArgumentException("integration " + named + " is not registered in Gong"
                        + (integrations.isEmpty() ? " (none is; register one with 'gongcrm integration register "
                        + "--name NAME --owner-email EMAIL')" : " (registered: " + String.join(", ",
                        integrations.stream().map(i -> i.integrationId() + " '" + i.name() + "'").toList()) + ")"));
            }
            return named;
        }
        if (integrations.size() == 1) {
            GenericCrmIntegration only = integrations.get(0);
            note.accept("using integration " + only.integrationId() + " ('" + only.name() + "'), the only one");
            return only.integrationId();
        }
        if (integrations.isEmpty()) {
            throw new IllegalArgumentException("no Generic CRM integration is registered; register one with "
                    + "'gongcrm integration register --name NAME --owner-email EMAIL'");
        }
        throw new IllegalArgumentException("there are " + integrations.size() + " integrations ("
                + String.join(", ", integrations.stream().map(i -> i.integrationId() + " '" + i.name() + "'").toList())
                + "); pick one with --integration or GONG_INTEGRATION_ID");
    }
}
