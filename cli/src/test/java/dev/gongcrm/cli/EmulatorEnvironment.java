package dev.gongcrm.cli;

import dev.gongcrm.emulator.Emulator;

import java.util.HashMap;
import java.util.Map;

/** The environment a command line run needs to talk to an emulator: its URL, its credentials, no rate limit. */
final class EmulatorEnvironment {

    private EmulatorEnvironment() {
    }

    /** A map the caller may add to (a ledger's password, say). */
    static Map<String, String> of(Emulator emulator) {
        return new HashMap<>(Map.of("GONG_BASE_URL", emulator.baseUrl(), "GONG_ACCESS_KEY", emulator.accessKey(),
                "GONG_ACCESS_KEY_SECRET", emulator.accessKeySecret(), "GONGCRM_CALLS_PER_SECOND", "0"));
    }
}
