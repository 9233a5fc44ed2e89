package dev.gongcrm.client;

import dev.gongcrm.emulator.Emulator;

import java.time.Duration;

/** Clients of a test's own emulator: its address and credentials, no rate limit, short backoff. */
public final class EmulatorClients {

    private EmulatorClients() {
    }

    public static GongCrmClient.Builder of(Emulator emulator) {
        return GongCrmClient.builder().baseUrl(emulator.baseUrl())
                .credentials(Credentials.basic(emulator.accessKey(), emulator.accessKeySecret()))
                .callsPerSecond(0).backoff(Duration.ofMillis(5), Duration.ofMillis(20));
    }
}
