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

/**
 * Every line with an error is counted and none of them is stored, however many there are: the
 * validator's cap on findings (10,000 by default) must not turn line 14,999's error into a success.
 */
class ErrorCountTest {

    private static final String GOOD = "{\"objectId\": \"G%d\", \"modifiedDate\": \"2024-01-02T03:04:05Z\", "
            + "\"name\": \"Deal %1$d\", \"accountId\": \"a1\", \"ownerId\": \"u1\", \"createdDate\": \"2024-01-01T00:00:00Z\", "
            + "\"closeDate\": \"2024-09-04\", \"isOpen\": true, \"isWon\": false, \"stage\": \"discovery\", \"amount\": 7}";
    private static final String BAD = GOOD.replace("\"G%d\"", "\"E%d\"").replace("\"amount\": 7", "\"amount\": \"bad\"");

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
    void fifteenThousandBadLinesAreAllCountedAndNoneIsStored() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 15_000; i++) {
            lines.append(BAD.formatted(i)).append('\n');
        }
        for (int i = 0; i < 10; i++) {
            lines.append(GOOD.formatted(i)).append('\n');
        }
        assertEquals(201, gong.upload("/v2/crm/object/entities?clientRequestId=many-errors&" + IDS + "&objectType=DEAL",
                lines.toString()).statusCode());
        JsonNode status = gong.awaitFinal("many-errors");
        assertEquals("FAILED", status.path("status").asString());
        assertEquals(15_000, status.path("totalErrorCount").asInt(), status.toString());
        assertEquals(10, status.path("totalSuccessCount").asInt(), status.toString());
        assertEquals(20, status.path("errors").size());
        assertEquals(1, status.path("errors").get(0).path("line").asInt());
        assertEquals("Field [amount] has an invalid value", status.path("errors").get(0).path("description").asString());
        assertEquals(20, status.path("errors").get(19).path("line").asInt());
        assertNull(emulator.storedObject(ObjectType.DEAL, "E14999"), "an invalid object past the cap was stored");
        assertNull(emulator.storedObject(ObjectType.DEAL, "E10500"));
        assertNotNull(emulator.storedObject(ObjectType.DEAL, "G9"));
    }
}
