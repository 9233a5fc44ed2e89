package dev.gongcrm.client;

import dev.gongcrm.client.model.AsyncProcessingResponse;
import dev.gongcrm.client.model.GenericCrmRegistrationRequest;
import dev.gongcrm.emulator.Emulator;
import dev.gongcrm.validator.ObjectType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A 200 MB upload streams from disk: a client JVM limited to 64 MB of heap sends it whole. */
class LargeUploadTest {

    private static final long SIZE = 200_000_000L;

    @TempDir
    Path folder;

    /** The client side, run in its own small JVM: {@code baseUrl file}. */
    public static void main(String[] args) {
        try (GongCrmClient client = GongCrmClient.builder().baseUrl(args[0])
                .credentials(Credentials.basic(Emulator.DEFAULT_CREDENTIAL, Emulator.DEFAULT_CREDENTIAL)).build()) {
            AsyncProcessingResponse accepted = client.uploadObjects(Path.of(args[1]), "large-upload",
                    Emulator.DEFAULT_INTEGRATION_ID, ObjectType.DEAL);
            System.out.println("accepted " + accepted.clientRequestId() + " " + accepted.requestId());
        }
    }

    @Test
    void twoHundredMegabytesUploadWithASixtyFourMegabyteHeap() throws Exception {
        Path deals = folder.resolve("deals.ldjson");
        try (BufferedWriter out = Files.newBufferedWriter(deals, StandardCharsets.UTF_8)) {
            long written = 0;
            for (int i = 0; written < SIZE; i++) {
                String line = "{\"objectId\": \"deal-" + i + "\", \"modifiedDate\": \"2022-02-04T18:24:59Z\", "
                        + "\"accountId\": \"acc-1\", \"ownerId\": \"u-1\", \"name\": \"Deal " + i + "\", "
                        + "\"createdDate\": \"2022-02-04T17:57:23Z\", \"closeDate\": \"2022-09-04\", \"isOpen\": true, "
                        + "\"isWon\": false, \"stage\": \"discovery\", \"amount\": 7000}\n";
                out.write(line);
                written += line.length();
            }
        }
        try (Emulator emulator = Emulator.builder().processingDelay(Duration.ofMinutes(10)).build().start();
             GongCrmClient admin = GongCrmClient.builder().baseUrl(emulator.baseUrl())
                     .credentials(Credentials.basic(emulator.accessKey(), emulator.accessKeySecret())).build()) {
            admin.registerIntegration(new GenericCrmRegistrationRequest("large", "large@example.com"));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                    LargeUploadTest.class.getName(), emulator.baseUrl(), deals.toString())
                    .redirectErrorStream(true).redirectOutput(folder.resolve("child.log").toFile()).start();
            assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the upload finished");
            String log = Files.readString(folder.resolve("child.log"));
            assertEquals(0, child.exitValue(), log);
            assertTrue(log.contains("accepted large-upload "), log);
            assertEquals("PENDING", admin.requestStatus("large-upload", Emulator.DEFAULT_INTEGRATION_ID).status().name());
        }
        assertTrue(new File(deals.toString()).length() >= SIZE);
    }
}
