package dev.gongcrm.client;

import dev.gongcrm.client.model.GenericCrmRegistrationRequest;
import dev.gongcrm.emulator.Emulator;
import dev.gongcrm.emulator.Fault;
import dev.gongcrm.validator.ObjectType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The access key secret and bearer token never appear in what the client says: every exception
 * message (with its causes and stack trace), every {@link GongApiException#errors()} entry, every debug
 * line and anything printed to stdout or stderr during the run is collected and searched for them.
 */
class SecretsNeverShownTest {

    private static final String KEY = "gongcrm";
    private static final String SECRET = "s3cr3t-Zq8wPx";
    private static final String TOKEN = "tok-9Yh2Kd7Lm";
    private static final String BASIC = Base64.getEncoder().encodeToString((KEY + ":" + SECRET)
            .getBytes(StandardCharsets.UTF_8));

    private final List<String> said = new ArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream out;
    private PrintStream err;
    private Emulator emulator;

    @BeforeEach
    void start() {
        emulator = Emulator.builder().credentials(KEY, SECRET).bearerToken(TOKEN)
                .processingDelay(Duration.ofMillis(20)).build().start();
        out = System.out;
        err = System.err;
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
    }

    @AfterEach
    void stop() {
        System.setOut(out);
        System.setErr(err);
        emulator.close();
    }

    private GongCrmClient.Builder client(String baseUrl) {
        return GongCrmClient.builder().baseUrl(baseUrl).callsPerSecond(0).maxRetries(1)
                .backoff(Duration.ofMillis(5), Duration.ofMillis(10)).debug(said::add);
    }

    private String withUserInfo(String baseUrl) {
        return baseUrl.replace("http://", "http://" + KEY + ":" + SECRET + "@");
    }

    /** Runs what must fail, and keeps all it says. */
    private void collect(Executable failing) {
        try {
            failing.execute();
            fail("expected a failure");
        } catch (Throwable thrown) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            said.add(trace.toString());
            for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
                said.add(String.valueOf(cause.getMessage()));
                said.add(cause.toString());
                if (cause instanceof GongApiException api) {
                    said.addAll(api.errors());
                    said.add(String.valueOf(api.errorResponse()));
                }
            }
        }
    }

    /** An error body that quotes the Authorization header the client sent, and its secret alone. */
    private static String echo(String authorization, String secret) {
        return "{\"requestId\": \"r\", \"errors\": [\"Rejected header Authorization: " + authorization + "\", "
                + "\"bad secret " + secret + "\", \"{\\\"authorization\\\": \\\"" + authorization + "\\\"}\"]}";
    }

    private static String echoBasic() {
        return echo("Basic " + BASIC, SECRET);
    }

    @Test
    void noSecretInAnythingTheClientSays() {
        String base = emulator.baseUrl();

        // a base URL that carries the key and secret: refused, and the refusal does not repeat them
        collect(() -> client(withUserInfo(base)).credentials(Credentials.basic(KEY, SECRET)).build()
                .listIntegrations());
        collect(() -> client(withUserInfo(base)).build().listIntegrations());
        collect(() -> client("http://" + KEY + ":" + SECRET + "@api.example.com").credentials(Credentials.bearer(TOKEN))
                .build());
        collect(() -> client("http://" + KEY + ":" + SECRET + " x@127.0.0.1/").credentials(Credentials.bearer(TOKEN))
                .build());
        collect(() -> client("https://" + KEY + ":" + SECRET + "@[::1").credentials(Credentials.bearer(TOKEN))
                .build());
        assertTrue(said.stream().anyMatch(line -> line.contains("must not hold credentials")), said.toString());

        try (GongCrmClient basic = client(base).credentials(Credentials.basic(KEY, SECRET)).build();
             GongCrmClient bearer = client(base).credentials(Credentials.bearer(TOKEN)).build();
             GongCrmClient wrong = client(base).credentials(Credentials.basic(KEY, SECRET + "x")).build()) {
            basic.registerIntegration(new GenericCrmRegistrationRequest("ACME", "joe@example.com"));
            collect(wrong::listIntegrations);

            // error bodies that echo the Authorization header and the secret, as JSON and as text
            emulator.faults().next(1, Fault.answer(400, "application/json", echoBasic()));
            collect(basic::listIntegrations);
            emulator.faults().next(1, Fault.answer(400, "application/json", echo("Bearer " + TOKEN, TOKEN)));
            collect(bearer::listIntegrations);
            emulator.faults().next(2, Fault.answer(502, "text/plain", "proxy: Authorization: Basic " + BASIC
                    + " secret=" + SECRET + " again: authorization=basic " + BASIC));
            collect(() -> basic.requestStatus("x", Emulator.DEFAULT_INTEGRATION_ID));
            emulator.faults().next(1, Fault.answer(200, "text/html", "<html>Authorization: Bearer " + TOKEN
                    + "</html>"));
            collect(bearer::listIntegrations);
            emulator.faults().next(1, Fault.answer(429, Map.of("Retry-After", "99999999999999999"),
                    "application/json", echoBasic()));
            collect(() -> basic.getObjects(List.of("a"), Emulator.DEFAULT_INTEGRATION_ID, ObjectType.ACCOUNT));
            emulator.faults().next(1, Fault.serverError()).next(1, Fault.answer(409, "application/json", echoBasic()));
            collect(() -> basic.deleteIntegration("d1", Emulator.DEFAULT_INTEGRATION_ID));
        }

        said.add(printed.toString(StandardCharsets.UTF_8));
        assertTrue(said.size() > 20, said.toString());
        assertTrue(said.stream().anyMatch(line -> line.contains("[redacted]")), said.toString());
        assertTrue(said.stream().anyMatch(line -> line.contains("bad secret")), "the rest of a message stays");
        for (String line : said) {
            for (String secret : List.of(SECRET, TOKEN, BASIC)) {
                assertFalse(line.contains(secret), () -> "'" + secret + "' in: " + line);
            }
        }
        assertEquals("Basic[redacted]", Credentials.basic(KEY, SECRET).toString());
    }
}
