package dev.gongcrm.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the client authenticates: an access key and secret (Basic) or a bearer token. Never printed. */
public abstract sealed class Credentials {

    private static final String REDACTED = "[redacted]";
    private static final int MIN_SEARCHED_SECRET = 8;
    /** An Authorization header as a server or proxy may echo it, whoever's credentials it holds. */
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)(authorization\\W{0,3}\\s*[:=]\\s*\\W{0,2}(?:basic|bearer)\\s+)[^\\s\"',;<>]+");

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

    /** What must never be shown: the header's value, its token, the secret itself (each also in its encoded forms). */
    abstract List<String> secrets();

    /**
     * The text with these credentials, and any Authorization header it quotes, replaced by
     * {@code [redacted]}: for what a server says back, which may echo the request's headers.
     */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        String redacted = AUTHORIZATION.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1)
                + REDACTED));
        return secretsPattern().matcher(redacted).replaceAll(Matcher.quoteReplacement(REDACTED));
    }

    private volatile Pattern secretsPattern;

    /**
     * Every form a server may quote a credential in: as it is, in base64 (standard or URL-safe, padded
     * or not) and URL-encoded; in any case, as a proxy may upper-case what it echoes. Longest first.
     */
    private Pattern secretsPattern() {
        if (secretsPattern == null) {
            List<String> forms = new java.util.ArrayList<>();
            for (String value : secrets()) {
                String base64 = base64(value);
                forms.addAll(List.of(value, base64, base64.replace('+', '-').replace('/', '_'),
                        java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
            }
            secretsPattern = Pattern.compile(searched(forms.toArray(String[]::new)).stream().map(Pattern::quote)
                    .collect(java.util.stream.Collectors.joining("|")), Pattern.CASE_INSENSITIVE);
        }
        return secretsPattern;
    }

    /**
     * What to search for, longest first so that the header goes before the token it holds and
     * "key:secret" before the secret. A value too short to be a real credential (the emulator's key
     * "gongcrm") would blank out ordinary words and ids, so it is searched only inside the longer ones.
     */
    private static List<String> searched(String... values) {
        return Arrays.stream(values).filter(value -> value.length() >= MIN_SEARCHED_SECRET).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** Base64 without its padding: a server may quote the value in either form, padded or not. */
    private static String base64(String value) {
        return Base64.getEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[redacted]";
    }

    private static final class Basic extends Credentials {
        private final String header;
        private final List<String> secrets;

        Basic(String key, String secret) {
            if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("an access key and its secret are both required");
            }
            header = "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
            secrets = searched(header, base64(key + ":" + secret), key + ":" + secret, secret, key);
        }

        @Override
        String authorization() {
            return header;
        }

        @Override
        List<String> secrets() {
            return secrets;
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

        @Override
        List<String> secrets() {
            String token = header.substring("Bearer ".length());
            return searched(header, token);
        }
    }
}
