package dev.gongcrm.emulator;

import dev.gongcrm.validator.ObjectType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;

import static dev.gongcrm.emulator.RawHttp.IDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The deprecated /v2/crm/stages: four mandatory fields per stage, and all stages or none. */
class StagesTest {

    private static final String GOOD = "{\"internalName\": \"discovery\", \"name\": \"Discovery\", \"isActive\": true, "
            + "\"sortOrder\": 1}";

    private Emulator emulator;
    private RawHttp gong;

    @BeforeEach
    void start() throws Exception {
        emulator = Emulator.builder().build().start();
        gong = new RawHttp(emulator);
        gong.register();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private HttpResponse<String> stages(String body) throws Exception {
        return gong.sendJson("POST", "/v2/crm/stages?" + IDS, body);
    }

    @Test
    void storesValidStagesByInternalName() throws Exception {
        HttpResponse<String> response = stages("[" + GOOD + ", {\"internalName\": \"won\", \"name\": \"Closed Won\", "
                + "\"isActive\": false, \"sortOrder\": 5}]");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("Discovery", emulator.storedObject(ObjectType.STAGE, "discovery").path("name").asString());
        assertNotNull(emulator.storedObject(ObjectType.STAGE, "won"));
    }

    /** Each field of the second stage in turn is missing, empty or of the wrong type or range. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"name\": \"W\", \"isActive\": true, \"sortOrder\": 2                         | Mandatory field [internalName] is missing or empty",
            "\"internalName\": \"\", \"name\": \"W\", \"isActive\": true, \"sortOrder\": 2   | Mandatory field [internalName] is missing or empty",
            "\"internalName\": 7, \"name\": \"W\", \"isActive\": true, \"sortOrder\": 2      | Field [internalName] has an invalid value",
            "\"internalName\": \"w\", \"isActive\": true, \"sortOrder\": 2                   | Mandatory field [name] is missing or empty",
            "\"internalName\": \"w\", \"name\": null, \"isActive\": true, \"sortOrder\": 2   | Mandatory field [name] is missing or empty",
            "\"internalName\": \"w\", \"name\": [\"W\"], \"isActive\": true, \"sortOrder\": 2 | Field [name] has an invalid value",
            "\"internalName\": \"w\", \"name\": \"W\", \"sortOrder\": 2                      | Mandatory field [isActive] is missing or empty",
            "\"internalName\": \"w\", \"name\": \"W\", \"isActive\": \"true\", \"sortOrder\": 2 | Field [isActive] has an invalid value",
            "\"internalName\": \"w\", \"name\": \"W\", \"isActive\": true                    | Mandatory field [sortOrder] is missing or empty",
            "\"internalName\": \"w\", \"name\": \"W\", \"isActive\": true, \"sortOrder\": 0   | Field [sortOrder] has an invalid value",
            "\"internalName\": \"w\", \"name\": \"W\", \"isActive\": true, \"sortOrder\": 1.5 | Field [sortOrder] has an invalid value",
            "\"internalName\": \"w\", \"name\": \"W\", \"isActive\": true, \"sortOrder\": \"2\" | Field [sortOrder] has an invalid value",
    })
    void aBadFieldIsA400NamingTheStageAndStoresNothing(String secondStage, String problem) throws Exception {
        HttpResponse<String> response = stages("[" + GOOD + ", {" + secondStage + "}]");
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("Stage at index [1]: " + problem, RawHttp.json(response).path("errors").get(0).asString());
        assertNull(emulator.storedObject(ObjectType.STAGE, "discovery"), "the good stage is not stored either");
    }

    @Test
    void namesEveryProblemOfEveryStage() throws Exception {
        HttpResponse<String> response = stages("[{\"internalName\": \"a\"}, 3]");
        assertEquals(400, response.statusCode());
        assertEquals("[\"Stage at index [0]: Mandatory field [name] is missing or empty\","
                + "\"Stage at index [0]: Mandatory field [isActive] is missing or empty\","
                + "\"Stage at index [0]: Mandatory field [sortOrder] is missing or empty\","
                + "\"Stage at index [1]: must be a JSON object\"]", RawHttp.json(response).path("errors").toString());
        assertNull(emulator.storedObject(ObjectType.STAGE, "a"));
    }
}
