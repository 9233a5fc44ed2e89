package dev.gongcrm.cli;

import dev.gongcrm.client.push.PushWording;
import dev.gongcrm.client.ApiGeneration;
import dev.gongcrm.client.Deadline;
import dev.gongcrm.client.GongApiException;
import dev.gongcrm.client.GongCrmClient;
import dev.gongcrm.client.ledger.LedgerLocation;
import dev.gongcrm.client.push.Ledger;
import dev.gongcrm.client.push.Push;
import dev.gongcrm.client.push.PushException;
import dev.gongcrm.client.push.PushRunner;
import dev.gongcrm.client.push.PushSummary;
import dev.gongcrm.client.push.TypeCounts;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.report.OutputGuard;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.report.ReportFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "push",
        description = {"Validates the bundle, then syncs it to Gong in the order Gong needs: schema files, user "
                + "mapping files (/map/users), STAGE, BUSINESS_USER, ACCOUNT, a settle wait, CONTACT, DEAL, LEAD. Each "
                + "upload is polled until Gong processed it; a FAILED one stops the push with Gong's errors at the "
                + "lines of your file.",
                "A sync, not a re-upload: the ledger remembers each object's value as sent and how Gong took it, so "
                        + "only new and changed objects are sent, with those Gong failed or may not have taken "
                        + "(until it stores them); unchanged ones are counted. A schema or user mapping file is "
                        + "sent whole when it changed, a STAGE file whole when any stage changed. --full sends "
                        + "everything.",
                "Nothing is sent when validation finds problems at the --fail-on level. Run push again after a "
                        + "crash and it resumes without sending anything twice.",
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

    @Option(names = "--dry-run", description = "Validate, then print per type the objects, new, changed, unchanged, "
            + "to retry, missing and to delete, the bytes and uploads it takes, and the plan; send nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print one JSON document on standard output instead of the summary: "
            + "the counts per type and, for a push, each upload's clientRequestId, status and timings (progress "
            + "and findings go to standard error).")
    boolean json;

    @Option(names = "--results", paramLabel = "FILE", description = "Write one row per object: type, objectId, "
            + "file, line, action (sent, unchanged, retried, deleted), outcome (STORED, FAILED, UNCERTAIN, "
            + "NOT_SENT) and Gong's error. CSV, or JSON lines for a name ending in .jsonl, .ldjson or .ndjson.")
    Path results;

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

    @Option(names = {"--full", "--force"}, description = "Send every object, changed or not (each file whole), "
            + "under new clientRequestIds.")
    boolean full;

    @Option(names = "--delete-missing", paramLabel = "TYPE", split = ",", converter = ObjectTypes.class,
            description = "For these types (e.g. DEAL,CONTACT), the objects Gong holds that the bundle's files of "
                    + "the type no longer have are sent with isDeleted: true. Only for files that are full exports "
                    + "of their type. Off by default: missing objects are only counted.")
    Set<ObjectType> deleteMissing = Set.of();

    @Option(names = "--max-upload-size", paramLabel = "SIZE", defaultValue = "200MB", converter = ByteSizes.class,
            description = "Split files larger than this at line boundaries (default ${DEFAULT-VALUE}, Gong's limit).")
    long maxUploadSize;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "1s", converter = Durations.class,
            hidden = true, description = "The first wait between request-status polls, doubling up to 30s.")
    Duration pollInterval;

    @Option(names = "--verify", description = "After a push that ended DONE, read a sample of each type back from "
            + "Gong and compare it with the bundle, as 'gongcrm verify' does: differences are findings (exit 1).")
    boolean verify;

    int sample;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "100", description = "With --verify: "
            + VerifyCommand.SAMPLE_HELP)
    void sample(int sample) {
        this.sample = VerifyCommand.checkSample(spec, sample);
    }

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
        options.sayRetypedFiles(err);
        LedgerLocation ledgerLocation = LedgerChoice.location(ledger, options, paths.get(0));
        OutputGuard inputs = options.inputs(files).protect("the ledger", LedgerChoice.file(ledgerLocation));
        ValidationOptions.refuseReportsOver(inputs, reports);
        if (results != null) {
            inputs.check("--results", results, "write the results elsewhere");
        }
        PrintWriter report = json ? err : out;
        // the ledger first: one that cannot open ends the push before any call to Gong
        boolean canSend = api.hasCredentials();
        Long named = api.namedIntegration(); // a malformed GONG_INTEGRATION_ID is refused before a client is made
        try (Ledger opened = openLedger(ledgerLocation, canSend);
             GongCrmClient client = canSend ? api.client() : null) {
            Long integrationId = client != null ? Long.valueOf(api.integration(client.api(ApiGeneration.ofProfile(
                    options.settings().profile())).within(Deadline.after(timeout)), err))
                    : opened.integrationOrOnly(named).orElse(null);
            if (client == null && (!dryRun || integrationId == null)) {
                // nothing can be sent: still say what validation finds, then what is missing
                Push.Request request = request(files, failLevel, integrationId == null ? 0 : integrationId);
                var validation = Push.validate(integrationId == null ? null : opened, request);
                if (Push.stops(validation, failLevel)) {
                    return validationFailed(reports, validation, report, err);
                }
                api.client(); // says which credentials are missing
            }
            PushRunner.Settings settings = PushRunner.Settings.defaults().withForce(full).withTimeout(timeout)
                    .withPollInterval(pollInterval).withLockTimeout(lockTimeout);
            Push.Outcome outcome;
            try {
                outcome = Push.run(client, opened, request(files, failLevel, integrationId), settings,
                        new ProgressPrinter(report, !json && ((GongCrm) spec.root().userObject()).terminal));
            } catch (GongApiException e) {
                throw new PushException(e.getMessage() + (dryRun ? ""
                        : "; the ledger records how far it got: run push again to resume, nothing is sent twice"));
            }
            if (outcome.validationFailed()) {
                int exit = validationFailed(reports, outcome.validation(), report, err);
                printJson(out, outcome, opened, integrationId);
                return exit;
            }
            // what people read goes to standard error when a report for machines (json, sarif...) is on standard
            // output, so that the report stays one document
            PrintWriter people = machineReportOnStandardOutput(reports) ? err : out;
            if (!verify) { // with --verify, the report is the read-back's, written after it
                options.write(reports, outcome.validation(), report);
            }
            if (dryRun) {
                if (json) {
                    printJson(out, outcome, opened, integrationId);
                } else {
                    printCounts(people, outcome);
                    PushWording.COMMAND_LINE.plan(outcome, integrationId, ledgerLocation).forEach(people::println);
                }
                return 0;
            }
            if (json) {
                printJson(out, outcome, opened, integrationId);
            } else {
                printCounts(people, outcome);
            }
            if (outcome.upload().failed()) {
                options.write(reports, outcome.uploadFindings(), report);
                err.println("gongcrm: Gong rejected an upload; the push stopped there (the ledger records it)");
                return GongCrm.FINDINGS;
            }
            long sent = outcome.upload().sent();
            if (!json) {
                people.println(sent == 0 ? "Nothing to send: every object is in Gong as it is here (--full sends "
                        + "everything again)." : "Pushed " + sent + " upload(s) to integration " + integrationId
                        + "; all DONE.");
            }
            if (verify) {
                return VerifyCommand.readBack(client, ApiGeneration.ofProfile(options.settings().profile()),
                        Deadline.after(timeout), opened, integrationId, sample, files, options, reports, report, err);
            }
            return 0;
        }
    }

    private static boolean machineReportOnStandardOutput(Map<ReportFormat, Path> reports) {
        return reports.entrySet().stream().anyMatch(report -> report.getValue() == null
                && report.getKey() != ReportFormat.TEXT);
    }

    private void printJson(PrintWriter out, Push.Outcome outcome, Ledger ledger, Long integrationId) {
        if (json) {
            JsonOutput.print(out, PushSummary.of(outcome, ledger, integrationId == null ? 0 : integrationId));
        }
    }

    /** Per type: what the bundle has and what of it is sent, and what Gong holds that the bundle no longer has. */
    private void printCounts(PrintWriter out, Push.Outcome outcome) {
        TypeCounts.describe(outcome.counts().values(), "--delete-missing ").forEach(out::println);
        if (full) {
            out.println("--full: every object is sent, changed or not.");
        }
    }

    private Push.Request request(List<BundleFile> files, Severity failLevel, long integrationId) {
        return new Push.Request(files, options.validator(), options.settings().profile(), failLevel, integrationId,
                maxUploadSize, settle, dryRun, deleteMissing, results);
    }

    /** A push holds the ledger; a dry run, or a run that cannot send, only reads it (one never written reads empty). */
    private Ledger openLedger(LedgerLocation location, boolean canSend) {
        Map<String, String> environment = ((GongCrm) spec.root().userObject()).environment;
        if (canSend && !dryRun) {
            return Ledger.open(location, environment);
        }
        return Ledger.openForReading(location, environment);
    }

    private int validationFailed(Map<ReportFormat, Path> reports, dev.gongcrm.validator.ValidationResult result,
                                 PrintWriter out, PrintWriter err) throws java.io.IOException {
        options.write(reports, result, out);
        err.println("gongcrm: nothing was sent: fix the findings above first");
        return GongCrm.FINDINGS;
    }
}
