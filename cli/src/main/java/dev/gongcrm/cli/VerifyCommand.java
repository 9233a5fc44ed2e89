package dev.gongcrm.cli;

import dev.gongcrm.client.ApiGeneration;
import dev.gongcrm.client.Deadline;
import dev.gongcrm.client.GongCrmClient;
import dev.gongcrm.client.ledger.LedgerLocation;
import dev.gongcrm.client.push.Ledger;
import dev.gongcrm.client.verify.Verification;
import dev.gongcrm.client.verify.Verifier;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.report.ReportFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "verify",
        description = {"Reads back from Gong a sample of the objects the ledger says a push stored, and compares "
                + "each, field by field, with the bundle's line it was sent from: a field Gong holds otherwise is "
                + "a verify-mismatch at that line (the field, the value sent, the value in Gong), an object Gong "
                + "does not have a verify-missing. Numbers compare by value, null as absent; fields Gong adds "
                + "are not differences.",
                "Per type (ACCOUNT, CONTACT, DEAL, LEAD: what Gong's read endpoint serves), the --sample objects "
                        + "modified last are taken, in one call. An object edited in the bundle since the push is "
                        + "counted, not compared: Gong was not sent that value.",
                "Gong's docs call the read endpoint a development-phase tool \"to manually verify that objects "
                        + "are uploaded and processed correctly\": verification runs only when asked (this "
                        + "command, or push --verify), is sampled, and says how many calls it made.",
                ApiOptions.ENVIRONMENT_HELP},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footer = {"", "Exit codes: 0 every object checked is in Gong as sent, 1 a difference or a missing object, "
                + "2 usage, I/O, ledger or API problem."})
final class VerifyCommand implements Callable<Integer> {

    static final String SAMPLE_HELP = "Objects read back per type, the ones modified last (default "
            + "${DEFAULT-VALUE}, at most " + Verifier.MAX_SAMPLE + ": one call per type, as Gong reads at most "
            + Verifier.MAX_SAMPLE + " ids a call).";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "BUNDLE", arity = "1..*", description = "The bundle folders or files that were pushed.")
    List<Path> paths;

    int sample;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "100", description = SAMPLE_HELP)
    void sample(int sample) {
        this.sample = checkSample(spec, sample);
    }

    @Option(names = "--ledger", paramLabel = "FILE|URL", description = LedgerChoice.OPTION_HELP)
    String ledger;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = Durations.class,
            description = "The longest the read-back may take, every call and retry included (default "
                    + "${DEFAULT-VALUE}).")
    Duration timeout;

    @CommandLine.Mixin
    ApiOptions api;

    @CommandLine.Mixin
    ValidationOptions options;

    /** The sample size, when it is one (1 to 100); else a usage error, before anything is read or sent. */
    static int checkSample(CommandLine.Model.CommandSpec spec, int sample) {
        try {
            return Verifier.checkSample(sample);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sample: " + e.getMessage());
        }
    }

    /** Reads back a sample of what the push stored and reports it as this command does. */
    static int readBack(GongCrmClient client, ApiGeneration generation, Deadline deadline, Ledger ledger,
                        long integrationId, int sample, List<BundleFile> files, ValidationOptions options,
                        Map<ReportFormat, Path> reports, PrintWriter out, PrintWriter err) throws IOException {
        Verification verification = new Verifier(client.api(generation).within(deadline), ledger, integrationId,
                sample).verify(files);
        return VerificationReport.print(verification, options, reports, out, err);
    }

    @Override
    public Integer call() throws Exception {
        options.load(paths);
        options.failLevel(); // an unknown level is a usage error before any work
        Map<ReportFormat, Path> reports = options.reports();
        List<BundleFile> files = options.scanner().scan(paths);
        LedgerLocation ledgerLocation = LedgerChoice.location(ledger, options, paths.get(0));
        ValidationOptions.refuseReportsOver(options.inputs(files).protect("the ledger",
                LedgerChoice.file(ledgerLocation)), reports);
        GongCrm root = (GongCrm) spec.root().userObject();
        try (Ledger opened = Ledger.openReadOnly(ledgerLocation, root.environment);
             GongCrmClient client = api.client()) {
            long integrationId = LedgerIntegrations.pick(opened, api.namedIntegration());
            return readBack(client, ApiGeneration.ofProfile(options.settings().profile()), Deadline.after(timeout),
                    opened, integrationId, sample, files, options, reports, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
    }
}
