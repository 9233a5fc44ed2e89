package dev.gongcrm.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the emulator answers to requests no well-behaved client sends: raw HTTP, no client library. */
class EmulatorTest {

    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("gongcrm:gongcrm".getBytes());
    private static final String IDS = "integrationId=" + Emulator.DEFAULT_INTEGRATION_ID;

    private Emulator emulator;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        emulator = Emulator.builder().processingDelay(Duration.ofMillis(100)).maxUploadBytes(1000).build().start();
        send("PUT", "/v2/crm/integration/new", "application/json", "{\"name\": \"n\", \"ownerEmail\": \"o@example.com\"}");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .header("Authorization", AUTH)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(String query, String content) throws Exception {
        String boundary = "gongcrm-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"dataFile\"; filename=\"d.ldjson\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return send("POST", "/v2/crm/object/entities?" + query, "multipart/form-data; boundary=" + boundary, body);
    }

    @Test
    void requiresAuthentication() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(emulator.baseUrl() + "/v2/crm/integration/list")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("Access denied"));
    }

    @Test
    void refusesBadOrMissingParameters() throws Exception {
        assertEquals(400, upload("clientRequestId=a&" + IDS, "{}").statusCode(), "objectType missing");
        assertEquals(400, upload("clientRequestId=a&" + IDS + "&objectType=deal", "{}").statusCode(), "case-sensitive");
        assertEquals(400, upload("clientRequestId=a%20b&" + IDS + "&objectType=DEAL", "{}").statusCode());
        assertEquals(400, upload("clientRequestId=a&integrationId=12x&objectType=DEAL", "{}").statusCode());
        assertEquals(400, upload("clientRequestId=a&integrationId=1&objectType=DEAL", "{}").statusCode(), "unknown id");
        HttpResponse<String> noFile = send("POST", "/v2/crm/object/entities?clientRequestId=a&" + IDS + "&objectType=DEAL",
                "multipart/form-data; boundary=x", "--x--\r\n");
        assertEquals(400, noFile.statusCode());
        assertTrue(noFile.body().contains("dataFile"), noFile.body());
        assertEquals(400, send("POST", "/v2/crm/object/schema?" + IDS + "&objectType=STAGE", "application/json", "[]")
                .statusCode());
    }

    @Test
    void refusesUploadsOverTheSizeLimit() throws Exception {
        HttpResponse<String> response = upload("clientRequestId=big&" + IDS + "&objectType=DEAL", "x".repeat(200_000));
        assertEquals(413, response.statusCode(), response.body());
    }

    @Test
    void keepsOneIntegrationAndAnswersWithItsId() throws Exception {
        HttpResponse<String> second = send("PUT", "/v2/crm/integration/new", "application/json",
                "{\"name\": \"m\", \"ownerEmail\": \"o@example.com\"}");
        assertEquals(409, second.statusCode());
        String list = send("GET", "/v2/crm/integration/list", null, null).body();
        assertTrue(list.contains("\"integrationId\":5517027188234205706"), list);
    }

    @Test
    void faultsApplyToTheNextRequestsInOrder() throws Exception {
        emulator.faults().next(1, Fault.rateLimited(7)).next(1, Fault.serverError());
        HttpResponse<String> limited = send("GET", "/v2/crm/integration/list", null, null);
        assertEquals(429, limited.statusCode());
        assertEquals("7", limited.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(500, send("GET", "/v2/crm/integration/list", null, null).statusCode());
        assertEquals(200, send("GET", "/v2/crm/integration/list", null, null).statusCode());
    }
}
