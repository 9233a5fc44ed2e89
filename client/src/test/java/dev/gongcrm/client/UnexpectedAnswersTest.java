package dev.gongcrm.client;

import dev.gongcrm.client.model.AsyncProcessingResponse;
import dev.gongcrm.client.model.GenericCrmRegistrationRequest;
import dev.gongcrm.client.model.RequestStatus;
import dev.gongcrm.client.model.RequestStatusResponse;
import dev.gongcrm.emulator.Emulator;
import dev.gongcrm.emulator.Fault;
import dev.gongcrm.validator.ObjectType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers the API does not document, and failures no retry can mend: each is a {@link GongApiException}
 * that says what came, or the wait the server asked for; never a parser's exception, an enum's
 * IllegalArgumentException, a retry at once, or six tries of what cannot work.
 */
class UnexpectedAnswersTest {

    private static final long INTEGRATION = Emulator.DEFAULT_INTEGRATION_ID;
    private static final String ACCOUNT = "{\"objectId\": \"a1\", \"modifiedDate\": \"2019-01-03T23:45:57Z\", "
            + "\"name\": \"Account\", \"domains\": [\"a.com\"]}";
    private static final String HTML = "<html><body>Please sign in</body></html>";

    @TempDir
    Path folder;

    private final List<String> debug = new ArrayList<>();
    private Emulator emulator;
    private GongCrmClient gong;

    @BeforeEach
    void start() {
        emulator = Emulator.builder().processingDelay(Duration.ofMillis(60)).build().start();
        gong = client(emulator.baseUrl());
        gong.registerIntegration(new GenericCrmRegistrationRequest("ACME", "joe@example.com"));
    }

    @AfterEach
    void stop() {
        gong.close();
        emulator.close();
    }

    private GongCrmClient client(String baseUrl) {
        return GongCrmClient.builder().baseUrl(baseUrl)
                .credentials(Credentials.basic(emulator.accessKey(), emulator.accessKeySecret()))
                .callsPerSecond(0).backoff(Duration.ofMillis(10), Duration.ofMillis(50)).maxRetries(5)
                .pollInterval(Duration.ofMillis(20)).debug(debug::add).build();
    }

    private static String status(String value) {
        return "{\"requestId\": \"r1\", \"status\": \"" + value + "\", \"errors\": []}";
    }

    private long retries() {
        return debug.stream().filter(line -> line.contains("retrying")).count();
    }

    @Test
    void anUnknownStatusIsReadAndWaitedOn() throws Exception {
        gong.uploadObjects(Files.write(folder.resolve("a.ldjson"), List.of(ACCOUNT)), "queued", INTEGRATION,
                ObjectType.ACCOUNT);
        emulator.faults().next(1, Fault.answer(200, "application/json", status("QUEUED")));
        RequestStatusResponse queued = gong.requestStatus("queued", INTEGRATION);
        assertEquals(RequestStatus.UNKNOWN, queued.status());
        assertEquals("QUEUED", queued.statusText());
        assertTrue(!queued.status().isFinal());

        emulator.faults().next(3, Fault.answer(200, "application/json", status("QUEUED")));
        assertEquals(RequestStatus.DONE, gong.awaitRequest("queued", INTEGRATION, Duration.ofSeconds(5)).status());

        emulator.faults().next(1000, Fault.answer(200, "application/json", status("QUEUED")));
        GongApiException stillQueued = assertThrows(GongApiException.class,
                () -> gong.awaitRequest("queued", INTEGRATION, Duration.ofMillis(100)));
        assertTrue(stillQueued.getMessage().contains("still QUEUED"), stillQueued.getMessage());
        emulator.faults().clear();
        assertEquals(RequestStatus.PENDING, RequestStatus.of("PENDING"));
        assertEquals(RequestStatus.UNKNOWN, RequestStatus.of("queued"));
    }

    @Test
    void aStatusAnswerWithoutAStatusIsATypedError() {
        emulator.faults().next(1, Fault.answer(200, "application/json", "{\"requestId\": \"r1\"}"));
        GongApiException error = assertThrows(GongApiException.class, () -> gong.requestStatus("x", INTEGRATION));
        assertEquals(200, error.statusCode());
        assertTrue(error.getMessage().contains("no status"), error.getMessage());
    }

    @Test
    void aTwoHundredThatIsNotJsonIsATypedError() {
        emulator.faults().next(1, Fault.answer(200, "text/html", HTML));
        GongApiException list = assertThrows(GongApiException.class, gong::listIntegrations);
        assertEquals(200, list.statusCode());
        assertTrue(list.getMessage().contains("not JSON"), list.getMessage());
        assertTrue(list.getMessage().contains("text/html"), list.getMessage());
        assertTrue(list.getMessage().contains("Please sign in"), list.getMessage());

        emulator.faults().next(1, Fault.answer(200, "text/html", HTML));
        assertEquals(200, assertThrows(GongApiException.class, () -> gong.requestStatus("x", INTEGRATION)).statusCode());
        emulator.faults().next(1, Fault.answer(200, "text/html", HTML));
        assertEquals(200, assertThrows(GongApiException.class,
                () -> gong.getObjects(List.of("a1"), INTEGRATION, ObjectType.ACCOUNT)).statusCode());
        emulator.faults().next(1, Fault.answer(200, "text/html", HTML));
        assertEquals(200, assertThrows(GongApiException.class,
                () -> gong.listSchemaFields(INTEGRATION, ObjectType.ACCOUNT)).statusCode());
        emulator.faults().next(1, Fault.answer(200, "application/json", "[1, 2]"));
        GongApiException shape = assertThrows(GongApiException.class, gong::listIntegrations);
        assertTrue(shape.getMessage().contains("not shaped as documented"), shape.getMessage());
        emulator.faults().next(1, Fault.answer(200, "application/json", ""));
        assertThrows(GongApiException.class, gong::listIntegrations);
    }

    @Test
    void anAcceptedUploadWhoseAnswerIsNotJsonIsStillAccepted() throws Exception {
        emulator.faults().next(1, Fault.answer(201, "text/plain", "Created"));
        AsyncProcessingResponse accepted = gong.uploadObjects(Files.write(folder.resolve("a.ldjson"), List.of(ACCOUNT)),
                "plain", INTEGRATION, ObjectType.ACCOUNT);
        assertEquals("plain", accepted.clientRequestId());
        assertNull(accepted.requestId());
    }

    @Test
    void retryAfterOnA503IsWaitedFor() {
        emulator.faults().next(1, Fault.answer(503, Map.of("Retry-After", "1"), "application/json",
                "{\"requestId\": \"r\", \"errors\": [\"Service Unavailable\"]}"));
        long start = System.nanoTime();
        assertEquals(1, gong.listIntegrations().integrations().size());
        assertTrue(System.nanoTime() - start >= 950_000_000L, "waited for Retry-After: 1");
    }

    @Test
    void aRetryAfterLongerThanTheClientWaitsIsAnErrorAtOnceNotARetryAtOnce() {
        for (String huge : List.of("99999999999999999", "9223372036854775807", "99999999999999999999999", "86400",
                ZonedDateTime.now(ZoneOffset.UTC).plusDays(1).format(DateTimeFormatter.RFC_1123_DATE_TIME))) {
            debug.clear();
            emulator.faults().next(1, Fault.answer(429, Map.of("Retry-After", huge), "application/json",
                    "{\"requestId\": \"r\", \"errors\": [\"API request limit exceeded\"]}"));
            long start = System.nanoTime();
            GongApiException error = assertThrows(GongApiException.class, gong::listIntegrations, huge);
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "no long wait for " + huge);
            assertEquals(429, error.statusCode());
            assertEquals(0, retries(), huge + ": " + debug);
            assertTrue(error.getMessage().contains("Retry-After"), error.getMessage());
            emulator.faults().clear();
        }
        assertTrue(Transport.retryAfterMillis("99999999999999999") > 120_000);
        assertTrue(Transport.retryAfterMillis("9223372036854775807") > 120_000);
        assertEquals(2_000, Transport.retryAfterMillis("2"));
        assertEquals(0, Transport.retryAfterMillis("-5"));
        assertEquals(-1, Transport.retryAfterMillis("soon"));
    }

    @Test
    void anUnknownHostIsNotRetried() {
        try (GongCrmClient nowhere = client("https://no-such-host.invalid")) {
            GongApiException error = assertThrows(GongApiException.class, nowhere::listIntegrations);
            assertEquals(0, error.statusCode());
            assertTrue(error.getMessage().contains("unknown host"), error.getMessage());
            assertTrue(error.getMessage().contains("after 1 attempt"), error.getMessage());
            assertEquals(0, retries(), debug.toString());
        }
    }

    @Test
    void httpsToAPlainHttpServerIsNotRetried() {
        try (GongCrmClient wrongScheme = client(emulator.baseUrl().replace("http:", "https:"))) {
            GongApiException error = assertThrows(GongApiException.class, wrongScheme::listIntegrations);
            assertEquals(0, error.statusCode());
            assertTrue(error.getMessage().contains("TLS"), error.getMessage());
            assertEquals(0, retries(), debug.toString());
        }
    }

    @Test
    void aRefusedConnectionIsStillRetried() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (GongCrmClient closed = client("http://127.0.0.1:" + port)) {
            GongApiException error = assertThrows(GongApiException.class, closed::listIntegrations);
            assertTrue(error.getMessage().contains("connection refused"), error.getMessage());
            assertEquals(5, retries(), debug.toString());
        }
    }
}
