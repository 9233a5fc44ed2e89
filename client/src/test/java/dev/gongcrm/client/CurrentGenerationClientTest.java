package dev.gongcrm.client;

import dev.gongcrm.client.model.AsyncProcessingResponse;
import dev.gongcrm.client.model.GenericCrmRegistrationRequest;
import dev.gongcrm.client.model.GetGenericCrmObjectsResponse;
import dev.gongcrm.client.model.RequestStatus;
import dev.gongcrm.client.model.SchemaField;
import dev.gongcrm.client.model.SchemaUpdateResponse;
import dev.gongcrm.emulator.Emulator;
import dev.gongcrm.emulator.Fault;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.schema.ProfileSchemas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The current generation's operations ({@code client.current()}) against the emulator on loopback. */
class CurrentGenerationClientTest {

    private static final long INTEGRATION = Emulator.DEFAULT_INTEGRATION_ID;
    private static final String ACCOUNT = "{\"objectId\": \"%s\", \"modifiedDate\": \"2019-01-03T23:45:57Z\", "
            + "\"name\": \"Account %1$s\", \"domains\": [\"a%1$s.com\"]}";

    @TempDir
    Path folder;

    private final List<String> debug = Collections.synchronizedList(new ArrayList<>());
    private Emulator emulator;
    private GongCrmClient client;
    private CrmApi gong;

    @BeforeEach
    void start() {
        emulator = Emulator.builder().processingDelay(Duration.ofMillis(40)).build().start();
        client = GongCrmClient.builder().baseUrl(emulator.baseUrl())
                .credentials(Credentials.basic(emulator.accessKey(), emulator.accessKeySecret()))
                .callsPerSecond(0).backoff(Duration.ofMillis(10), Duration.ofMillis(50))
                .pollInterval(Duration.ofMillis(20)).debug(debug::add).build();
        gong = client.api(ApiGeneration.ofProfile("current"));
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    private void register() {
        gong.registerIntegration(new GenericCrmRegistrationRequest("ACME", "joe@example.com"));
    }

    private Path accounts(String name, int count) throws Exception {
        return Files.write(folder.resolve(name), IntStream.range(0, count)
                .mapToObj(i -> ACCOUNT.formatted("acc-" + i)).toList());
    }

    /** The requests sent to {@code path}, as the debug log shows them. */
    private List<String> sent(String method, String path) {
        return debug.stream().filter(line -> line.startsWith("-> " + method + " " + emulator.baseUrl() + path + "?")
                || line.startsWith("-> " + method + " " + emulator.baseUrl() + path + " ")).toList();
    }

    @Test
    void theProfileNamesTheGeneration() {
        assertEquals(ApiGeneration.CURRENT, gong.generation());
        assertEquals(ApiGeneration.LEGACY, client.api(ApiGeneration.ofProfile("legacy")).generation());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ApiGeneration.ofProfile("newest"));
        assertEquals("unknown profile 'newest'; available: legacy, current", unknown.getMessage());
        for (String profile : ProfileSchemas.PROFILES) {
            assertEquals(profile, ApiGeneration.ofProfile(profile).profile(), "every validation profile has a generation");
        }
    }

    @Test
    void registersListsAndDeletesThroughTheIntegrationsPath() {
        register();
        assertEquals(1, sent("PUT", "/v2/crm/integrations").size(), debug.toString());
        assertEquals(INTEGRATION, gong.listIntegrations().integrations().get(0).integrationId());
        assertEquals(INTEGRATION, client.listIntegrations().integrations().get(0).integrationId(), "one integration");
        ApiResponse<AsyncProcessingResponse> deleted = gong.deleteIntegrationWithHttpInfo("delete-1", INTEGRATION);
        assertEquals(201, deleted.statusCode());
        assertEquals(RequestStatus.DONE, gong.awaitRequest("delete-1", INTEGRATION, Duration.ofSeconds(5)).status());
        assertTrue(gong.listIntegrations().integrations().isEmpty());
        assertEquals(1, sent("DELETE", "/v2/crm/integrations").size(), debug.toString());
    }

    @Test
    void theEntitySchemaAnswers201() {
        register();
        ApiResponse<SchemaUpdateResponse> uploaded = gong.uploadSchemaFieldsWithHttpInfo(List.of(new SchemaField("tier",
                "Tier", "STRING", null, null, null, null)), INTEGRATION, ObjectType.DEAL);
        assertEquals(201, uploaded.statusCode());
        List<SchemaField> fields = gong.listSchemaFields(INTEGRATION, ObjectType.DEAL).fields().get("DEAL");
        assertTrue(fields.stream().anyMatch(field -> "tier".equals(field.uniqueName())), fields.toString());
        assertEquals(1, sent("POST", "/v2/crm/entity-schema").size(), debug.toString());
        assertEquals(1, sent("GET", "/v2/crm/entity-schema").size(), debug.toString());
    }

    @Test
    void getObjectsSendsTheIdsInTheObjectsCrmIdsArrayAHundredACall() throws Exception {
        register();
        ApiResponse<AsyncProcessingResponse> accepted = gong.uploadObjectsWithHttpInfo(accounts("accounts.ldjson", 250),
                "many", INTEGRATION, ObjectType.ACCOUNT);
        assertEquals(201, accepted.statusCode());
        assertEquals(RequestStatus.DONE, gong.awaitRequest("many", INTEGRATION, Duration.ofSeconds(10)).status());
        List<String> ids = IntStream.range(0, 250).mapToObj(i -> "acc-" + i).toList();

        GetGenericCrmObjectsResponse objects = gong.getObjects(ids, INTEGRATION, ObjectType.ACCOUNT);

        assertEquals(ids, List.copyOf(objects.crmObjectsMap().keySet()));
        assertTrue(objects.crmObjectsMap().values().stream().allMatch(Objects::nonNull));
        List<String> calls = sent("GET", "/v2/crm/entities");
        assertEquals(3, calls.size(), debug.toString());
        assertTrue(calls.get(0).contains("objectsCrmIds=acc-0&objectsCrmIds=acc-1&"), calls.get(0));
        assertTrue(calls.get(2).contains("objectsCrmIds=acc-249 "), calls.get(2));
    }

    @Test
    void objectsUploadedThroughTheLegacyPathsAreReadThroughTheCurrentOnes() throws Exception {
        register();
        client.uploadObjects(accounts("accounts.ldjson", 2), "legacy-1", INTEGRATION, ObjectType.ACCOUNT);
        client.awaitRequest("legacy-1", INTEGRATION, Duration.ofSeconds(5));
        assertEquals("Account acc-1", gong.getObjects(List.of("acc-1"), INTEGRATION, ObjectType.ACCOUNT)
                .crmObjectsMap().get("acc-1").path("name").asString());
    }

    @Test
    void longIdsAreSentInCallsWhoseQueryStaysShort() {
        List<String> longIds = IntStream.range(0, 100).mapToObj(i -> "%064d".formatted(i)).toList();
        List<List<String>> chunks = CrmApi.chunks(longIds, true);
        assertEquals(2, chunks.size());
        assertTrue(chunks.get(0).stream().mapToInt(String::length).sum() <= CrmApi.MAX_QUERY_ID_CHARS);
        assertEquals(longIds, chunks.stream().flatMap(List::stream).toList());
        assertEquals(1, CrmApi.chunks(longIds, false).size(), "ids in the body only: a hundred a call");
    }

    @Test
    void errorMessagesAreReadInBothDocumentedShapes() {
        emulator.faults().next(1, Fault.answer(400, "application/json",
                "{\"requestId\": \"r1\", \"errors\": [\"objectType is missing\", \"integrationId is missing\"]}"));
        GongApiException array = assertThrows(GongApiException.class, gong::listIntegrations);
        assertEquals(List.of("objectType is missing", "integrationId is missing"), array.errors());
        assertEquals("r1", array.errorResponse().requestId());

        emulator.faults().next(1, Fault.answer(400, "application/json",
                "{\"requestId\": \"r2\", \"errors\": {\"objectType\": \"is missing\"}}"));
        GongApiException object = assertThrows(GongApiException.class, gong::listIntegrations);
        assertEquals(List.of("objectType: is missing"), object.errors());

        GongApiException real = assertThrows(GongApiException.class,
                () -> gong.getObjects(List.of("a"), 1L, ObjectType.ACCOUNT));
        assertEquals(400, real.statusCode());
        assertEquals(List.of("Unknown integrationId [1]"), real.errors());
    }
}
