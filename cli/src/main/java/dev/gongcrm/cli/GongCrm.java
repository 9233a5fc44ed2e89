package dev.gongcrm.cli;

import dev.gongcrm.validator.DidYouMean;
import dev.gongcrm.validator.Version;
import dev.gongcrm.validator.engine.BundleRun;
import dev.gongcrm.validator.read.SyntaxMessages;
import picocli.CommandLine.Command;
import picocli.CommandLine;
import tools.jackson.core.JacksonException;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code gongcrm}: validate Gong CRM LDJSON bundles before they are uploaded. */
@Command(name = "gongcrm",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = GongCrm.USAGE,
        exitCodeOnExecutionException = GongCrm.USAGE,
        versionProvider = GongCrm.VersionProvider.class,
        description = {"Validates LDJSON files for Gong's Generic CRM API, then uploads the ones that pass.",
                ApiOptions.ENVIRONMENT_HELP},
        footer = {"", "Exit codes: 0 no finding at or above the fail level, 1 findings at or above it, "
                + "2 usage or I/O problem."})
public final class GongCrm implements Runnable {

    /**
     * The commands, in the order help lists them. Only the one named on the command line is built:
     * picocli reads every option of every command it is given, and a run of 'validate' need not pay
     * for the API commands (see {@link #commandLine}). Classes, which picocli instantiates as it does
     * mixins, rather than constructor references: linking those at start-up links every command class,
     * loading the classes each one uses.
     */
    private static final Map<String, Class<?>> COMMANDS = commands();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("validate", ValidateCommand.class);
        commands.put("fix", FixCommand.class);
        commands.put("convert", ConvertCommand.class);
        commands.put("push", PushCommand.class);
        commands.put("verify", VerifyCommand.class);
        commands.put("status", StatusCommand.class);
        commands.put("ledger", LedgerCommand.class);
        commands.put("integration", IntegrationCommand.class);
        commands.put("schema", SchemaCommand.class);
        commands.put("objects", ObjectsCommand.class);
        commands.put("rules", RulesCommand.class);
        commands.put("emulator", EmulatorCommand.class);
        commands.put("completion", CompletionCommand.class);
        commands.put("help", CommandLine.HelpCommand.class);
        return commands;
    }

    /** Exit code when findings reach the fail level. */
    static final int FINDINGS = 1;
    /** Exit code for a bad flag, a missing path or an I/O problem. */
    static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The environment the credentials, host and integration are read from. */
    final Map<String, String> environment;
    /** Whether a person watches: progress bars instead of one line per step. */
    final boolean terminal;
    /** What '-' reads. */
    final InputStream stdin;
    /**
     * The bytes under the standard output writer, for data passed through unchanged ({@code fix -}): a file's
     * bytes are copied as they are, whatever they hold; null when the output is only a writer (embedding, tests).
     */
    final OutputStream stdoutBytes;

    GongCrm(Map<String, String> environment, boolean terminal) {
        this(environment, terminal, System.in, null);
    }

    GongCrm(Map<String, String> environment, boolean terminal, InputStream stdin, OutputStream stdoutBytes) {
        this.environment = Map.copyOf(environment);
        this.terminal = terminal;
        this.stdin = stdin;
        this.stdoutBytes = stdoutBytes;
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale: a pipeline's LANG is often unset (ASCII), and reports quote UTF-8 data
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(new GongCrm(System.getenv(), System.console() != null, System.in, System.out), args, out, err));
    }

    /** Runs the command line with the process's environment (for embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    /** Runs the command line with the given streams and environment and returns the exit code (for tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        return run(new GongCrm(environment, false), args, out, err);
    }

    /** Runs the command line with this standard input (for tests of '-'). */
    static int run(String[] args, InputStream stdin, PrintWriter out, PrintWriter err) {
        return run(new GongCrm(System.getenv(), false, stdin, null), args, out, err);
    }

    /** The command line with the command {@code first} names, or with every command when it names none. */
    static CommandLine commandLine(GongCrm root, String first) {
        CommandLine commandLine = new CommandLine(root);
        if (first != null && COMMANDS.containsKey(first) && !first.equals("help")) {
            commandLine.addSubcommand(first, COMMANDS.get(first));
        } else {
            COMMANDS.forEach(commandLine::addSubcommand);
        }
        return commandLine;
    }

    /** What went wrong in the words of the command line: a word where a command belongs is an unknown command. */
    private static String describe(CommandLine.ParameterException exception, boolean atRoot) {
        if (!(exception instanceof CommandLine.UnmatchedArgumentException unmatched)
                || unmatched.getUnmatched().isEmpty()) {
            return exception.getMessage();
        }
        String word = unmatched.getUnmatched().get(0);
        if (atRoot && !word.startsWith("-")) {
            return "unknown command '" + word + "'" + DidYouMean.hint(word, COMMANDS.keySet());
        }
        CommandLine.Model.CommandSpec spec = exception.getCommandLine().getCommandSpec();
        if (word.startsWith("-")) {
            List<String> options = spec.options().stream().flatMap(option -> Arrays.stream(option.names())).toList();
            return "unknown option '" + word + "'" + DidYouMean.hint(word.split("=", 2)[0], options);
        }
        if (!spec.subcommands().isEmpty()) {
            return "unknown command '" + spec.qualifiedName() + " " + word + "'; the commands are "
                    + String.join(", ", spec.subcommands().keySet())
                    + DidYouMean.hint(word, spec.subcommands().keySet());
        }
        return exception.getMessage();
    }

    static int run(GongCrm root, String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = commandLine(root, args.length == 0 ? null : args[0]);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            CommandLine failed = exception.getCommandLine();
            failed.getErr().println("gongcrm: error: " + describe(exception, failed == commandLine));
            failed.getErr().println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for the options.");
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> {
            cmd.getErr().println("gongcrm: error: " + oneLine(exception));
            return USAGE;
        });
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // a resource failure, not findings: what it stood on is unreachable now, so there is room for a line
            err.println(outOfMemory());
            return USAGE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** What to do when the heap ran out: one line, with the heap the run had. */
    static String outOfMemory() {
        return "gongcrm: error: out of memory (the Java heap holds about " + (Runtime.getRuntime().maxMemory() >> 20)
                + " MB" + BundleRun.whyIdsStayedOnTheHeap().map(why -> "; " + why).orElse("") + "); give it more, "
                + "e.g. GONGCRM_JAVA_OPTS=-Xmx2g for the gongcrm launcher, or java -Xmx2g -jar gongcrm.jar"
                + BundleRun.whyIdsStayedOnTheHeap().map(why -> ", or a writable folder with room as java.io.tmpdir "
                + "(GONGCRM_JAVA_OPTS=-Djava.io.tmpdir=DIR)").orElse("");
    }

    private static String oneLine(Exception exception) {
        String message = exception instanceof JacksonException json ? SyntaxMessages.reason(json) : exception.getMessage();
        if (message == null || message.isBlank()) {
            message = exception.getClass().getSimpleName();
        }
        return message.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
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
