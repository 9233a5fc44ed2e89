package dev.gongcrm.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.gongcrm.emulator.RawHttp.IDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** schema/list: the default schema of a new integration, then the custom fields of the last upload. */
class DefaultSchemaTest {

    private static final String ACCOUNT_DEFAULTS = "objectId:ID modifiedDate:DATETIME isDeleted:BOOLEAN url:URL "
            + "name:STRING domains:STRINGARRAY";

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

    private JsonNode list(String type) throws Exception {
        var response = gong.send("GET", "/v2/crm/object/schema/list?" + IDS + "&objectType=" + type, null, null);
        assertEquals(200, response.statusCode(), response.body());
        return RawHttp.json(response).path("objectTypeToSelectedFields").path(type);
    }

    /** "uniqueName:TYPE" per field, space-separated, in listed order. */
    private static String namesAndTypes(JsonNode fields) {
        List<String> shown = new ArrayList<>();
        fields.forEach(field -> shown.add(field.path("uniqueName").asString() + ":" + field.path("type").asString()));
        return String.join(" ", shown);
    }

    private void uploadSchema(String type, String fields) throws Exception {
        var response = gong.sendJson("POST", "/v2/crm/object/schema?" + IDS + "&objectType=" + type, fields);
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void aNewIntegrationHasTheGuidesFieldsOfEachType() throws Exception {
        assertEquals(ACCOUNT_DEFAULTS, namesAndTypes(list("ACCOUNT")));
        assertEquals("Modified Date", list("ACCOUNT").get(1).path("label").asString());

        JsonNode deal = list("DEAL");
        assertEquals("objectId:ID modifiedDate:DATETIME isDeleted:BOOLEAN url:URL accountId:REFERENCE "
                + "ownerId:REFERENCE name:STRING createdDate:DATETIME closeDate:DATE isOpen:BOOLEAN isWon:BOOLEAN "
                + "stage:REFERENCE amount:NUMBER", namesAndTypes(deal), "deprecated fields are left out");
        assertEquals("ACCOUNT", deal.get(4).path("referenceTo").asString());
        assertEquals("BUSINESS_USER", deal.get(5).path("referenceTo").asString());
        assertFalse(deal.get(6).has("referenceTo"), "only references name a type");

        assertTrue(namesAndTypes(list("CONTACT")).endsWith(
                "accountId:REFERENCE emailAddress:EMAILADDRESS firstName:STRING lastName:STRING title:STRING "
                        + "phoneNumber:STRING"), namesAndTypes(list("CONTACT")));
        assertTrue(namesAndTypes(list("LEAD")).endsWith("convertedToDealId:REFERENCE convertedToContactId:REFERENCE "
                + "convertedToAccountId:REFERENCE"), namesAndTypes(list("LEAD")));
    }

    @Test
    void customFieldsFollowTheDefaultsAndAnUploadReplacesThemWhole() throws Exception {
        uploadSchema("ACCOUNT", "[{\"uniqueName\": \"category\", \"label\": \"Category\", \"type\": \"PICKLIST\", "
                + "\"orderedValueList\": [\"Analyst\", \"Customer\"]}, "
                + "{\"uniqueName\": \"parentAccount\", \"label\": \"Parent\", \"type\": \"REFERENCE\", "
                + "\"referenceTo\": \"ACCOUNT\"}]");
        JsonNode listed = list("ACCOUNT");
        assertEquals(ACCOUNT_DEFAULTS + " category:PICKLIST parentAccount:REFERENCE", namesAndTypes(listed));
        assertEquals("Customer", listed.get(6).path("orderedValueList").get(1).asString(), "listed as uploaded");

        uploadSchema("ACCOUNT", "[{\"uniqueName\": \"tier\", \"label\": \"Tier\", \"type\": \"STRING\"}]");
        assertEquals(ACCOUNT_DEFAULTS + " tier:STRING", namesAndTypes(list("ACCOUNT")));
        assertFalse(namesAndTypes(list("CONTACT")).contains("tier"), "other types keep their own");
    }

    @Test
    void uploadsAreValidatedAgainstTheCustomFieldsAlone() throws Exception {
        uploadSchema("ACCOUNT", "[{\"uniqueName\": \"tier\", \"label\": \"Tier\", \"type\": \"STRING\"}]");
        String account = "{\"objectId\": \"a1\", \"modifiedDate\": \"2024-01-02T03:04:05Z\", \"name\": \"Acme\", "
                + "\"domains\": [\"acme.com\"], \"tier\": \"gold\"}";
        assertEquals(201, gong.upload("/v2/crm/object/entities?clientRequestId=acc&" + IDS + "&objectType=ACCOUNT",
                account).statusCode());
        JsonNode status = gong.awaitFinal("acc");
        assertEquals("DONE", status.path("status").asString(), status.toString());
        assertEquals(0, status.path("totalErrorCount").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACCOUNT", "CONTACT", "DEAL", "LEAD"})
    void deletingTheIntegrationDropsTheCustomFields(String type) throws Exception {
        String defaults = namesAndTypes(list(type));
        uploadSchema(type, "[{\"uniqueName\": \"tier\", \"label\": \"Tier\", \"type\": \"STRING\"}]");
        assertEquals(defaults + " tier:STRING", namesAndTypes(list(type)));
        assertEquals(200, gong.send("DELETE", "/v2/crm/integration/delete?clientRequestId=del&" + IDS, null, null)
                .statusCode());
        assertEquals("DONE", gong.awaitFinal("del").path("status").asString());
        gong.register();
        assertEquals(defaults, namesAndTypes(list(type)));
    }
}
