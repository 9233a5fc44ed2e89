package dev.gongcrm.emulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Requests to a running emulator as curl would send them: raw HTTP with the default credentials, no client library. */
final class RawHttp {

    static final String IDS = "integrationId=" + Emulator.DEFAULT_INTEGRATION_ID;
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("gongcrm:gongcrm".getBytes());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration FINAL_STATUS_WITHIN = Duration.ofSeconds(10);

    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    RawHttp(Emulator emulator) {
        this(emulator.baseUrl());
    }

    /** For an emulator in another JVM. */
    RawHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", AUTH)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> sendJson(String method, String path, String body) throws Exception {
        return send(method, path, "application/json", body);
    }

    /** A multipart upload of {@code content} as the {@code dataFile} part. */
    HttpResponse<String> upload(String path, String content) throws Exception {
        String boundary = "gongcrm-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"dataFile\"; filename=\"d.ldjson\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return send("POST", path, "multipart/form-data; boundary=" + boundary, body);
    }

    void register() throws Exception {
        assertEquals(200, sendJson("PUT", "/v2/crm/integration/new",
                "{\"name\": \"n\", \"ownerEmail\": \"o@example.com\"}").statusCode());
    }

    /** Polls request-status until DONE or FAILED, failing the test when that takes too long. */
    JsonNode awaitFinal(String clientRequestId) throws Exception {
        Instant deadline = Instant.now().plus(FINAL_STATUS_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = send("GET", "/v2/crm/request-status?clientRequestId=" + clientRequestId
                    + "&" + IDS, null, null);
            assertEquals(200, response.statusCode(), response.body());
            JsonNode status = json(response);
            if (Set.of("DONE", "FAILED").contains(status.path("status").asString())) {
                return status;
            }
            Thread.sleep(10);
        }
        return fail("request " + clientRequestId + " was not final within " + FINAL_STATUS_WITHIN);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
