package dev.gongcrm.cli;

import dev.gongcrm.validator.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code gongcrm}: validate Gong CRM LDJSON bundles before they are uploaded. */
@Command(name = "gongcrm",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = GongCrm.USAGE,
        exitCodeOnExecutionException = GongCrm.USAGE,
        versionProvider = GongCrm.VersionProvider.class,
        description = "Validates LDJSON files for Gong's Generic CRM API before they are uploaded.",
        subcommands = {ValidateCommand.class, RulesCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 no finding at or above the fail level, 1 findings at or above it, "
                + "2 usage or I/O problem."})
public final class GongCrm implements Runnable {

    /** Exit code when findings reach the fail level. */
    static final int FINDINGS = 1;
    /** Exit code for a bad flag, a missing path or an I/O problem. */
    static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new GongCrm());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            CommandLine failed = exception.getCommandLine();
            failed.getErr().println("gongcrm: error: " + exception.getMessage());
            failed.getErr().println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for the options.");
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> {
            cmd.getErr().println("gongcrm: error: " + oneLine(exception));
            return USAGE;
        });
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static String oneLine(Exception exception) {
        String message = exception.getMessage();
        if (message == null || message.isBlank()) {
            message = exception.getClass().getSimpleName();
        }
        return message.replace('\n', ' ');
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gongcrm " + Version.get()};
        }
    }
}
