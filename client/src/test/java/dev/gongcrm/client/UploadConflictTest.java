package dev.gongcrm.client;

import dev.gongcrm.client.model.AsyncProcessingResponse;
import dev.gongcrm.client.model.GenericCrmRegistrationRequest;
import dev.gongcrm.client.model.RequestStatus;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 409 for the clientRequestId after an attempt whose answer was lost is "already accepted" only
 * when the client can show the earlier request was this upload: its id is derived from the bytes
 * sent. Otherwise it is a {@link ClientRequestIdConflictException} that says the file may not have
 * been uploaded, never a silent success.
 */
class UploadConflictTest {

    private static final long INTEGRATION = Emulator.DEFAULT_INTEGRATION_ID;
    private static final String ACCOUNT = "{\"objectId\": \"%s\", \"modifiedDate\": \"2019-01-03T23:45:57Z\", "
            + "\"name\": \"Account %1$s\", \"domains\": [\"a%1$s.com\"]}";

    @TempDir
    Path folder;

    private Emulator emulator;
    private GongCrmClient gong;

    @BeforeEach
    void start() {
        emulator = Emulator.builder().processingDelay(Duration.ofMillis(50)).build().start();
        gong = GongCrmClient.builder().baseUrl(emulator.baseUrl())
                .credentials(Credentials.basic(emulator.accessKey(), emulator.accessKeySecret()))
                .callsPerSecond(0).backoff(Duration.ofMillis(10), Duration.ofMillis(50))
                .pollInterval(Duration.ofMillis(20)).build();
        gong.registerIntegration(new GenericCrmRegistrationRequest("ACME", "joe@example.com"));
    }

    @AfterEach
    void stop() {
        gong.close();
        emulator.close();
    }

    private Path accounts(String name, String... ids) throws Exception {
        return Files.write(folder.resolve(name), List.of(java.util.Arrays.stream(ids).map(ACCOUNT::formatted)
                .toArray(String[]::new)));
    }

    private long arrivals(String clientRequestId) {
        return emulator.arrivals().stream().filter(arrival -> arrival.endsWith(" " + clientRequestId)).count();
    }

    @Test
    void aConflictAfterAServerErrorWithAnIdOfAnEarlierDifferentUploadIsAnErrorNotASuccess() throws Exception {
        gong.uploadObjects(accounts("monday.ldjson", "a1"), "daily-accounts", INTEGRATION, ObjectType.ACCOUNT);
        gong.awaitRequest("daily-accounts", INTEGRATION, Duration.ofSeconds(5));

        emulator.faults().next(1, Fault.serverError());
        Path tuesday = accounts("tuesday.ldjson", "a2", "a3");
        ClientRequestIdConflictException conflict = assertThrows(ClientRequestIdConflictException.class,
                () -> gong.uploadObjects(tuesday, "daily-accounts", INTEGRATION, ObjectType.ACCOUNT));
        assertEquals(409, conflict.statusCode());
        assertEquals("daily-accounts", conflict.clientRequestId());
        assertTrue(conflict.afterLostAttempt());
        assertTrue(conflict.getMessage().contains("may not have been uploaded"), conflict.getMessage());
        assertTrue(conflict.getMessage().contains("HTTP 500"), conflict.getMessage());
        assertEquals(1, arrivals("daily-accounts"), "only Monday's file reached Gong");
        assertEquals(null, gong.getObjects(List.of("a2"), INTEGRATION, ObjectType.ACCOUNT).crmObjectsMap().get("a2"));
    }

    @Test
    void aLostAnswerWithAnIdThatDoesNotShowTheContentIsAnErrorThatSaysItCannotTell() throws Exception {
        emulator.faults().next(1, Fault.dropConnection());
        ClientRequestIdConflictException conflict = assertThrows(ClientRequestIdConflictException.class,
                () -> gong.uploadObjects(accounts("accounts.ldjson", "a1"), "lost-response", INTEGRATION,
                        ObjectType.ACCOUNT));
        assertTrue(conflict.afterLostAttempt());
        assertTrue(conflict.getMessage().contains("cannot tell"), conflict.getMessage());
        assertTrue(conflict.getMessage().contains("requestStatus"), conflict.getMessage());
    }

    @Test
    void aLostAnswerWithAnIdDerivedFromTheContentIsAlreadyAccepted() throws Exception {
        Path file = accounts("accounts.ldjson", "a1", "a2");
        String id = GongCrmClient.contentRequestId("accounts", file);
        assertTrue(id.startsWith("accounts-"), id);
        assertEquals(id, GongCrmClient.contentRequestId("accounts", file, 0, Files.size(file)));
        emulator.faults().next(1, Fault.dropConnection());
        AsyncProcessingResponse upload = gong.uploadObjects(file, id, INTEGRATION, ObjectType.ACCOUNT);
        assertTrue(upload.alreadyAccepted());
        assertEquals(1, arrivals(id));
        assertEquals(RequestStatus.DONE, gong.awaitRequest(id, INTEGRATION, Duration.ofSeconds(5)).status());
    }

    @Test
    void anIdDerivedFromOtherContentIsNotTakenForThisUpload() throws Exception {
        Path monday = accounts("monday.ldjson", "a1");
        String mondayId = GongCrmClient.contentRequestId("accounts", monday);
        gong.uploadObjects(monday, mondayId, INTEGRATION, ObjectType.ACCOUNT);

        Path tuesday = accounts("tuesday.ldjson", "a2");
        assertNotEquals(mondayId, GongCrmClient.contentRequestId("accounts", tuesday));
        emulator.faults().next(1, Fault.serverError());
        ClientRequestIdConflictException conflict = assertThrows(ClientRequestIdConflictException.class,
                () -> gong.uploadObjects(tuesday, mondayId, INTEGRATION, ObjectType.ACCOUNT));
        assertTrue(conflict.afterLostAttempt());
        assertTrue(conflict.getMessage().contains("other content"), conflict.getMessage());
    }

    @Test
    void aPartOfAFileIsJudgedByTheBytesOfThatPart() throws Exception {
        Path file = accounts("accounts.ldjson", "a1", "a2");
        long half = Files.readAllLines(file).get(0).length() + 1;
        String firstPart = GongCrmClient.contentRequestId("part", file, 0, half);
        emulator.faults().next(1, Fault.dropConnection());
        assertTrue(gong.uploadObjects(file, 0, half, firstPart, INTEGRATION, ObjectType.ACCOUNT, sent -> { })
                .data().alreadyAccepted());
        emulator.faults().next(1, Fault.serverError());
        assertThrows(ClientRequestIdConflictException.class, () -> gong.uploadObjects(file, half,
                Files.size(file) - half, firstPart, INTEGRATION, ObjectType.ACCOUNT, sent -> { }));
    }

    @Test
    void aConflictWithNoEarlierAttemptIsTheSameTypedErrorForTheCallerToJudge() throws Exception {
        Path file = accounts("accounts.ldjson", "a1");
        String id = GongCrmClient.contentRequestId("accounts", file);
        gong.uploadObjects(file, id, INTEGRATION, ObjectType.ACCOUNT);
        // even with the same content: only the caller knows whether that earlier request still stands
        ClientRequestIdConflictException conflict = assertThrows(ClientRequestIdConflictException.class,
                () -> gong.uploadObjects(file, id, INTEGRATION, ObjectType.ACCOUNT));
        assertEquals(409, conflict.statusCode());
        assertFalse(conflict.afterLostAttempt());
        assertTrue(conflict.getMessage().contains("clientRequestId [" + id + "] already exists"),
                conflict.getMessage());
        assertTrue(conflict.getMessage().contains("was not uploaded"), conflict.getMessage());
    }

    @Test
    void aConflictAfterA429IsPlainBecauseA429IsNeverProcessed() throws Exception {
        gong.uploadObjects(accounts("monday.ldjson", "a1"), "daily", INTEGRATION, ObjectType.ACCOUNT);
        // a 429 is not processed: the 409 after it is a plain conflict
        emulator.faults().next(1, Fault.rateLimited(0));
        ClientRequestIdConflictException conflict = assertThrows(ClientRequestIdConflictException.class,
                () -> gong.uploadObjects(accounts("tuesday.ldjson", "a2"), "daily", INTEGRATION, ObjectType.ACCOUNT));
        assertFalse(conflict.afterLostAttempt(), conflict.getMessage());
    }
}
