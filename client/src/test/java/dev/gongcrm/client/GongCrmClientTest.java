package dev.gongcrm.client;

import dev.gongcrm.client.model.AsyncProcessingResponse;
import dev.gongcrm.client.model.GenericCrmRegistrationRequest;
import dev.gongcrm.client.model.GenericDealStageRequest;
import dev.gongcrm.client.model.GetGenericCrmObjectsResponse;
import dev.gongcrm.client.model.ListSelectedFieldsResponse;
import dev.gongcrm.client.model.RequestStatus;
import dev.gongcrm.client.model.RequestStatusResponse;
import dev.gongcrm.client.model.SchemaField;
import dev.gongcrm.emulator.Emulator;
import dev.gongcrm.emulator.Fault;
import dev.gongcrm.validator.ObjectType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client against the emulator on loopback: every operation and every error path, no HTTP mocks. */
class GongCrmClientTest {

    private static final long INTEGRATION = Emulator.DEFAULT_INTEGRATION_ID;
    private static final String ACCOUNT = "{\"objectId\": \"%s\", \"modifiedDate\": \"2019-01-03T23:45:57Z\", "
            + "\"name\": \"Account %1$s\", \"domains\": [\"a%1$s.com\"]}";

    @TempDir
    Path folder;

    private Emulator emulator;
    private GongCrmClient gong;

    @BeforeEach
    void start() {
        emulator = Emulator.builder().processingDelay(Duration.ofMillis(300)).build().start();
        gong = client(GongCrmClient.builder());
    }

    @AfterEach
    void stop() {
        gong.close();
        emulator.close();
    }

    private GongCrmClient client(GongCrmClient.Builder builder) {
        return builder.baseUrl(emulator.baseUrl())
                .credentials(Credentials.basic(emulator.accessKey(), emulator.accessKeySecret()))
                .callsPerSecond(0)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(50))
                .pollInterval(Duration.ofMillis(20))
                .build();
    }

    private void register() {
        gong.registerIntegration(new GenericCrmRegistrationRequest("ACME Sandbox", "joe.doe@example.com"));
    }

    private Path file(String name, List<String> lines) throws Exception {
        return Files.write(folder.resolve(name), lines);
    }

    private List<String> accounts(int count) {
        return IntStream.range(0, count).mapToObj(i -> ACCOUNT.formatted("acc-" + i)).toList();
    }

    @Test
    void registersListsAndDeletesTheOneIntegrationWithItsSixtyFourBitId() {
        ApiResponse<?> registered = gong.registerIntegrationWithHttpInfo(
                new GenericCrmRegistrationRequest("ACME Sandbox", "joe.doe@example.com"));
        assertEquals(200, registered.statusCode());
        assertEquals(5517027188234205706L, gong.listIntegrations().integrations().get(0).integrationId());

        GongApiException second = assertThrows(GongApiException.class, this::register);
        assertEquals(409, second.statusCode());
        assertTrue(second.getMessage().contains("Multiple CRM integrations are not supported"), second.getMessage());

        AsyncProcessingResponse deleting = gong.deleteIntegration("delete-1", INTEGRATION);
        assertEquals("delete-1", deleting.clientRequestId());
        assertEquals(RequestStatus.DONE, gong.awaitRequest("delete-1", INTEGRATION, Duration.ofSeconds(5)).status());
        assertEquals(List.of(), gong.listIntegrations().integrations());
    }

    @Test
    void uploadsAndListsSchemaFields() {
        register();
        List<SchemaField> fields = List.of(
                new SchemaField("category", "Category", "PICKLIST", null, List.of("Analyst", "Customer"), null, null),
                new SchemaField("parentAccount", "Parent", "REFERENCE", "ACCOUNT", null, null, "2020-11-11T08:11:34Z"));
        assertNotNull(gong.uploadSchemaFields(fields, INTEGRATION, ObjectType.ACCOUNT).requestId());
        List<SchemaField> listed = gong.listSchemaFields(INTEGRATION, ObjectType.ACCOUNT).fields().get("ACCOUNT");
        // Gong's default schema (the built-in fields) comes first, then the uploaded custom fields
        assertEquals("objectId", listed.get(0).uniqueName());
        assertEquals(fields, listed.subList(listed.size() - fields.size(), listed.size()));

        GongApiException invalid = assertThrows(GongApiException.class, () -> gong.uploadSchemaFields(
                List.of(new SchemaField("tier", "Tier", "PICKLIST", null, null, null, null)), INTEGRATION, ObjectType.DEAL));
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.errors().get(0).contains("orderedValueList"), invalid.errors().toString());
        assertThrows(IllegalArgumentException.class, () -> gong.listSchemaFields(INTEGRATION, ObjectType.STAGE));
    }

    @Test
    void readsTheSchemaListInEitherOfTheDocumentedShapes() {
        String docsExample = "{ \"requestId\": \"afjkzqkqglog7ueki5\", \"selectedFields\": { \"ACCOUNT\": [ "
                + "{ \"name\": \"accountTypePicklist\", \"label\": \"Account Type\", \"type\": \"PICKLIST\", "
                + "\"lastModified\": null, \"isDeleted\": false, \"referenceTo\": null, \"orderedValueList\": null } ] }}";
        ListSelectedFieldsResponse parsed = GongCrmClient.selectedFields(JsonMapper.builder().build().readTree(docsExample));
        assertEquals("accountTypePicklist", parsed.fields().get("ACCOUNT").get(0).uniqueName());
        assertEquals(Boolean.FALSE, parsed.fields().get("ACCOUNT").get(0).isDeleted());
    }

    @Test
    void ignoresFieldsTheSwaggerDoesNotList() {
        dev.gongcrm.client.model.RegisterGenericCrmResponse response = Transport.JSON.readValue(
                "{\"integrationId\": 5517027188234205706, \"requestId\": \"r\", \"newField\": {\"a\": 1}}",
                dev.gongcrm.client.model.RegisterGenericCrmResponse.class);
        assertEquals(5517027188234205706L, response.integrationId());
    }

    @Test
    void faultsCanBeSetWhenTheEmulatorStarts() {
        try (Emulator faulty = Emulator.builder().fault(1, Fault.serverError()).build().start();
             GongCrmClient client = GongCrmClient.builder().baseUrl(faulty.baseUrl())
                     .credentials(Credentials.basic(faulty.accessKey(), faulty.accessKeySecret())).callsPerSecond(0)
                     .backoff(Duration.ofMillis(10), Duration.ofMillis(20)).maxRetries(0).build()) {
            GongApiException error = assertThrows(GongApiException.class, client::listIntegrations);
            assertEquals(500, error.statusCode());
            assertEquals(error.errors(), error.errorResponse().errors());
            assertEquals(List.of(), client.listIntegrations().integrations());
        }
    }

    @Test
    void uploadsObjectsPollsToDoneAndReadsThemBack() throws Exception {
        register();
        Path file = file("accounts.ldjson", accounts(3));
        ApiResponse<AsyncProcessingResponse> accepted = gong.uploadObjectsWithHttpInfo(file, "accounts-1", INTEGRATION,
                ObjectType.ACCOUNT);
        assertEquals(201, accepted.statusCode());
        assertFalse(accepted.data().alreadyAccepted());
        assertEquals(RequestStatus.PENDING, gong.requestStatus("accounts-1", INTEGRATION).status());
        RequestStatusResponse done = gong.awaitRequest("accounts-1", INTEGRATION, Duration.ofSeconds(5));
        assertEquals(RequestStatus.DONE, done.status());
        assertEquals(3, done.totalSuccessCount());
        GetGenericCrmObjectsResponse objects = gong.getObjects(List.of("acc-1", "nope"), INTEGRATION, ObjectType.ACCOUNT);
        assertEquals("Account acc-1", objects.crmObjectsMap().get("acc-1").path("name").asString());
        assertTrue(objects.crmObjectsMap().containsKey("nope"));
        assertNull(objects.crmObjectsMap().get("nope"));
    }

    @Test
    void goesThroughPendingAndInProgressToDone() throws Exception {
        register();
        gong.uploadObjects(file("accounts.ldjson", accounts(1)), "states", INTEGRATION, ObjectType.ACCOUNT);
        List<RequestStatus> seen = new ArrayList<>();
        RequestStatus status;
        do {
            status = gong.requestStatus("states", INTEGRATION).status();
            if (seen.isEmpty() || seen.get(seen.size() - 1) != status) {
                seen.add(status);
            }
            Thread.sleep(20);
        } while (!status.isFinal());
        assertEquals(List.of(RequestStatus.PENDING, RequestStatus.IN_PROGRESS, RequestStatus.DONE), seen);
    }

    @Test
    void failedUploadsReportTheFirstTwentyLineErrorsInGongsWords() throws Exception {
        register();
        List<String> lines = new ArrayList<>(accounts(2));
        for (int i = 0; i < 30; i++) {
            lines.add("{\"modifiedDate\": \"2019-01-03T23:45:57Z\", \"name\": \"No id\", \"domains\": [\"x.com\"]}");
        }
        gong.uploadObjects(file("accounts.ldjson", lines), "bad-accounts", INTEGRATION, ObjectType.ACCOUNT);
        RequestStatusResponse failed = gong.awaitRequest("bad-accounts", INTEGRATION, Duration.ofSeconds(5));
        assertEquals(RequestStatus.FAILED, failed.status());
        assertEquals(20, failed.errors().size());
        assertEquals(30, failed.totalErrorCount());
        assertEquals(2, failed.totalSuccessCount());
        assertEquals(3, failed.errors().get(0).line());
        assertEquals("Mandatory field [objectId] is missing or empty", failed.errors().get(0).description());
    }

    @Test
    void getObjectsSplitsMoreThanAHundredIdsIntoCallsOfAHundred() throws Exception {
        register();
        gong.uploadObjects(file("accounts.ldjson", accounts(250)), "many", INTEGRATION, ObjectType.ACCOUNT);
        gong.awaitRequest("many", INTEGRATION, Duration.ofSeconds(10));
        List<String> ids = IntStream.range(0, 250).mapToObj(i -> "acc-" + i).collect(Collectors.toList());
        GetGenericCrmObjectsResponse objects = gong.getObjects(ids, INTEGRATION, ObjectType.ACCOUNT);
        assertEquals(250, objects.crmObjectsMap().size());
        assertTrue(objects.crmObjectsMap().values().stream().allMatch(java.util.Objects::nonNull));
    }

    @Test
    void aReusedClientRequestIdIsAConflictWhenNoEarlierAttemptWasLost() throws Exception {
        register();
        Path file = file("accounts.ldjson", accounts(1));
        gong.uploadObjects(file, "once", INTEGRATION, ObjectType.ACCOUNT);
        GongApiException conflict = assertThrows(GongApiException.class,
                () -> gong.uploadObjects(file, "once", INTEGRATION, ObjectType.ACCOUNT));
        assertEquals(409, conflict.statusCode());
        assertTrue(conflict.getMessage().contains("clientRequestId [once] already exists"), conflict.getMessage());
    }

    @Test
    void anUploadWhoseResponseWasLostIsReportedAsAlreadyAcceptedWhenItsIdProvesItOurs() throws Exception {
        register();
        Path file = file("accounts.ldjson", accounts(2));
        String id = GongCrmClient.contentRequestId("lost-response", file);
        emulator.faults().next(1, Fault.dropConnection());
        AsyncProcessingResponse upload = gong.uploadObjects(file, id, INTEGRATION, ObjectType.ACCOUNT);
        assertTrue(upload.alreadyAccepted());
        assertEquals(RequestStatus.DONE, gong.awaitRequest(id, INTEGRATION, Duration.ofSeconds(5)).status());
    }

    @Test
    void droppedConnectionsAndServerErrorsAreRetried() {
        register();
        emulator.faults().next(1, Fault.dropConnection()).next(2, Fault.serverError());
        assertEquals(1, gong.listIntegrations().integrations().size());
    }

    @Test
    void tooManyServerErrorsEndInAnErrorThatSaysHowOftenItTried() {
        try (GongCrmClient twice = client(GongCrmClient.builder().maxRetries(1))) {
            emulator.faults().next(5, Fault.serverError());
            GongApiException error = assertThrows(GongApiException.class, twice::listIntegrations);
            assertEquals(500, error.statusCode());
            assertTrue(error.getMessage().contains("after 2 attempts"), error.getMessage());
        }
    }

    @Test
    void rateLimitedCallsWaitForRetryAfter() {
        emulator.faults().next(1, Fault.rateLimited(1));
        long start = System.nanoTime();
        gong.listIntegrations();
        assertTrue(System.nanoTime() - start >= 950_000_000L, "waited for Retry-After: 1");
    }

    @Test
    void registrationIsNotRetriedBlindly() {
        emulator.faults().next(1, Fault.serverError());
        GongApiException error = assertThrows(GongApiException.class, this::register);
        assertEquals(500, error.statusCode());
        assertEquals(List.of(), gong.listIntegrations().integrations());
    }

    @Test
    void aSlowServerTimesOut() {
        try (GongCrmClient impatient = client(GongCrmClient.builder().requestTimeout(Duration.ofMillis(200)).maxRetries(0))) {
            emulator.faults().next(1, Fault.delay(Duration.ofSeconds(2)));
            GongApiException error = assertThrows(GongApiException.class, impatient::listIntegrations);
            assertEquals(0, error.statusCode());
            assertTrue(error.getMessage().contains("timed out"), error.getMessage());
        }
    }

    @Test
    void wrongCredentialsAre401AndTheSecretIsNeverShown() {
        List<String> debug = new ArrayList<>();
        try (GongCrmClient intruder = GongCrmClient.builder().baseUrl(emulator.baseUrl())
                .credentials(Credentials.basic("gongcrm", "s3cr3t-value")).callsPerSecond(0).debug(debug::add).build()) {
            GongApiException denied = assertThrows(GongApiException.class, intruder::listIntegrations);
            assertEquals(401, denied.statusCode());
            assertFalse(denied.getMessage().contains("s3cr3t"), denied.getMessage());
            assertTrue(debug.get(0).contains("Authorization: [redacted]"), debug.get(0));
            String encoded = java.util.Base64.getEncoder().encodeToString("gongcrm:s3cr3t-value".getBytes());
            assertTrue(debug.stream().noneMatch(line -> line.contains(encoded) || line.contains("s3cr3t")));
        }
        assertEquals("Basic[redacted]", Credentials.basic("k", "s3cr3t").toString());
    }

    @Test
    void bearerTokensAuthenticateToo() {
        try (Emulator withToken = Emulator.builder().bearerToken("token-123").build().start();
             GongCrmClient client = GongCrmClient.builder().baseUrl(withToken.baseUrl())
                     .credentials(Credentials.bearer("token-123")).build()) {
            assertEquals(List.of(), client.listIntegrations().integrations());
        }
    }

    @Test
    void checksArgumentsBeforeSendingAnything() throws Exception {
        Path file = file("accounts.ldjson", accounts(1));
        assertThrows(IllegalArgumentException.class, () -> gong.uploadObjects(file, "has space", INTEGRATION, ObjectType.ACCOUNT));
        assertThrows(IllegalArgumentException.class, () -> gong.uploadObjects(null, "id", INTEGRATION, ObjectType.ACCOUNT));
        assertThrows(IllegalArgumentException.class, () -> gong.uploadObjects(file, "id", INTEGRATION, null));
        assertThrows(IllegalArgumentException.class, () -> gong.requestStatus(null, INTEGRATION));
        assertThrows(IllegalArgumentException.class, () -> gong.getObjects(List.of("a"), INTEGRATION, ObjectType.BUSINESS_USER));
        IllegalArgumentException http = assertThrows(IllegalArgumentException.class, () -> GongCrmClient.builder()
                .baseUrl("http://api.example.com").credentials(Credentials.bearer("t")).build());
        assertTrue(http.getMessage().contains("must use https"));
        GongCrmClient.builder().baseUrl("https://us-1234.api.example.com").credentials(Credentials.bearer("t")).build().close();
    }

    @Test
    @SuppressWarnings("deprecation")
    void deprecatedCallsStillWork() throws Exception {
        register();
        gong.uploadStages(List.of(new GenericDealStageRequest("discovery", "Discovery", true, 1)), INTEGRATION);
        Path users = file("users.ldjson", List.of("{\"crmUserId\": \"u1\", \"emailAddress\": \"u1@example.com\"}"));
        gong.mapUsers(users, "map-1", INTEGRATION);
        assertEquals(RequestStatus.DONE, gong.awaitRequest("map-1", INTEGRATION, Duration.ofSeconds(5)).status());
    }

    @Test
    void pollingGivesUpAfterItsTimeout() throws Exception {
        try (Emulator slow = Emulator.builder().processingDelay(Duration.ofSeconds(30)).build().start();
             GongCrmClient client = GongCrmClient.builder().baseUrl(slow.baseUrl())
                     .credentials(Credentials.basic(slow.accessKey(), slow.accessKeySecret())).callsPerSecond(0)
                     .pollInterval(Duration.ofMillis(20)).build()) {
            client.registerIntegration(new GenericCrmRegistrationRequest("x", "x@example.com"));
            client.uploadObjects(file("accounts.ldjson", accounts(1)), "slow", INTEGRATION, ObjectType.ACCOUNT);
            GongApiException timeout = assertThrows(GongApiException.class,
                    () -> client.awaitRequest("slow", INTEGRATION, Duration.ofMillis(200)));
            assertTrue(timeout.getMessage().contains("still PENDING"), timeout.getMessage());
        }
    }

    @Test
    void theClientSideRateLimitSpacesCalls() {
        try (GongCrmClient limited = GongCrmClient.builder().baseUrl(emulator.baseUrl())
                .credentials(Credentials.basic(emulator.accessKey(), emulator.accessKeySecret()))
                .callsPerSecond(10).build()) {
            long start = System.nanoTime();
            for (int i = 0; i < 6; i++) {
                limited.listIntegrations();
            }
            assertTrue(System.nanoTime() - start >= 450_000_000L, "6 calls at 10/s take at least 0.5 s");
        }
    }
}
