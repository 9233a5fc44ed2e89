package dev.gongcrm.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** How the client authenticates: an access key and secret (Basic) or a bearer token. Never printed. */
public abstract sealed class Credentials {

    private Credentials() {
    }

    public static Credentials basic(String accessKey, String accessKeySecret) {
        return new Basic(accessKey, accessKeySecret);
    }

    public static Credentials bearer(String token) {
        return new Bearer(token);
    }

    /**
     * From {@code GONG_ACCESS_KEY} + {@code GONG_ACCESS_KEY_SECRET}, or {@code GONG_BEARER_TOKEN}.
     */
    public static Optional<Credentials> fromEnvironment(Map<String, String> environment) {
        String key = environment.get("GONG_ACCESS_KEY");
        String secret = environment.get("GONG_ACCESS_KEY_SECRET");
        if (key != null && !key.isBlank() && secret != null && !secret.isBlank()) {
            return Optional.of(basic(key, secret));
        }
        String token = environment.get("GONG_BEARER_TOKEN");
        return token == null || token.isBlank() ? Optional.empty() : Optional.of(bearer(token));
    }

    /** The value of the Authorization header. */
    abstract String authorization();

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[redacted]";
    }

    private static final class Basic extends Credentials {
        private final String header;

        Basic(String key, String secret) {
            if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("an access key and its secret are both required");
            }
            header = "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        String authorization() {
            return header;
        }
    }

    private static final class Bearer extends Credentials {
        private final String header;

        Bearer(String token) {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("a bearer token is required");
            }
            header = "Bearer " + token;
        }

        @Override
        String authorization() {
            return header;
        }
    }
}
