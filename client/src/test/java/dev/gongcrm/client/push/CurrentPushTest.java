package dev.gongcrm.client.push;

import dev.gongcrm.client.EmulatorClients;
import dev.gongcrm.client.GongCrmClient;
import dev.gongcrm.client.model.GenericCrmRegistrationRequest;
import dev.gongcrm.emulator.Emulator;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleScanner;
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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A push with the {@code current} profile, end to end against the emulator: validated with the current
 * rules and uploaded through the current generation's paths, whose emulated Gong checks the current rules
 * too (a stage without internalName, an account without name: the legacy rules would refuse both).
 */
class CurrentPushTest {

    private static final long INTEGRATION = Emulator.DEFAULT_INTEGRATION_ID;

    @TempDir
    Path folder;

    private final List<String> debug = Collections.synchronizedList(new ArrayList<>());
    private Emulator emulator;
    private GongCrmClient gong;
    private Ledger ledger;

    @BeforeEach
    void start() throws Exception {
        emulator = Emulator.builder().processingDelay(Duration.ofMillis(20)).build().start();
        gong = EmulatorClients.of(emulator).debug(debug::add).build();
        gong.current().registerIntegration(new GenericCrmRegistrationRequest("Home CRM", "ops@example.com"));
        ledger = Ledger.open(folder.resolve("ledger.db"));
        Files.write(folder.resolve("stages.ldjson"), List.of(
                "{\"objectId\": \"discovery\", \"name\": \"Discovery\", \"isActive\": true, \"sortOrder\": 1}"));
        Files.write(folder.resolve("users.ldjson"), List.of(
                "{\"objectId\": \"u-1\", \"modifiedDate\": \"2024-01-02T10:00:00Z\", \"emailAddress\": \"jo@example.com\"}"));
        Files.write(folder.resolve("accounts.ldjson"), List.of(
                "{\"objectId\": \"acc-1\", \"modifiedDate\": \"2024-01-02T10:00:00Z\"}"));
        Files.write(folder.resolve("deals.ldjson"), List.of("{\"objectId\": \"deal-1\", \"modifiedDate\": "
                + "\"2024-01-03T10:00:00Z\", \"accountId\": \"acc-1\", \"ownerId\": \"u-1\", \"name\": \"Renewal\", "
                + "\"status\": \"OPEN\", \"stage\": \"discovery\", \"amount\": 1000}"));
    }

    @AfterEach
    void stop() {
        ledger.close();
        gong.close();
        emulator.close();
    }

    private Push.Outcome push(String profile) throws Exception {
        Push.Request request = new Push.Request(new BundleScanner(Map.of()).scan(List.of(folder)), Validator.builder(),
                profile, Severity.ERROR, INTEGRATION, Planner.MAX_UPLOAD_BYTES, Duration.ZERO, false);
        PushRunner.Settings settings = PushRunner.Settings.defaults().withPollInterval(Duration.ofMillis(10));
        return Push.run(gong, ledger, request, settings, PushListener.NONE);
    }

    @Test
    void theCurrentProfilePushesThroughTheCurrentPathsWithTheCurrentRules() throws Exception {
        Push.Outcome outcome = push("current");

        assertFalse(outcome.validationFailed(), outcome.validation().findings().toString());
        assertFalse(outcome.upload().failed(), outcome.upload().findings().toString());
        assertEquals(4, outcome.upload().sent());
        assertNotNull(gong.current().getObjects(List.of("deal-1"), INTEGRATION, ObjectType.DEAL).crmObjectsMap()
                .get("deal-1"));
        assertTrue(debug.stream().noneMatch(line -> line.contains("/v2/crm/object/")), debug.toString());
        assertEquals(4, debug.stream().filter(line -> line.startsWith("-> POST " + emulator.baseUrl()
                + "/v2/crm/entities?")).count(), debug.toString());
    }

    @Test
    void theLegacyProfileRefusesTheSameBundleBeforeSendingAnything() throws Exception {
        Push.Outcome outcome = push("legacy");

        assertTrue(outcome.validationFailed());
        assertTrue(emulator.arrivals().isEmpty());
    }

    @Test
    void anUnknownProfileIsRefusedWithTheKnownOnes() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> push("newest"));
        assertEquals("unknown profile 'newest'; available: legacy, current", unknown.getMessage());
    }
}
