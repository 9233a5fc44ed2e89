package dev.gongcrm.cli;

import dev.gongcrm.client.GongCrmClient;
import dev.gongcrm.client.model.GetGenericCrmObjectsResponse;
import dev.gongcrm.client.model.ObjectType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "objects",
        description = {"Reads objects Gong holds.", ApiOptions.ENVIRONMENT_HELP},
        mixinStandardHelpOptions = true,
        subcommands = {ObjectsCommand.Get.class})
final class ObjectsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: get");
    }

    @Command(name = "get", description = {"Prints the objects with these CRM ids, one JSON line each (ids Gong "
            + "does not know are said on standard error). Any number of ids: they are asked 100 at a time."},
            mixinStandardHelpOptions = true)
    static final class Get implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "TYPE", description = "ACCOUNT, CONTACT, DEAL or LEAD.")
        String type;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "ID", description = "CRM object ids.")
        List<String> ids;

        @Option(names = "--json", description = "Print Gong's whole answer as one JSON document.")
        boolean json;

        @CommandLine.Mixin
        ApiOptions api;

        @Override
        public Integer call() {
            ObjectType objectType = SchemaCommand.schemaType(type, spec.commandLine());
            PrintWriter out = spec.commandLine().getOut();
            try (GongCrmClient client = api.client()) {
                GetGenericCrmObjectsResponse objects = client.getObjects(ids, api.integration(client,
                        spec.commandLine().getErr()), objectType);
                if (json) {
                    JsonOutput.print(out, objects);
                    return 0;
                }
                int missing = 0;
                for (Map.Entry<String, tools.jackson.databind.JsonNode> object : objects.crmObjectsMap().entrySet()) {
                    if (object.getValue() == null) {
                        spec.commandLine().getErr().println("gongcrm: " + objectType + " " + object.getKey()
                                + " is not in Gong");
                        missing++;
                    } else {
                        out.println(object.getValue());
                    }
                }
                return missing == 0 ? 0 : GongCrm.FINDINGS;
            }
        }
    }
}
