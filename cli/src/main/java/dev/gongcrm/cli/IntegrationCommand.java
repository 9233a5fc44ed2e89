package dev.gongcrm.cli;

import dev.gongcrm.client.CrmApi;
import dev.gongcrm.client.model.AsyncProcessingResponse;
import dev.gongcrm.client.model.GenericCrmIntegration;
import dev.gongcrm.client.model.GenericCrmRegistrationRequest;
import dev.gongcrm.client.model.ListGenericCrmIntegrationsResponse;
import dev.gongcrm.client.model.RegisterGenericCrmResponse;
import dev.gongcrm.client.model.RequestStatus;
import dev.gongcrm.client.model.RequestStatusResponse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.UUID;

@Command(name = "integration",
        description = {"Registers, lists and deletes Generic CRM integrations.", ApiOptions.ENVIRONMENT_HELP},
        mixinStandardHelpOptions = true,
        subcommands = {IntegrationCommand.Register.class, IntegrationCommand.ListIntegrations.class,
                IntegrationCommand.Delete.class})
final class IntegrationCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: register, list or delete");
    }

    @Command(name = "register", description = "Registers your CRM in Gong and prints the new integrationId.",
            mixinStandardHelpOptions = true)
    static final class Register extends ApiCommand {

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The integration's name in Gong.")
        String name;

        @Option(names = "--owner-email", required = true, paramLabel = "EMAIL",
                description = "The email of the Gong user who owns the integration.")
        String ownerEmail;

        @Override
        int call(CrmApi client, PrintWriter out) {
            RegisterGenericCrmResponse registered = client.registerIntegration(
                    new GenericCrmRegistrationRequest(name, ownerEmail));
            if (json) {
                JsonOutput.print(out, registered);
            } else {
                out.println("Registered integration " + registered.integrationId() + " ('" + name + "'); "
                        + "push uses it when it is the only one, or set GONG_INTEGRATION_ID="
                        + registered.integrationId());
            }
            return 0;
        }
    }

    @Command(name = "list", description = "Lists the company's Generic CRM integrations.",
            mixinStandardHelpOptions = true)
    static final class ListIntegrations extends ApiCommand {

        @Override
        int call(CrmApi client, PrintWriter out) {
            ListGenericCrmIntegrationsResponse list = client.listIntegrations();
            if (json) {
                JsonOutput.print(out, list);
            } else if (list.integrations().isEmpty()) {
                out.println("No integration; 'gongcrm integration register --name NAME --owner-email EMAIL' "
                        + "creates one.");
            } else {
                for (GenericCrmIntegration integration : list.integrations()) {
                    out.println(integration.integrationId() + "  " + integration.name() + "  "
                            + integration.ownerEmail());
                }
            }
            return 0;
        }
    }

    @Command(name = "delete", description = {"Deletes the integration and ALL its objects in Gong, then waits until "
            + "Gong is done.", "Asks for --yes, since nothing brings the data back but pushing it again."},
            mixinStandardHelpOptions = true)
    static final class Delete extends ApiCommand {

        @Option(names = "--yes", description = "Confirm the delete.")
        boolean yes;

        @Override
        int call(CrmApi client, PrintWriter out) {
            long integrationId = integration(client);
            if (!yes) {
                throw new CommandLine.ParameterException(spec.commandLine(), "deleting integration "
                        + integrationId + " deletes all its objects in Gong; add --yes to confirm");
            }
            String clientRequestId = "gongcrm-delete-" + UUID.randomUUID();
            AsyncProcessingResponse accepted = client.deleteIntegration(clientRequestId, integrationId);
            RequestStatusResponse status = client.awaitRequest(accepted.clientRequestId(), integrationId, timeout);
            if (json) {
                JsonOutput.print(out, status);
            } else {
                out.println("Delete of integration " + integrationId + ": " + status.status() + " ("
                        + clientRequestId + ")");
            }
            return status.status() == RequestStatus.DONE ? 0 : GongCrm.FINDINGS;
        }
    }
}
