package dev.gongcrm.cli;

import dev.gongcrm.emulator.Emulator;
import dev.gongcrm.emulator.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server whose request status echoes the credentials in its line errors (the Authorization header,
 * the key, the secret, each also in base64): a push writes Gong's errors into every report format, the
 * ledger and its messages, and none of them may hold any of those.
 */
class SecretsNeverWrittenTest {

    /** A key of 12 characters: its base64 is a prefix of the token's, which a redaction must not stop at. */
    private static final String KEY = "AKEY7x9QpLm2";
    /** A secret whose base64 holds '/' and '+' (escaped in JSON as \/, different in URL-safe base64). */
    private static final String SECRET = "Zq8W??>>secretV1";

    @TempDir
    Path folder;

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** What must appear nowhere: each credential, plain, in base64 (standard, URL-safe), URL-encoded. */
    private static List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        for (String value : List.of(KEY, SECRET, KEY + ":" + SECRET)) {
            secrets.add(value);
            secrets.add(base64(value).replace("=", ""));
            secrets.add(base64(value).replace("=", "").replace('+', '-').replace('/', '_'));
            secrets.add(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return secrets;
    }

    /** The text as JSON writes it with every character escaped: what a server may send, still the secret. */
    private static String escaped(String text) {
        StringBuilder json = new StringBuilder();
        text.chars().forEach(c -> json.append(String.format("\\u%04x", c)));
        return json.toString();
    }

    private static String echoingStatus() {
        String echo = "Rejected Authorization: Basic " + base64(KEY + ":" + SECRET) + "; key " + KEY + ", secret "
                + SECRET + ", encoded " + base64(SECRET) + " and " + base64(KEY) + " and bearer " + base64(KEY + ":"
                + SECRET);
        String token = base64(KEY + ":" + SECRET);
        String disguised = "escaped " + escaped(SECRET) + ", slashes escaped " + token.replace("/", "\\/")
                + ", URL-safe " + token.replace('+', '-').replace('/', '_') + ", URL-encoded "
                + java.net.URLEncoder.encode(KEY + ":" + SECRET, StandardCharsets.UTF_8) + ", upper-cased "
                + token.toUpperCase(java.util.Locale.ROOT) + ", the header in base64 " + base64("Basic " + token);
        return "{\"requestId\": \"r1\", \"status\": \"FAILED\", \"totalErrorCount\": 3, \"totalSuccessCount\": 0, "
                + "\"errors\": [{\"line\": 1, \"description\": \"" + echo + "\"}, {\"line\": 2, \"description\": "
                + "\"Authorization: Bearer " + SECRET + "\"}, {\"line\": 3, \"description\": \"" + disguised + "\"}]}";
    }

    @Test
    void noReportLedgerOrMessageHoldsTheCredentials() throws Exception {
        Path bundle = Files.createDirectories(folder.resolve("bundle"));
        Files.copy(Path.of("..", "examples", "valid-bundle", "accounts.ldjson"), bundle.resolve("accounts.ldjson"));
        Path reports = Files.createDirectories(folder.resolve("reports"));
        Path ledger = folder.resolve("ledger.db");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try (Emulator emulator = Emulator.builder().credentials(KEY, SECRET).processingDelay(Duration.ofMillis(10))
                .build().start()) {
            Map<String, String> environment = Map.of("GONG_BASE_URL", emulator.baseUrl(), "GONG_ACCESS_KEY", KEY,
                    "GONG_ACCESS_KEY_SECRET", SECRET, "GONGCRM_CALLS_PER_SECOND", "0");
            assertEquals(0, GongCrm.run(new String[] {"integration", "register", "--name", "Home CRM", "--owner-email",
                    "ops@example.com"}, new PrintWriter(out), new PrintWriter(err), environment), err::toString);
            // the integration list and the upload go through; the request status echoes the credentials
            emulator.faults().next(2, Fault.delay(Duration.ZERO))
                    .next(1, Fault.answer(200, "application/json", echoingStatus()));
            exit = GongCrm.run(new String[] {"push", bundle.toString(), "--ledger", ledger.toString(),
                    "--poll-interval", "10ms", "--format", "text", "--format", "json=" + reports.resolve("r.json"),
                    "--format", "sarif=" + reports.resolve("r.sarif"), "--format", "junit=" + reports.resolve("r.xml"),
                    "--format", "csv=" + reports.resolve("r.csv"), "--format", "github=" + reports.resolve("r.txt")},
                    new PrintWriter(out), new PrintWriter(err), environment);
        }

        assertEquals(GongCrm.FINDINGS, exit, out + "\n" + err);
        List<String> written = new ArrayList<>(List.of(out.toString(), err.toString()));
        try (Stream<Path> files = Files.list(reports)) {
            for (Path report : files.toList()) {
                written.add(Files.readString(report));
            }
        }
        written.add(new String(Files.readAllBytes(ledger), StandardCharsets.ISO_8859_1));
        assertEquals(8, written.size());
        assertTrue(written.get(0).contains("Rejected Authorization: Basic [redacted]"), written.get(0));
        assertTrue(String.join("\n", written.subList(2, 7)).contains("[redacted]"), "the reports hold the errors");
        for (String text : written) {
            for (String secret : secrets()) {
                assertFalse(text.toLowerCase(java.util.Locale.ROOT).contains(secret.toLowerCase(java.util.Locale.ROOT)),
                        () -> "'" + secret + "' in: " + text);
            }
        }
    }
}
