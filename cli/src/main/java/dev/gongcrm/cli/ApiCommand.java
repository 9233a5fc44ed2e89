package dev.gongcrm.cli;

import dev.gongcrm.client.ApiGeneration;
import dev.gongcrm.client.CrmApi;
import dev.gongcrm.client.Deadline;
import dev.gongcrm.client.GongCrmClient;
import dev.gongcrm.validator.config.BundleConfig;
import dev.gongcrm.validator.schema.ProfileSchemas;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** A command that makes API calls: the connection options, {@code --json}, and a client closed after the call. */
abstract class ApiCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print Gong's answer as JSON.")
    boolean json;

    @Option(names = "--profile", paramLabel = "PROFILE", completionCandidates = ValidationOptions.Profiles.class,
            description = "The API generation to call: ${COMPLETION-CANDIDATES} (default: the profile of the "
                    + BundleConfig.FILE_NAME + " in the current folder, else " + ProfileSchemas.DEFAULT_PROFILE
                    + "). legacy is the seed's /v2/crm/object/... endpoints, current /v2/crm/entities, "
                    + "/v2/crm/entity-schema and /v2/crm/integrations.")
    String profile;

    @CommandLine.Mixin
    ApiOptions api;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = Durations.class,
            description = "The longest the command may take, every call, retry and wait for Gong included "
                    + "(default ${DEFAULT-VALUE}): a server that stops answering is given up at it.")
    Duration timeout;

    @Override
    public final Integer call() throws Exception {
        if (profile == null) {
            profile = BundleConfig.load(null, bundle()).profile();
        }
        ApiGeneration generation = ApiGeneration.ofProfile(profile);
        try (GongCrmClient client = api.client()) {
            return call(client.api(generation).within(Deadline.after(timeout)), spec.commandLine().getOut());
        }
    }

    /** Where the bundle's configuration file is looked for when --profile is not given: the current folder. */
    List<Path> bundle() {
        return List.of(Path.of("").toAbsolutePath());
    }

    /** @param client the operations of the generation {@code --profile} names */
    abstract int call(CrmApi client, PrintWriter out) throws Exception;

    /** The integration to call: the one named, else the only one (said on standard error). */
    long integration(CrmApi client) {
        return api.integration(client, spec.commandLine().getErr());
    }
}
