package dev.gongcrm.client;

import java.util.Map;

/**
 * What the environment says about where Gong is and which integration to use ({@code GONG_BASE_URL},
 * {@code GONG_INTEGRATION_ID}), read the same way by every front; credentials are {@link Credentials}'.
 */
public final class GongEnvironment {

    private GongEnvironment() {
    }

    /** The API host: the one given (a flag, a parameter), else GONG_BASE_URL, else Gong's default. */
    public static String baseUrl(String given, Map<String, String> environment) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        String fromEnvironment = environment.get("GONG_BASE_URL");
        return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : GongCrmClient.DEFAULT_BASE_URL;
    }

    /**
     * The integration: the one given, else GONG_INTEGRATION_ID, else null; a GONG_INTEGRATION_ID that is
     * not a number is an IllegalArgumentException that quotes it.
     */
    public static Long integrationId(Long given, Map<String, String> environment) {
        if (given != null) {
            return given;
        }
        String value = environment.get("GONG_INTEGRATION_ID");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("GONG_INTEGRATION_ID must be a number, got '" + value + "'");
        }
    }
}
