package dev.gongcrm.client;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** GONG_BASE_URL and GONG_INTEGRATION_ID as every front reads them: what the user gives first. */
class GongEnvironmentTest {

    private static final Map<String, String> ENVIRONMENT = Map.of("GONG_BASE_URL", "https://us-1.api.gong.io",
            "GONG_INTEGRATION_ID", " 42 ");

    @Test
    void whatIsGivenWinsOverTheEnvironmentWhichWinsOverTheDefault() {
        assertEquals("http://127.0.0.1:9", GongEnvironment.baseUrl("http://127.0.0.1:9", ENVIRONMENT));
        assertEquals("https://us-1.api.gong.io", GongEnvironment.baseUrl(" ", ENVIRONMENT));
        assertEquals(GongCrmClient.DEFAULT_BASE_URL, GongEnvironment.baseUrl(null, Map.of()));
        assertEquals(7L, GongEnvironment.integrationId(7L, ENVIRONMENT));
        assertEquals(42L, GongEnvironment.integrationId(null, ENVIRONMENT));
        assertNull(GongEnvironment.integrationId(null, Map.of("GONG_INTEGRATION_ID", "")));
    }

    @Test
    void anIntegrationIdThatIsNotANumberIsRefusedQuotingIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> GongEnvironment.integrationId(null, Map.of("GONG_INTEGRATION_ID", "forty-two")));
        assertEquals("GONG_INTEGRATION_ID must be a number, got 'forty-two'", refused.getMessage());
    }
}
