package dev.gongcrm.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static dev.gongcrm.emulator.RawHttp.IDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stored objects do not live on the heap: an emulator in a JVM of 192 MB (that exits on
 * OutOfMemoryError) takes upload after upload of 10,000 new deals, answers every one, and still
 * serves the first upload's objects at the end.
 */
class BoundedMemoryTest {

    /** On the heap, 10,000 such deals took 13 MB: 16 uploads are past what 192 MB can hold. */
    private static final int UPLOADS = 16;
    private static final int DEALS = 10_000;

    @TempDir
    Path folder;

    /** The emulator side, in its own small JVM: prints its port, runs until its stdin closes. */
    public static void main(String[] args) throws Exception {
        try (Emulator emulator = Emulator.builder().processingDelay(Duration.ZERO).build().start()) {
            System.out.println("port " + emulator.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close stdin
            }
        }
    }

    private static String deals(int upload) {
        StringBuilder lines = new StringBuilder(DEALS * 260);
        for (int i = 0; i < DEALS; i++) {
            lines.append("{\"objectId\": \"deal-").append(upload).append('-').append(i)
                    .append("\", \"modifiedDate\": \"2022-02-04T18:24:59Z\", \"accountId\": \"acc-").append(i % 500)
                    .append("\", \"ownerId\": \"u-1\", \"name\": \"Deal ").append(upload).append('-').append(i)
                    .append("\", \"createdDate\": \"2022-02-04T17:57:23Z\", \"closeDate\": \"2022-09-04\", ")
                    .append("\"isOpen\": true, \"isWon\": false, \"stage\": \"discovery\", \"amount\": 7000}\n");
        }
        return lines.toString();
    }

    @Test
    void uploadsOfTenThousandDealsKeepBeingAnsweredInA192MegabyteHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = folder.resolve("emulator.log");
        Process child = new ProcessBuilder(java, "-Xmx192m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), BoundedMemoryTest.class.getName())
                .redirectError(log.toFile()).start();
        try {
            String first = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertNotNull(first, () -> "the emulator did not start: " + read(log));
            RawHttp gong = new RawHttp("http://127.0.0.1:" + first.substring("port ".length()));
            gong.register();
            for (int upload = 0; upload < UPLOADS; upload++) {
                String id = "deals-" + upload;
                HttpResponse<String> accepted;
                JsonNode status;
                try {
                    accepted = gong.upload("/v2/crm/object/entities?clientRequestId=" + id + "&" + IDS
                            + "&objectType=DEAL", deals(upload));
                    assertEquals(201, accepted.statusCode(), accepted.body());
                    status = gong.awaitFinal(id);
                } catch (java.io.IOException e) {
                    child.waitFor(5, TimeUnit.SECONDS);
                    throw new AssertionError("upload " + (upload + 1) + " of " + UPLOADS + ": the emulator stopped "
                            + "answering (" + e + ")" + (child.isAlive() ? "" : ", it exited with "
                            + child.exitValue()) + ": " + read(log), e);
                }
                assertTrue(child.isAlive(), () -> "the emulator died: " + read(log));
                assertEquals("DONE", status.path("status").asString(), status.toString());
                assertEquals(DEALS, status.path("totalSuccessCount").asInt(), status.toString());
            }
            HttpResponse<String> objects = gong.sendJson("GET", "/v2/crm/object/list?" + IDS + "&objectType=DEAL",
                    "[\"deal-0-0\", \"deal-" + (UPLOADS - 1) + "-" + (DEALS - 1) + "\"]");
            assertEquals(200, objects.statusCode(), objects.body());
            JsonNode found = RawHttp.json(objects).path("crmObjectsMap");
            assertEquals("Deal 0-0", found.path("deal-0-0").path("name").asString(), objects.body());
            assertEquals("Deal " + (UPLOADS - 1) + "-" + (DEALS - 1),
                    found.path("deal-" + (UPLOADS - 1) + "-" + (DEALS - 1)).path("name").asString(), objects.body());
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(20, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (Exception e) {
            return "(no log: " + e + ")";
        }
    }
}
