package dev.gongcrm.emulator;

import dev.gongcrm.validator.ObjectType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static dev.gongcrm.emulator.RawHttp.IDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The deprecated /v2/crm/map/users: line errors in request-status, valid mappings stored as business users. */
class MapUsersTest {

    private Emulator emulator;
    private RawHttp gong;

    @BeforeEach
    void start() throws Exception {
        emulator = Emulator.builder().processingDelay(Duration.ofMillis(20)).build().start();
        gong = new RawHttp(emulator);
        gong.register();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private JsonNode mapUsers(String clientRequestId, String lines) throws Exception {
        var response = gong.upload("/v2/crm/map/users?clientRequestId=" + clientRequestId + "&" + IDS, lines);
        assertEquals(201, response.statusCode(), response.body());
        return gong.awaitFinal(clientRequestId);
    }

    private static String mapping(String crmUserId, String emailAddress) {
        return "{\"crmUserId\": \"" + crmUserId + "\", \"emailAddress\": \"" + emailAddress + "\"}";
    }

    private JsonNode user(String crmUserId) {
        return emulator.storedObject(ObjectType.BUSINESS_USER, crmUserId);
    }

    @Test
    void validMappingsAreStoredByCrmUserId() throws Exception {
        JsonNode status = mapUsers("users-1", mapping("u1", "ann@example.com") + "\n\n" + mapping("u2", "bob@example.com"));
        assertEquals("DONE", status.path("status").asString(), status.toString());
        assertEquals(0, status.path("totalErrorCount").asInt());
        assertEquals(2, status.path("totalSuccessCount").asInt());
        assertEquals("ann@example.com", user("u1").path("emailAddress").asString());
        assertNotNull(user("u2"));
    }

    @Test
    void badLinesFailTheRequestWithTheirNumbersAndTheGoodOnesAreStored() throws Exception {
        mapUsers("users-1", mapping("u1", "ann@example.com") + "\n" + mapping("u2", "bob@example.com"));
        JsonNode status = mapUsers("users-2", String.join("\n",
                "{\"crmUserId\": \"u2\", \"isDeleted\": true}",
                "{\"crmUserId\": \"u3\"}",
                "not json",
                "{\"emailAddress\": \"eve@example.com\"}",
                "{\"crmUserId\": \"u5\", \"emailAddress\": \"\"}",
                "{\"crmUserId\": \"u6\", \"emailAddress\": \"sam@example.com\", \"isDeleted\": \"no\"}",
                "[\"u7\"]",
                mapping("u8", "joe@example.com")));
        assertEquals("FAILED", status.path("status").asString(), status.toString());
        assertEquals("[{\"line\":2,\"description\":\"Mandatory field [emailAddress] is missing or empty\"},"
                + "{\"line\":3,\"description\":\"Failed to parse the line as a JSON object\"},"
                + "{\"line\":4,\"description\":\"Mandatory field [crmUserId] is missing or empty\"},"
                + "{\"line\":5,\"description\":\"Mandatory field [emailAddress] is missing or empty\"},"
                + "{\"line\":6,\"description\":\"Field [isDeleted] has an invalid value\"},"
                + "{\"line\":7,\"description\":\"Failed to parse the line as a JSON object\"}]",
                status.path("errors").toString());
        assertEquals(6, status.path("totalErrorCount").asInt());
        assertEquals(2, status.path("totalSuccessCount").asInt());
        assertNull(user("u2"), "deleted without an email address");
        assertNotNull(user("u1"));
        assertNotNull(user("u8"));
        assertNull(user("u3"));
        assertNull(user("u6"));
    }

    @Test
    void listsTheFirst20LineErrorsAndCountsThemAll() throws Exception {
        JsonNode status = mapUsers("users-many", "{\"crmUserId\": \"x\"}\n".repeat(25));
        assertEquals("FAILED", status.path("status").asString());
        assertEquals(20, status.path("errors").size());
        assertEquals(20, status.path("errors").get(19).path("line").asInt());
        assertEquals(25, status.path("totalErrorCount").asInt());
        assertEquals(0, status.path("totalSuccessCount").asInt());
    }
}
