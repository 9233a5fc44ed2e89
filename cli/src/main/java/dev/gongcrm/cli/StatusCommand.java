package dev.gongcrm.cli;

import dev.gongcrm.client.push.Sizes;
import dev.gongcrm.client.CrmApi;
import dev.gongcrm.client.model.LineError;
import dev.gongcrm.client.model.RequestStatusResponse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;

@Command(name = "status",
        description = {"Shows the status of an upload or integration delete: PENDING, IN_PROGRESS, DONE or FAILED, "
                + "with Gong's line errors (the first 20).", ApiOptions.ENVIRONMENT_HELP},
        mixinStandardHelpOptions = true)
final class StatusCommand extends ApiCommand {

    @Parameters(paramLabel = "CLIENT_REQUEST_ID", description = "The clientRequestId the request was sent with "
            + "(push prints it, and the ledger keeps it).")
    String clientRequestId;

    @Override
    int call(CrmApi client, PrintWriter out) {
        RequestStatusResponse status = client.requestStatus(clientRequestId, integration(client));
        if (json) {
            JsonOutput.print(out, status);
            return 0;
        }
        out.println(clientRequestId + ": " + status.status()
                + (status.totalSuccessCount() == null ? ""
                : ", " + Sizes.count(status.totalSuccessCount(), "object") + " stored")
                + (status.totalErrorCount() == null || status.totalErrorCount() == 0 ? ""
                : ", " + Sizes.count(status.totalErrorCount(), "error"))
                + " (Gong requestId " + status.requestId() + ")");
        for (LineError error : status.errors()) {
            out.println("  " + (error.line() == 0 ? "file" : "line " + error.line()) + ": " + error.description());
        }
        return 0;
    }
}
