package dev.gongcrm.cli;

import dev.gongcrm.client.GongEnvironment;
import dev.gongcrm.client.CrmApi;
import dev.gongcrm.client.Credentials;
import dev.gongcrm.client.GongCrmClient;
import dev.gongcrm.client.push.Push;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * Where the API is and who calls it: {@code GONG_BASE_URL}, {@code GONG_ACCESS_KEY} +
 * {@code GONG_ACCESS_KEY_SECRET} or {@code GONG_BEARER_TOKEN}, {@code GONG_INTEGRATION_ID}. Credentials
 * come only from the environment, so that they never appear in a shell history or a process list.
 */
final class ApiOptions {

    static final String ENVIRONMENT_HELP = "Credentials: GONG_ACCESS_KEY + GONG_ACCESS_KEY_SECRET, or GONG_BEARER_TOKEN "
            + "(environment only; never printed). Host: GONG_BASE_URL (default " + GongCrmClient.DEFAULT_BASE_URL + ").";

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Your company's Gong API host (default: GONG_BASE_URL, else " + GongCrmClient.DEFAULT_BASE_URL
                    + ").")
    String baseUrl;

    @Option(names = "--integration", paramLabel = "ID",
            description = "The integration id (default: GONG_INTEGRATION_ID, else the only integration there is).")
    Long integration;

    @Option(names = "--calls-per-second", paramLabel = "N",
            description = "Client-side rate limit (default: GONGCRM_CALLS_PER_SECOND, else 3, Gong's documented "
                    + "limit; 0 for none, e.g. against the emulator).")
    Double callsPerSecond;

    private GongCrm root() {
        return (GongCrm) mixee.root().userObject();
    }

    private static String missingCredentials(Map<String, String> environment) {
        boolean key = !environment.getOrDefault("GONG_ACCESS_KEY", "").isBlank();
        boolean secret = !environment.getOrDefault("GONG_ACCESS_KEY_SECRET", "").isBlank();
        if (key != secret) {
            return "no credentials: " + (key ? "GONG_ACCESS_KEY_SECRET" : "GONG_ACCESS_KEY") + " is not set (an access "
                    + "key needs its secret), or set GONG_BEARER_TOKEN instead";
        }
        return "no credentials: set GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET, or GONG_BEARER_TOKEN";
    }

    boolean hasCredentials() {
        return Credentials.fromEnvironment(root().environment).isPresent();
    }

    GongCrmClient client() {
        Map<String, String> environment = root().environment;
        Credentials credentials = Credentials.fromEnvironment(environment).orElseThrow(() -> new IllegalArgumentException(
                missingCredentials(environment)));
        String url = GongEnvironment.baseUrl(baseUrl, environment);
        double rate = callsPerSecond != null ? callsPerSecond : rateFromEnvironment(environment);
        return GongCrmClient.builder().baseUrl(url).credentials(credentials).callsPerSecond(rate).build();
    }

    private static double rateFromEnvironment(Map<String, String> environment) {
        String value = environment.getOrDefault("GONGCRM_CALLS_PER_SECOND", "3");
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("GONGCRM_CALLS_PER_SECOND must be a number, got '" + value + "'");
        }
    }

    /** The integration named by flag or environment, or null. */
    Long namedIntegration() {
        return GongEnvironment.integrationId(integration, root().environment);
    }

    /** The integration to use, asking Gong for the only one when none is named (and saying so on {@code err}). */
    long integration(CrmApi client, PrintWriter err) {
        return Push.integration(client, namedIntegration(), note -> err.println("gongcrm: " + note));
    }
}
