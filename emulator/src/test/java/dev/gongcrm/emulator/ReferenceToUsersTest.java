package dev.gongcrm.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static dev.gongcrm.emulator.RawHttp.IDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A custom REFERENCE field to users may say referenceTo USER, as both descriptions document, or
 * BUSINESS_USER, the type's name on the upload endpoint, which public clients of the current API send:
 * the schema endpoint of each generation takes either (the emulator never refuses what Gong takes).
 */
class ReferenceToUsersTest {

    private Emulator emulator;
    private RawHttp gong;

    @BeforeEach
    void start() throws Exception {
        emulator = Emulator.builder().processingDelay(Duration.ofMillis(10)).build().start();
        gong = new RawHttp(emulator);
        gong.register();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void bothGenerationsTakeUserAndBusinessUser() throws Exception {
        for (ApiFamily family : ApiFamily.values()) {
            for (String referenceTo : List.of("USER", "BUSINESS_USER")) {
                HttpResponse<String> answer = gong.sendJson("POST", family.uploadSchema + "?" + IDS + "&objectType=DEAL",
                        "[{\"uniqueName\": \"salesEngineer\", \"label\": \"Sales Engineer\", \"type\": \"REFERENCE\", "
                                + "\"referenceTo\": \"" + referenceTo + "\"}]");
                assertEquals(family.schemaAccepted, answer.statusCode(), family + " " + referenceTo + ": " + answer.body());
                String listed = gong.send("GET", family.listSchema + "?" + IDS + "&objectType=DEAL", null, null).body();
                assertTrue(listed.contains("\"referenceTo\":\"" + referenceTo + "\""), listed);
            }
        }
    }
}
