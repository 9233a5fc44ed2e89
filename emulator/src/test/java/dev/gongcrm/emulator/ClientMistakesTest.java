package dev.gongcrm.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.gongcrm.emulator.RawHttp.IDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests a client got wrong are answered 400 or 413 with Gong's error body ({@code requestId} and
 * {@code errors}) and logged; never 500, never a connection closed without an answer.
 */
class ClientMistakesTest {

    private static final String UPLOAD = "/v2/crm/object/entities?clientRequestId=%s&" + IDS + "&objectType=ACCOUNT";
    private static final String LINE = "{\"objectId\": \"a1\", \"modifiedDate\": \"2024-01-02T03:04:05Z\", "
            + "\"name\": \"Acme\", \"domains\": [\"acme.com\"]}\n";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> log = new CopyOnWriteArrayList<>();
    private Emulator emulator;

    @BeforeEach
    void start() throws Exception {
        emulator = Emulator.builder().processingDelay(Duration.ofMillis(10)).maxUploadBytes(100_000).log(log::add)
                .build().start();
        new RawHttp(emulator).register();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private static String upload(String id) {
        return UPLOAD.formatted(id);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String part(String boundary, String headers, String content) {
        return "--" + boundary + "\r\n" + headers + "\r\n\r\n" + content + "\r\n";
    }

    /** Gong's error body with the status, and one log line that names the status and what went wrong. */
    private void assertRefused(int status, RawSocket.Answer answer, String what) {
        assertEquals(status, answer.status(), what + ": " + answer.body());
        JsonNode body = JSON.readTree(answer.body());
        assertTrue(body.path("requestId").isString(), what + ": " + answer.body());
        assertTrue(body.path("errors").isArray() && !body.path("errors").isEmpty(), what + ": " + answer.body());
        String error = body.path("errors").get(0).asString();
        assertFalse(error.contains("Internal Server Error"), what + ": " + error);
        assertTrue(log.stream().anyMatch(line -> line.contains(" " + status + " ") && line.contains(error)),
                what + ": not logged with its error: " + log);
        log.clear();
    }

    @Test
    void multipartWithoutABoundary() throws Exception {
        assertRefused(400, RawSocket.post(emulator, upload("no-boundary"), "multipart/form-data",
                bytes(part("b", "Content-Disposition: form-data; name=\"dataFile\"; filename=\"d.ldjson\"", LINE)
                        + "--b--\r\n")), "no boundary");
    }

    @Test
    void multipartWithAnotherBoundary() throws Exception {
        assertRefused(400, RawSocket.post(emulator, upload("wrong-boundary"), "multipart/form-data; boundary=other",
                bytes(part("b", "Content-Disposition: form-data; name=\"dataFile\"; filename=\"d.ldjson\"", LINE)
                        + "--b--\r\n")), "wrong boundary");
    }

    @Test
    void multipartCutShort() throws Exception {
        String whole = part("b", "Content-Disposition: form-data; name=\"dataFile\"; filename=\"d.ldjson\"", LINE)
                + "--b--\r\n";
        assertRefused(400, RawSocket.post(emulator, upload("truncated"), "multipart/form-data; boundary=b",
                bytes(whole.substring(0, whole.length() / 2))), "truncated");
    }

    @Test
    void multipartWithAnEmptyBody() throws Exception {
        assertRefused(400, RawSocket.post(emulator, upload("empty"), "multipart/form-data; boundary=b", new byte[0]),
                "empty multipart");
        assertRefused(400, RawSocket.post(emulator, "/v2/crm/map/users?clientRequestId=empty-users&" + IDS,
                "multipart/form-data; boundary=b", new byte[0]), "empty multipart to map/users");
    }

    @Test
    void partWithoutContentDisposition() throws Exception {
        assertRefused(400, RawSocket.post(emulator, upload("no-disposition"), "multipart/form-data; boundary=b",
                bytes(part("b", "Content-Type: application/octet-stream", LINE) + "--b--\r\n")),
                "no Content-Disposition");
    }

    @Test
    void nulInTheFileName() throws Exception {
        assertRefused(400, RawSocket.post(emulator, upload("nul-name"), "multipart/form-data; boundary=b",
                bytes(part("b", "Content-Disposition: form-data; name=\"dataFile\"; filename=\"d\u0000.ldjson\"", LINE)
                        + "--b--\r\n")), "NUL in the file name");
    }

    @Test
    void moreThanAThousandParts() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            body.append(part("b", "Content-Disposition: form-data; name=\"p" + i + "\"", "x"));
        }
        body.append(part("b", "Content-Disposition: form-data; name=\"dataFile\"; filename=\"d.ldjson\"", LINE));
        body.append("--b--\r\n");
        assertRefused(400, RawSocket.post(emulator, upload("many-parts"), "multipart/form-data; boundary=b",
                bytes(body.toString())), "1,001 parts");
    }

    @Test
    void chunkedUploadOverTheLimit() throws Exception {
        byte[] head = bytes("--b\r\nContent-Disposition: form-data; name=\"dataFile\"; filename=\"d.ldjson\"\r\n\r\n");
        assertRefused(413, RawSocket.postChunked(emulator, upload("chunked-big"), "multipart/form-data; boundary=b",
                head, 300_000, bytes("\r\n--b--\r\n")), "chunked over the limit");
    }

    /**
     * A JSON body over the limit, whether its length is declared or it comes chunked, is refused with
     * Gong's 413 and read to its end (not held): Javalin's own plain-text 413, or "not valid JSON" for
     * a body it stopped reading, told the client nothing it could act on.
     */
    @Test
    void jsonBodiesOverTheLimit() throws Exception {
        byte[] declared = new byte[(int) Http.MAX_JSON_BYTES + 1];
        Arrays.fill(declared, (byte) ' ');
        for (String request : List.of("POST /v2/crm/object/schema?" + IDS + "&objectType=ACCOUNT",
                "POST /v2/crm/stages?" + IDS, "GET /v2/crm/object/list?" + IDS + "&objectType=ACCOUNT",
                "PUT /v2/crm/integration/new")) {
            String[] methodAndPath = request.split(" ");
            assertRefused(413, RawSocket.send(emulator, request + " HTTP/1.1\r\nContent-Type: application/json"
                    + "\r\nContent-Length: " + declared.length, declared), "declared, " + request);
            assertRefused(413, RawSocket.postChunked(emulator, methodAndPath[0], methodAndPath[1], "application/json",
                    bytes("["), Http.MAX_JSON_BYTES, bytes("]")), "chunked, " + request);
        }
    }

    @Test
    void emptySchemaBody() throws Exception {
        assertRefused(400, RawSocket.post(emulator, "/v2/crm/object/schema?" + IDS + "&objectType=ACCOUNT",
                "application/json", new byte[0]), "empty schema");
        assertRefused(400, RawSocket.post(emulator, "/v2/crm/object/schema?" + IDS + "&objectType=ACCOUNT",
                "application/json", bytes("{\"not\": \"an array\"}")), "schema not an array");
    }

    @Test
    void objectListWithIdsThatAreNotStrings() throws Exception {
        for (String ids : List.of("[1]", "[{\"a\": 1}]", "[null]", "[[\"x\"]]", "[true]")) {
            assertRefused(400, RawSocket.send(emulator, "GET /v2/crm/object/list?" + IDS
                    + "&objectType=ACCOUNT HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
                    + ids.length(), bytes(ids)), "object/list " + ids);
        }
    }

    @Test
    void aLargeUploadRefusedBeforeItIsReadStillGetsItsAnswer() throws Exception {
        // refused on its query or declared length before a byte of the body is read: the unread bytes would
        // reset the connection, and the answer with it
        String body = part("b", "Content-Disposition: form-data; name=\"dataFile\"; filename=\"d.ldjson\"",
                LINE.repeat(150_000)) + "--b--\r\n";
        RawHttp http = new RawHttp(emulator);
        for (String query : List.of("clientRequestId=x&integrationId=1&objectType=ACCOUNT",
                "clientRequestId=x&" + IDS + "&objectType=NOPE", "clientRequestId=big&" + IDS + "&objectType=ACCOUNT")) {
            var answer = http.send("POST", "/v2/crm/object/entities?" + query, "multipart/form-data; boundary=b", body);
            assertEquals(query.contains("big") ? 413 : 400, answer.statusCode(), answer.body());
        }
        log.clear();
    }

    @Test
    void aGoodUploadStillWorksAfterAllThat() throws Exception {
        multipartCutShort();
        moreThanAThousandParts();
        RawSocket.Answer ok = RawSocket.post(emulator, upload("good"), "multipart/form-data; boundary=b",
                bytes(part("b", "Content-Disposition: form-data; name=\"dataFile\"; filename=\"d.ldjson\"", LINE)
                        + "--b--\r\n"));
        assertEquals(201, ok.status(), ok.body());
        assertEquals("DONE", new RawHttp(emulator).awaitFinal("good").path("status").asString());
    }
}
