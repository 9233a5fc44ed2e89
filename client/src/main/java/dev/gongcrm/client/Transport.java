package dev.gongcrm.client;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.net.URIBuilder;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Sends calls: authentication, the client-side rate limit, retries with backoff and jitter where
 * safe, Retry-After on 429, and errors turned into {@link GongApiException}s without credentials.
 */
final class Transport implements AutoCloseable {

    // responses may carry fields the swagger does not list: read what is known, ignore the rest
    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final long MAX_RETRY_AFTER_MILLIS = 120_000;

    private final URI baseUrl;
    private final Credentials credentials;
    private final RateLimiter limiter;
    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Consumer<String> debug;
    private final CloseableHttpClient http;

    /** A response: status, headers and body. */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {
    }

    Transport(URI baseUrl, Credentials credentials, double callsPerSecond, int maxRetries, Duration initialBackoff,
              Duration maxBackoff, Duration connectTimeout, Consumer<String> debug) {
        this.baseUrl = baseUrl;
        this.credentials = credentials;
        this.limiter = new RateLimiter(callsPerSecond);
        this.maxRetries = maxRetries;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.debug = debug;
        this.http = HttpClients.custom()
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .build())
                        .build())
                .build();
    }

    Response send(Call call) {
        int attempt = 0;
        boolean mayHaveReachedServer = false;
        while (true) {
            attempt++;
            Response response;
            try {
                limiter.acquire();
                response = once(call);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new GongApiException(call.describe() + " was interrupted", 0, null, null, interrupted);
            } catch (IOException e) {
                mayHaveReachedServer = true;
                if (call.retry == Call.Retry.UNSAFE || attempt > maxRetries) {
                    throw new GongApiException(call.describe() + " failed: " + describe(e)
                            + " after " + attempt
                            + " attempt(s)", 0, null, null, e);
                }
                backoff(attempt, null);
                continue;
            }
            int status = response.status();
            if (status == 409 && call.retry == Call.Retry.BY_CLIENT_REQUEST_ID && mayHaveReachedServer) {
                return response;
            }
            boolean retryable = status == 429 || (status >= 500 && call.retry != Call.Retry.UNSAFE);
            if (status >= 500) {
                mayHaveReachedServer = true;
            }
            if (retryable && attempt <= maxRetries) {
                backoff(attempt, status == 429 ? first(response.headers(), "Retry-After") : null);
                continue;
            }
            if (status >= 400) {
                throw error(call, response, attempt);
            }
            return response;
        }
    }

    private static String describe(IOException e) {
        String kind = e instanceof java.net.SocketTimeoutException ? "timed out"
                : e instanceof java.net.ConnectException ? "connection refused"
                : e.getClass().getSimpleName();
        return kind + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }

    private Response once(Call call) throws IOException {
        URI uri;
        try {
            URIBuilder builder = new URIBuilder(baseUrl.resolve(call.path));
            call.query.forEach(builder::addParameter);
            uri = builder.build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot build a URI for " + call.describe() + ": " + e.getMessage(), e);
        }
        HttpUriRequestBase request = new HttpUriRequestBase(call.method, uri);
        request.setHeader(HttpHeaders.AUTHORIZATION, credentials.authorization());
        request.setHeader(HttpHeaders.ACCEPT, "application/json");
        request.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(call.timeout)).build());
        if (call.entity != null) {
            request.setEntity(call.entity.get());
        }
        long start = System.nanoTime();
        if (debug != null) {
            debug.accept("-> " + call.method + " " + uri + " " + redactedHeaders(request.getHeaders()));
        }
        return http.execute(request, response -> {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (Header header : response.getHeaders()) {
                headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
            }
            byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
            if (debug != null) {
                debug.accept("<- " + response.getCode() + " " + call.describe() + " ("
                        + (System.nanoTime() - start) / 1_000_000 + " ms, " + body.length + " bytes)");
            }
            return new Response(response.getCode(), headers, body);
        });
    }

    private static String redactedHeaders(Header[] headers) {
        List<String> shown = new ArrayList<>();
        for (Header header : headers) {
            boolean secret = header.getName().equalsIgnoreCase(HttpHeaders.AUTHORIZATION);
            shown.add(header.getName() + ": " + (secret ? "[redacted]" : header.getValue()));
        }
        return shown.toString();
    }

    private void backoff(int attempt, String retryAfter) {
        long millis = retryAfterMillis(retryAfter);
        if (millis < 0) {
            long exponential = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
            long capped = Math.min(exponential, maxBackoff.toMillis());
            millis = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        }
        if (debug != null) {
            debug.accept("   retrying in " + millis + " ms (attempt " + (attempt + 1) + ")");
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GongApiException("interrupted while waiting to retry", 0, null, null, e);
        }
    }

    /** Retry-After in seconds or as an HTTP date, in milliseconds (bounded); -1 when absent or unreadable. */
    static long retryAfterMillis(String retryAfter) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return -1;
        }
        try {
            return Math.min(MAX_RETRY_AFTER_MILLIS, Math.max(0, Long.parseLong(retryAfter.trim()) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                long until = ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant().toEpochMilli() - System.currentTimeMillis();
                return Math.min(MAX_RETRY_AFTER_MILLIS, Math.max(0, until));
            } catch (RuntimeException unreadable) {
                return -1;
            }
        }
    }

    private static GongApiException error(Call call, Response response, int attempts) {
        String requestId = null;
        List<String> errors = new ArrayList<>();
        try {
            JsonNode body = JSON.readTree(response.body());
            requestId = body.path("requestId").asString(null);
            for (JsonNode error : body.path("errors")) {
                errors.add(error.isString() ? error.asString() : error.toString());
            }
        } catch (RuntimeException notJson) {
            String text = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8).strip();
            if (!text.isEmpty()) {
                errors.add(text.length() > 500 ? text.substring(0, 500) + "..." : text);
            }
        }
        String message = "HTTP " + response.status() + " " + reason(response.status()) + " from " + call.describe()
                + (errors.isEmpty() ? "" : ": " + String.join("; ", errors))
                + (requestId == null ? "" : " (Gong requestId " + requestId + ")")
                + (attempts > 1 ? " after " + attempts + " attempts" : "");
        return new GongApiException(message, response.status(), requestId, errors, null);
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Malformed request";
            case 401 -> "Access denied (check the access key and secret, or the token)";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 413 -> "Payload too large";
            case 429 -> "API request limit exceeded";
            default -> status >= 500 ? "Server error" : "";
        };
    }

    static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
