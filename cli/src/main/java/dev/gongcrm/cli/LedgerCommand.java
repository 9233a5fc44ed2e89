package dev.gongcrm.cli;

import dev.gongcrm.client.push.Sizes;
import dev.gongcrm.client.ledger.LedgerLocation;
import dev.gongcrm.client.push.Ledger;
import dev.gongcrm.client.push.LedgerSummary;
import dev.gongcrm.validator.config.BundleConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

@Command(name = "ledger",
        description = {"Shows what a ledger records, and copies a ledger between a file and PostgreSQL.",
                "A ledger named by URL takes its password from GONGCRM_LEDGER_PASSWORD, PGPASSWORD or ~/.pgpass."},
        mixinStandardHelpOptions = true,
        subcommands = {LedgerCommand.Show.class, LedgerCommand.Copy.class})
final class LedgerCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: show or copy");
    }

    private static Map<String, String> environment(CommandLine.Model.CommandSpec spec) {
        return ((GongCrm) spec.root().userObject()).environment;
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "The integrations a ledger records: the last push (where, by whom, when, how it ended), the "
                    + "last request of each file and the objects Gong holds, per type.")
    static final class Show implements java.util.concurrent.Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "BUNDLE", arity = "0..1", defaultValue = ".",
                description = "The bundle folder whose ledger to show (default: the current folder).")
        Path bundle;

        @Option(names = "--ledger", paramLabel = "FILE|URL", description = LedgerChoice.OPTION_HELP)
        String ledger;

        @Option(names = "--json", description = "Print it as JSON, for scripts.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            LedgerLocation location = LedgerChoice.location(ledger, BundleConfig.load(null, List.of(bundle)), bundle);
            LedgerSummary summary;
            try (Ledger opened = Ledger.openReadOnly(location, environment(spec))) {
                summary = opened.summary();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, summary);
                return 0;
            }
            out.println("Ledger " + summary.ledger() + " (version " + summary.version() + ")");
            if (summary.integrations().isEmpty()) {
                out.println("  no push recorded yet");
            }
            for (LedgerSummary.Integration integration : summary.integrations()) {
                out.println("Integration " + integration.integrationId());
                LedgerSummary.Run run = integration.lastRun();
                if (run != null) {
                    out.println("  last push: " + (run.outcome() == null ? "RUNNING (or killed)" : run.outcome())
                            + ", started " + run.startedAt() + (run.endedAt() == null ? "" : ", ended " + run.endedAt())
                            + " on " + run.host() + " (pid " + run.pid() + ", user " + run.user() + ")");
                }
                for (LedgerSummary.File file : integration.files()) {
                    out.println("  " + file.objectType() + (file.kind().equals("SCHEMA") ? " schema " : " ")
                            + file.file() + (file.part() > 1 ? " (part " + file.part() + ")" : "") + ": "
                            + file.status() + " as " + file.clientRequestId()
                            + (file.finishedAt() == null ? "" : " at " + file.finishedAt()));
                }
                integration.objects().forEach((type, count) -> out.println("  " + Sizes.count(count, type + " object")
                        + " in Gong"));
                integration.notStored().forEach((type, outcomes) -> outcomes.forEach((outcome, count) -> out.println(
                        "  " + Sizes.count(count, type + " object") + " " + outcome + " (the next push sends "
                                + (count == 1 ? "it" : "them") + " again)")));
            }
            return 0;
        }
    }

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = {"Copies every record of one ledger into another: a local file into a shared PostgreSQL "
                    + "ledger, or back. One transaction; the rows of each table are counted in the target after the "
                    + "copy; a target that already records one of the integrations is refused."})
    static final class Copy implements java.util.concurrent.Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--from", required = true, paramLabel = "FILE|URL", description = "The ledger to copy.")
        String from;

        @Option(names = "--to", required = true, paramLabel = "FILE|URL",
                description = "The ledger to copy into (created when missing).")
        String to;

        @Option(names = "--json", description = "Print the rows copied per table as JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            LedgerLocation source = LedgerLocation.parse(from, null);
            LedgerLocation target = LedgerLocation.parse(to, null);
            if (source.describe().equals(target.describe())) {
                throw new IllegalArgumentException("--from and --to name the same ledger (" + source.describe() + ")");
            }
            Map<String, Long> copied;
            try (Ledger reading = Ledger.openReadOnly(source, environment(spec));
                 Ledger writing = Ledger.open(target, environment(spec))) {
                copied = reading.copyTo(writing);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, Map.of("from", source.describe(), "to", target.describe(), "rows", copied));
            } else {
                out.println("Copied " + source.describe() + " into " + target.describe() + ": " + String.join(", ",
                        copied.entrySet().stream().map(entry -> entry.getValue() + " " + entry.getKey()).toList())
                        + " (counted in the target)");
            }
            return 0;
        }
    }
}
