package dev.gongcrm.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One run of the command line in this JVM, as a test sees it: the exit code and what it printed. */
record Run(int exit, String out, String err) {

    /** Runs {@code gongcrm} with these arguments (each as its string: paths may be given as they are). */
    static Run run(Object... args) {
        return runWithInput("", args);
    }

    /** Runs {@code gongcrm} with this environment instead of the process's (no credentials, say). */
    static Run runIn(Map<String, String> environment, Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = GongCrm.run(strings(args), new PrintWriter(out), new PrintWriter(err), environment);
        return new Run(exit, out.toString(), err.toString());
    }

    /** Runs {@code gongcrm} with {@code stdin} as its standard input. */
    static Run runWithInput(String stdin, Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = GongCrm.run(strings(args), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    /** Each argument as its string: paths may be given as they are. */
    private static String[] strings(Object... args) {
        String[] arguments = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            arguments[i] = String.valueOf(args[i]);
        }
        return arguments;
    }
}
