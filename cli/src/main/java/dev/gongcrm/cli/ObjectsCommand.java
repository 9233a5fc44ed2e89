package dev.gongcrm.cli;

import dev.gongcrm.client.CrmApi;
import dev.gongcrm.client.model.GetGenericCrmObjectsResponse;
import dev.gongcrm.validator.ObjectType;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

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
            + "does not know are said on standard error; --json prints Gong's whole answer). Any number of "
            + "ids: they are asked 100 at a time."},
            mixinStandardHelpOptions = true)
    static final class Get extends ApiCommand {

        @Parameters(index = "0", paramLabel = "TYPE", description = "ACCOUNT, CONTACT, DEAL or LEAD.")
        String type;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "ID", description = "CRM object ids.")
        List<String> ids;

        @Override
        int call(CrmApi client, PrintWriter out) {
            ObjectType objectType = SchemaCommand.schemaType(type, spec.commandLine());
            GetGenericCrmObjectsResponse objects = client.getObjects(ids, integration(client), objectType);
            if (json) {
                JsonOutput.print(out, objects);
                return 0;
            }
            int missing = 0;
            for (Map.Entry<String, JsonNode> object : objects.crmObjectsMap().entrySet()) {
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
