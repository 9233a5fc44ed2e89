package dev.gongcrm.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;

import static dev.gongcrm.emulator.RawHttp.IDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The current generation's routes beside the legacy ones: one store, each generation its own rules. */
class CurrentGenerationTest {

    private static final String ACCOUNT = "{\"objectId\": \"%s\", \"modifiedDate\": \"2019-01-03T23:45:57Z\", "
            + "\"name\": \"Account\", \"domains\": [\"acme.com\"]}";

    private Emulator emulator;
    private RawHttp gong;

    @BeforeEach
    void start() {
        emulator = Emulator.builder().processingDelay(Duration.ofMillis(20)).build().start();
        gong = new RawHttp(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private void registerThroughCurrent() throws Exception {
        assertEquals(200, gong.sendJson("PUT", "/v2/crm/integrations",
                "{\"name\": \"n\", \"ownerEmail\": \"o@example.com\"}").statusCode());
    }

    private JsonNode upload(String path, String clientRequestId, String type, String content) throws Exception {
        HttpResponse<String> response = gong.upload(path + "?clientRequestId=" + clientRequestId + "&" + IDS
                + "&objectType=" + type, content);
        assertEquals(201, response.statusCode(), response.body());
        return gong.awaitFinal(clientRequestId);
    }

    @Test
    void oneIntegrationWhicheverGenerationRegistersAndListsIt() throws Exception {
        registerThroughCurrent();
        assertEquals(409, gong.sendJson("PUT", "/v2/crm/integration/new",
                "{\"name\": \"m\", \"ownerEmail\": \"o@example.com\"}").statusCode());
        String legacyList = gong.send("GET", "/v2/crm/integration/list", null, null).body();
        String currentList = gong.send("GET", "/v2/crm/integrations", null, null).body();
        assertTrue(legacyList.contains("\"integrationId\":5517027188234205706"), legacyList);
        assertTrue(currentList.contains("\"integrationId\":5517027188234205706"), currentList);
    }

    @Test
    void anObjectUploadedThroughOneGenerationIsReadThroughTheOther() throws Exception {
        registerThroughCurrent();
        assertEquals("DONE", upload("/v2/crm/object/entities", "legacy-1", "ACCOUNT", ACCOUNT.formatted("old-1"))
                .path("status").asString());
        assertEquals("DONE", upload("/v2/crm/entities", "current-1", "ACCOUNT", ACCOUNT.formatted("new-1"))
                .path("status").asString());

        JsonNode throughCurrent = RawHttp.json(gong.send("GET", "/v2/crm/entities?" + IDS
                + "&objectType=ACCOUNT&objectsCrmIds=old-1&objectsCrmIds=new-1", null, null));
        assertEquals("old-1", throughCurrent.path("crmObjectsMap").path("old-1").path("objectId").asString());
        assertEquals("new-1", throughCurrent.path("crmObjectsMap").path("new-1").path("objectId").asString());
        JsonNode throughLegacy = RawHttp.json(gong.sendJson("GET", "/v2/crm/object/list?" + IDS + "&objectType=ACCOUNT",
                "[\"new-1\", \"nobody\"]"));
        assertEquals("new-1", throughLegacy.path("crmObjectsMap").path("new-1").path("objectId").asString());
        assertTrue(throughLegacy.path("crmObjectsMap").path("nobody").isNull(), throughLegacy.toString());
    }

    @Test
    void theCurrentGenerationReadsIdsFromTheBodyTooAsItsTextSays() throws Exception {
        registerThroughCurrent();
        upload("/v2/crm/entities", "current-1", "ACCOUNT", ACCOUNT.formatted("a-1"));
        JsonNode answer = RawHttp.json(gong.sendJson("GET", "/v2/crm/entities?" + IDS + "&objectType=ACCOUNT",
                "[\"a-1\"]"));
        assertEquals("a-1", answer.path("crmObjectsMap").path("a-1").path("objectId").asString());
    }

    @Test
    void eachGenerationValidatesWithItsOwnProfile() throws Exception {
        registerThroughCurrent();
        // current: name and domains of an account are optional; objectId at most 64 characters
        String noName = "{\"objectId\": \"a-1\", \"modifiedDate\": \"2019-01-03T23:45:57Z\"}";
        JsonNode legacy = upload("/v2/crm/object/entities", "legacy-1", "ACCOUNT", noName);
        assertEquals("FAILED", legacy.path("status").asString(), legacy.toString());
        assertEquals("DONE", upload("/v2/crm/entities", "current-1", "ACCOUNT", noName).path("status").asString());

        String longId = ACCOUNT.formatted("a".repeat(65));
        assertEquals("DONE", upload("/v2/crm/object/entities", "legacy-2", "ACCOUNT", longId).path("status").asString());
        JsonNode current = upload("/v2/crm/entities", "current-2", "ACCOUNT", longId);
        assertEquals("FAILED", current.path("status").asString(), current.toString());
        assertEquals(1, current.path("errors").get(0).path("line").asInt(), current.toString());
    }

    @Test
    void schemaUploadAndIntegrationDeleteAnswer201() throws Exception {
        registerThroughCurrent();
        HttpResponse<String> schema = gong.sendJson("POST", "/v2/crm/entity-schema?" + IDS + "&objectType=ACCOUNT",
                "[{\"uniqueName\": \"tier\", \"label\": \"Tier\", \"type\": \"STRING\"}]");
        assertEquals(201, schema.statusCode(), schema.body());
        assertEquals(200, gong.sendJson("POST", "/v2/crm/object/schema?" + IDS + "&objectType=ACCOUNT",
                "[{\"uniqueName\": \"tier\", \"label\": \"Tier\", \"type\": \"STRING\"}]").statusCode());
        HttpResponse<String> delete = gong.send("DELETE", "/v2/crm/integrations?clientRequestId=del-1&" + IDS, null, null);
        assertEquals(201, delete.statusCode(), delete.body());
        assertEquals("DONE", gong.awaitFinal("del-1").path("status").asString());
    }

    @Test
    void aSchemaThatDropsAFieldOfTheLastUploadIsRefusedOnlyByTheCurrentGeneration() throws Exception {
        registerThroughCurrent();
        String both = "[{\"uniqueName\": \"tier\", \"label\": \"Tier\", \"type\": \"STRING\"}, "
                + "{\"uniqueName\": \"region\", \"label\": \"Region\", \"type\": \"STRING\"}]";
        String withoutRegion = "[{\"uniqueName\": \"tier\", \"label\": \"Tier\", \"type\": \"STRING\"}]";
        String current = "/v2/crm/entity-schema?" + IDS + "&objectType=ACCOUNT";
        assertEquals(201, gong.sendJson("POST", current, both).statusCode());

        HttpResponse<String> dropped = gong.sendJson("POST", current, withoutRegion);
        assertEquals(400, dropped.statusCode(), dropped.body());
        assertTrue(dropped.body().contains("region"), dropped.body());
        assertEquals(200, gong.sendJson("POST", "/v2/crm/object/schema?" + IDS + "&objectType=ACCOUNT", withoutRegion)
                .statusCode(), "the legacy rules only warn");
        assertEquals(201, gong.sendJson("POST", current, withoutRegion).statusCode(), "the upload before it has no region");
    }

    @Test
    void theCurrentSchemaListWithoutObjectTypeListsEveryType() throws Exception {
        registerThroughCurrent();
        gong.sendJson("POST", "/v2/crm/object/schema?" + IDS + "&objectType=DEAL",
                "[{\"uniqueName\": \"tier\", \"label\": \"Tier\", \"type\": \"STRING\"}]");
        JsonNode all = RawHttp.json(gong.send("GET", "/v2/crm/entity-schema?" + IDS, null, null));
        JsonNode byType = all.path("objectTypeToSelectedFields");
        assertEquals(4, byType.size(), all.toString());
        assertTrue(byType.path("DEAL").toString().contains("\"tier\""), "a schema uploaded through legacy");
        assertEquals(400, gong.send("GET", "/v2/crm/object/schema/list?" + IDS, null, null).statusCode());
    }

    @Test
    void errorsAreAnArrayOfStrings() throws Exception {
        HttpResponse<String> response = gong.send("GET", "/v2/crm/entities?objectType=ACCOUNT", null, null);
        assertEquals(400, response.statusCode());
        JsonNode errors = RawHttp.json(response).path("errors");
        assertTrue(errors.isArray() && errors.get(0).isString(), response.body());
    }
}
