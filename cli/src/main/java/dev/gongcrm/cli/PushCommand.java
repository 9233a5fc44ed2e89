package dev.gongcrm.cli;

import dev.gongcrm.client.ApiGeneration;
import dev.gongcrm.client.Deadline;
import dev.gongcrm.client.GongApiException;
import dev.gongcrm.client.GongCrmClient;
import dev.gongcrm.client.ledger.LedgerLocation;
import dev.gongcrm.client.push.Ledger;
import dev.gongcrm.client.push.PlanStep;
import dev.gongcrm.client.push.Push;
import dev.gongcrm.client.push.PushException;
import dev.gongcrm.client.push.PushRunner;
import dev.gongcrm.client.push.StepAction;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.report.ReportFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "push",
        description = {"Validates the bundle, then uploads it in the order Gong needs: schema files, user mapping "
                + "files (/map/users), STAGE, BUSINESS_USER, ACCOUNT, a settle wait, CONTACT, DEAL, LEAD. Each "
                + "upload is polled until Gong "
                + "processed it; a FAILED one stops the push with Gong's errors at the lines of your file.",
                "Nothing is sent when validation finds problems at the --fail-on level. The ledger records every "
                        + "request: run push again after a crash and it resumes without sending anything twice; "
                        + "content already uploaded is skipped unless --force.",
                ApiOptions.ENVIRONMENT_HELP},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footer = {"", "Exit codes: 0 pushed (or nothing to push), 1 validation findings or a FAILED upload, "
                + "2 usage, I/O or API problem."})
final class PushCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "BUNDLE", arity = "1..*", description = "Bundle folders or files, pushed as one bundle.")
    List<Path> paths;

    @Option(names = "--dry-run", description = "Validate and print the plan with what the ledger says is done; "
            + "send nothing.")
    boolean dryRun;

    @Option(names = "--settle", paramLabel = "DURATION", defaultValue = "60s", converter = Durations.class,
            description = "Wait between accounts and the contacts, deals and leads that refer to them "
                    + "(default ${DEFAULT-VALUE}, as Gong's docs ask; e.g. 2m, 0s).")
    Duration settle;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m", converter = Durations.class,
            description = "The deadline of each step (default ${DEFAULT-VALUE}): sending, every retry and "
                    + "waiting for Gong to process one upload, together; a server that stops answering is "
                    + "given up at it. A later push goes on where this one stopped.")
    Duration timeout;

    @Option(names = "--ledger", paramLabel = "FILE|URL", description = LedgerChoice.OPTION_HELP)
    String ledger;

    @Option(names = "--lock-timeout", paramLabel = "DURATION", defaultValue = "5m", converter = Durations.class,
            description = "How long to wait while another push holds the integration in the ledger (default "
                    + "${DEFAULT-VALUE}); it says who holds it, since when and from which host.")
    Duration lockTimeout;

    @Option(names = "--force", description = "Send files again whose exact content was already uploaded.")
    boolean force;

    @Option(names = "--max-upload-size", paramLabel = "SIZE", defaultValue = "200MB", converter = ByteSizes.class,
            description = "Split files larger than this at line boundaries (default ${DEFAULT-VALUE}, Gong's limit).")
    long maxUploadSize;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "1s", converter = Durations.class,
            hidden = true, description = "The first wait between request-status polls, doubling up to 30s.")
    Duration pollInterval;

    @CommandLine.Mixin
    ApiOptions api;

    @CommandLine.Mixin
    ValidationOptions options;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        options.load(paths);
        Severity failLevel = options.failLevel();
        Map<ReportFormat, Path> reports = options.reports();
        List<BundleFile> files = options.scanner().scan(paths);
        LedgerLocation ledgerLocation = LedgerChoice.location(ledger, options, paths.get(0));
        ValidationOptions.refuseReportsOver(options.inputs(files).protect("the ledger", LedgerChoice.file(ledgerLocation)),
                reports);
        GongCrmClient client = api.hasCredentials() ? api.client() : null;
        try (Ledger opened = openLedger(ledgerLocation, client != null)) {
            Long integrationId = client != null
                    ? Long.valueOf(api.integration(client.api(ApiGeneration.ofProfile(options.settings().profile()))
                            .within(Deadline.after(timeout)), err))
                    : api.namedIntegration() != null ? api.namedIntegration() : onlyIntegration(opened);
            if (client == null && (!dryRun || integrationId == null)) {
                // nothing can be sent: still say what validation finds, then what is missing
                Push.Request request = request(files, failLevel, integrationId == null ? 0 : integrationId);
                var validation = Push.validate(integrationId == null ? null : opened, request);
                if (Push.stops(validation, failLevel)) {
                    return validationFailed(reports, validation, out, err);
                }
                api.client(); // says which credentials are missing
            }
            PushRunner.Settings settings = PushRunner.Settings.defaults().withForce(force).withTimeout(timeout)
                    .withPollInterval(pollInterval).withLockTimeout(lockTimeout);
            Push.Outcome outcome;
            try {
                outcome = Push.run(client, opened, request(files, failLevel, integrationId), settings,
                        new ProgressPrinter(out, ((GongCrm) spec.root().userObject()).terminal));
            } catch (GongApiException e) {
                throw new PushException(e.getMessage() + (dryRun ? ""
                        : "; the ledger records how far it got: run push again to resume, nothing is sent twice"));
            }
            if (outcome.validationFailed()) {
                return validationFailed(reports, outcome.validation(), out, err);
            }
            if (dryRun) {
                options.write(reports, outcome.validation(), out);
                printPlan(out, outcome, integrationId, opened, ledgerLocation);
                return 0;
            }
            if (outcome.upload().failed()) {
                options.write(reports, outcome.uploadFindings(), out);
                err.println("gongcrm: Gong rejected an upload; the push stopped there (the ledger records it)");
                return GongCrm.FINDINGS;
            }
            long sent = outcome.upload().sent();
            out.println(sent == 0 ? "Nothing to send: every file was already uploaded (--force sends again)."
                    : "Pushed " + sent + " upload(s) to integration " + integrationId + "; all DONE.");
            return 0;
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }

    private Push.Request request(List<BundleFile> files, Severity failLevel, long integrationId) {
        return new Push.Request(files, options.validator(), options.settings().profile(), failLevel, integrationId, maxUploadSize,
                settle, dryRun);
    }

    /** A push holds the ledger; a dry run, or a run that cannot send, only reads it (one never written reads empty). */
    private Ledger openLedger(LedgerLocation location, boolean canSend) {
        Map<String, String> environment = ((GongCrm) spec.root().userObject()).environment;
        if (canSend && !dryRun) {
            return Ledger.open(location, environment);
        }
        return Ledger.openForReading(location, environment);
    }

    private static Long onlyIntegration(Ledger ledger) {
        List<Long> known = ledger.integrations();
        return known.size() == 1 ? known.get(0) : null;
    }

    private int validationFailed(Map<ReportFormat, Path> reports, dev.gongcrm.validator.ValidationResult result,
                                 PrintWriter out, PrintWriter err) throws java.io.IOException {
        options.write(reports, result, out);
        err.println("gongcrm: nothing was sent: fix the findings above first");
        return GongCrm.FINDINGS;
    }

    private static void printPlan(PrintWriter out, Push.Outcome outcome, long integrationId, Ledger ledger,
                                  LedgerLocation location) {
        Path ledgerFile = LedgerChoice.file(location);
        out.println("Plan for integration " + integrationId + " (ledger " + location.describe()
                + (ledgerFile == null || Files.exists(ledgerFile) ? ""
                : ", not written yet") + "):");
        for (int i = 0; i < outcome.plan().size(); i++) {
            PlanStep step = outcome.plan().get(i);
            StepAction action = outcome.actions().get(i);
            String what = switch (step.kind()) {
                case SETTLE -> step.label() + (action.kind() == StepAction.Kind.SKIP ? ": " + action.describe() : "");
                case SCHEMA -> step.type() + " schema " + step.label() + " (" + Sizes.human(step.bytes()) + "): "
                        + action.describe();
                case OBJECTS -> step.type() + " " + step.label() + " (" + Sizes.count(step.objects(), "object") + ", "
                        + Sizes.human(step.bytes()) + "): " + action.describe();
                case USER_MAPPING -> "user mapping " + step.label() + " (" + Sizes.count(step.objects(), "user") + ", "
                        + Sizes.human(step.bytes()) + "): " + action.describe();
            };
            out.printf("%3d. %s%n", i + 1, what);
        }
        out.println("Dry run: nothing was sent.");
    }
}
