package dev.gongcrm.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static dev.gongcrm.emulator.RawHttp.IDS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An upload's file is on disk only until it is processed or refused: none stays in the emulator's folder. */
class UploadFilesTest {

    private static final String ACCOUNT = "{\"objectId\": \"a1\", \"modifiedDate\": \"2024-01-02T03:04:05Z\", "
            + "\"name\": \"Acme\", \"domains\": [\"acme.com\"]}";
    private static final String USER = "{\"crmUserId\": \"u1\", \"emailAddress\": \"ann@example.com\"}";

    private Emulator emulator;
    private RawHttp gong;

    @BeforeEach
    void start() throws Exception {
        emulator = Emulator.builder().processingDelay(Duration.ofMillis(10)).maxUploadBytes(4_000_000).build().start();
        gong = new RawHttp(emulator);
        gong.register();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private List<Path> filesLeft() throws Exception {
        try (Stream<Path> files = Files.walk(emulator.uploadFolder())) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void noFileIsLeftAfterA409() throws Exception {
        assertEquals(201, gong.upload("/v2/crm/object/entities?clientRequestId=once&" + IDS + "&objectType=ACCOUNT",
                ACCOUNT).statusCode());
        gong.awaitFinal("once");
        assertEquals(List.of(), filesLeft());
        // a large body too (multipart spills it to disk on the way in)
        String large = (ACCOUNT + "\n").repeat(20_000);
        assertEquals(409, gong.upload("/v2/crm/object/entities?clientRequestId=once&" + IDS + "&objectType=ACCOUNT",
                large).statusCode());
        assertEquals(409, gong.upload("/v2/crm/map/users?clientRequestId=once&" + IDS, USER).statusCode());
        assertEquals(List.of(), filesLeft());
    }

    @Test
    void noFileIsLeftAfterMapUsers() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(201, gong.upload("/v2/crm/map/users?clientRequestId=users-" + i + "&" + IDS, USER)
                    .statusCode());
            gong.awaitFinal("users-" + i);
        }
        assertEquals(201, gong.upload("/v2/crm/map/users?clientRequestId=users-large&" + IDS,
                (USER + "\n").repeat(30_000)).statusCode());
        gong.awaitFinal("users-large");
        assertEquals(List.of(), filesLeft());
    }

    @Test
    void noFileIsLeftAfterARefusedUpload() throws Exception {
        String large = (ACCOUNT + "\n").repeat(20_000);
        assertEquals(400, gong.upload("/v2/crm/object/entities?clientRequestId=x&integrationId=1&objectType=ACCOUNT",
                large).statusCode());
        assertEquals(400, gong.upload("/v2/crm/object/entities?clientRequestId=x&" + IDS + "&objectType=NOPE",
                large).statusCode());
        assertEquals(413, gong.upload("/v2/crm/object/entities?clientRequestId=x&" + IDS + "&objectType=ACCOUNT",
                (ACCOUNT + "\n").repeat(50_000)).statusCode());
        assertEquals(List.of(), filesLeft());
    }
}
