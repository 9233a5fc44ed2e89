package dev.gongcrm.cli;

import dev.gongcrm.client.GongCrmClient;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** A command that makes API calls: the connection options, {@code --json}, and a client closed after the call. */
abstract class ApiCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print Gong's answer as JSON.")
    boolean json;

    @CommandLine.Mixin
    ApiOptions api;

    @Override
    public final Integer call() throws Exception {
        try (GongCrmClient client = api.client()) {
            return call(client, spec.commandLine().getOut());
        }
    }

    abstract int call(GongCrmClient client, PrintWriter out) throws Exception;

    /** The integration to call: the one named, else the only one (said on standard error). */
    long integration(GongCrmClient client) {
        return api.integration(client, spec.commandLine().getErr());
    }
}
