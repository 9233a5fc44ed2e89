package dev.gongcrm.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static dev.gongcrm.emulator.RawHttp.IDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the emulator answers to requests no well-behaved client sends: raw HTTP, no client library. */
class EmulatorTest {

    private Emulator emulator;
    private RawHttp gong;

    @BeforeEach
    void start() throws Exception {
        emulator = Emulator.builder().processingDelay(Duration.ofMillis(100)).maxUploadBytes(1000).build().start();
        gong = new RawHttp(emulator);
        gong.register();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private HttpResponse<String> upload(String query, String content) throws Exception {
        return gong.upload("/v2/crm/object/entities?" + query, content);
    }

    @Test
    void requiresAuthentication() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
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
        HttpResponse<String> noFile = gong.send("POST", "/v2/crm/object/entities?clientRequestId=a&" + IDS
                + "&objectType=DEAL", "multipart/form-data; boundary=x", "--x--\r\n");
        assertEquals(400, noFile.statusCode());
        assertTrue(noFile.body().contains("dataFile"), noFile.body());
        assertEquals(400, gong.sendJson("POST", "/v2/crm/object/schema?" + IDS + "&objectType=STAGE", "[]").statusCode());
    }

    @Test
    void refusesUploadsOverTheSizeLimit() throws Exception {
        HttpResponse<String> response = upload("clientRequestId=big&" + IDS + "&objectType=DEAL", "x".repeat(200_000));
        assertEquals(413, response.statusCode(), response.body());
    }

    @Test
    void keepsOneIntegrationAndAnswersWithItsId() throws Exception {
        HttpResponse<String> second = gong.sendJson("PUT", "/v2/crm/integration/new",
                "{\"name\": \"m\", \"ownerEmail\": \"o@example.com\"}");
        assertEquals(409, second.statusCode());
        String list = gong.send("GET", "/v2/crm/integration/list", null, null).body();
        assertTrue(list.contains("\"integrationId\":5517027188234205706"), list);
    }

    @Test
    void faultsApplyToTheNextRequestsInOrder() throws Exception {
        emulator.faults().next(1, Fault.rateLimited(7)).next(1, Fault.serverError());
        HttpResponse<String> limited = gong.send("GET", "/v2/crm/integration/list", null, null);
        assertEquals(429, limited.statusCode());
        assertEquals("7", limited.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(500, gong.send("GET", "/v2/crm/integration/list", null, null).statusCode());
        assertEquals(200, gong.send("GET", "/v2/crm/integration/list", null, null).statusCode());
    }
}
