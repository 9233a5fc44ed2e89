package dev.gongcrm.client;

import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.net.URIBuilder;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Sends calls: authentication, the client-side rate limit, retries with backoff and jitter where
 * safe (never of what cannot work: an unknown host, a TLS failure), the Retry-After of any answer
 * retried (429, 503...), and errors turned into {@link GongApiException}s without credentials, even
 * when the server echoes them.
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
    private final Duration stallTimeout;
    private final Consumer<String> debug;
    private final CloseableHttpClient http;
    private final Watchdog watchdog = new Watchdog();

    /** A response: status, headers and body. */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {
    }

    /**
     * @param stallTimeout the longest a request body may go without the server taking a byte (the
     *     longest wait for an answer is each call's own timeout)
     */
    Transport(URI baseUrl, Credentials credentials, double callsPerSecond, int maxRetries, Duration initialBackoff,
              Duration maxBackoff, Duration connectTimeout, Duration stallTimeout, Consumer<String> debug) {
        this.baseUrl = baseUrl;
        this.credentials = credentials;
        this.limiter = new RateLimiter(callsPerSecond);
        this.maxRetries = maxRetries;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.stallTimeout = stallTimeout;
        this.debug = debug;
        this.http = HttpClients.custom()
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(new DeferredTls("https".equalsIgnoreCase(baseUrl.getScheme())))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .build())
                        .build())
                .build();
    }

    Response send(Call call) {
        return send(call, Deadline.NONE);
    }

    /** Sends the call, retrying where safe, every attempt and wait within {@code deadline}. */
    Response send(Call call, Deadline deadline) {
        int attempt = 0;
        // what befell an earlier attempt that may have reached Gong: its answer, if any, was lost
        String lostAttempt = null;
        String lastProblem = null;
        while (true) {
            if (deadline.expired()) {
                throw pastDeadline(call, deadline, attempt, lastProblem, false);
            }
            attempt++;
            Response response;
            try {
                limiter.acquire();
                response = once(call, deadline);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new GongApiException(call.describe() + " was interrupted", 0, null, null, interrupted);
            } catch (PastDeadlineException e) {
                throw pastDeadline(call, deadline, attempt, lastProblem, e.wasSending);
            } catch (IOException e) {
                if (mayHaveReachedServer(e)) {
                    lostAttempt = describe(e);
                }
                lastProblem = describe(e);
                if (!retriable(e) || call.retry == Call.Retry.UNSAFE || attempt > maxRetries) {
                    throw new GongApiException(call.describe() + " failed: " + redact(describe(e)) + " after "
                            + attempt + " attempt(s)" + (retriable(e) ? "" : " (not retried: trying again cannot help)"),
                            0, null, null, redactedCause(e));
                }
                backoff(attempt, -1, deadline);
                continue;
            }
            int status = response.status();
            if (status == 409 && call.retry == Call.Retry.BY_CLIENT_REQUEST_ID) {
                throw conflict(call, response, lostAttempt);
            }
            boolean retryable = status == 429 || (status >= 500 && call.retry != Call.Retry.UNSAFE);
            if (status >= 500) {
                lostAttempt = "HTTP " + status;
            }
            if (retryable) {
                lastProblem = "HTTP " + status;
            }
            if (retryable && attempt <= maxRetries) {
                String retryAfter = first(response.headers(), "Retry-After");
                long wait = retryAfterMillis(retryAfter);
                if (wait > MAX_RETRY_AFTER_MILLIS) {
                    throw error(call, response, attempt, "Gong asks to wait " + readableWait(wait) + " (Retry-After: "
                            + abbreviated(retryAfter) + "), longer than the client waits ("
                            + MAX_RETRY_AFTER_MILLIS / 1000 + " s); try again then");
                }
                backoff(attempt, wait, deadline);
                continue;
            }
            if (status >= 400) {
                throw error(call, response, attempt, null);
            }
            return response;
        }
    }

    /**
     * Whether sending again may succeed: not when the host name does not resolve or TLS cannot be
     * agreed (a wrong URL, scheme or certificate), nor when the server broke the HTTP protocol.
     */
    static boolean retriable(IOException e) {
        if (e instanceof UnknownHostException || e instanceof ClientProtocolException
                || e instanceof ContentChangedException) {
            return false;
        }
        // a TLS failure is for good (no common protocol, an untrusted certificate) unless the connection
        // itself failed underneath it
        return !(e instanceof SSLException) || e.getCause() instanceof java.net.SocketException
                || e.getCause() instanceof java.io.EOFException || e.getCause() instanceof SocketTimeoutException;
    }

    /**
     * The deadline passed: the server stopped answering (or, when {@code sending}, the upload was still
     * going). Not retried: the deadline covers every attempt.
     */
    private GongApiException pastDeadline(Call call, Deadline deadline, int attempts, String lastProblem,
                                          boolean sending) {
        String what = sending ? "the upload was still being sent" : "the server stopped answering";
        return new GongApiException(call.describe() + " did not finish within its deadline of " + deadline.describe()
                + ": " + what + " (" + attempts + " attempt(s)" + (lastProblem == null ? ""
                : "; before that: " + redact(lastProblem)) + ")", 0, null, null, null);
    }

    /** An attempt the watchdog cancelled at the deadline. */
    private static final class PastDeadlineException extends IOException {
        final boolean wasSending;

        PastDeadlineException(boolean wasSending) {
            super("past the deadline");
            this.wasSending = wasSending;
        }
    }

    /** An attempt the watchdog cancelled: its upload stalled, or its answer did not come in time. Retried. */
    static final class StalledException extends SocketTimeoutException {
        StalledException(String message) {
            super(message);
        }
    }

    /** Whether the request may have reached the server: not when no connection was made. */
    private static boolean mayHaveReachedServer(IOException e) {
        return !(e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException || e instanceof ConnectTimeoutException
                || e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException
                || (e instanceof SSLException && !retriable(e)));
    }

    private static String describe(IOException e) {
        if (closedByServer(e)) {
            // HttpClient's own words for it ("Maximum empty line limit exceeded") name a parser limit, not the cause
            return "the server closed the connection before it answered";
        }
        if (e instanceof ContentChangedException) {
            return e.getMessage();
        }
        if (e instanceof StalledException) {
            return e.getMessage();
        }
        String kind = e instanceof SocketTimeoutException ? "the server stopped answering (timed out)"
                : e instanceof ConnectException ? "connection refused"
                : e instanceof UnknownHostException ? "unknown host"
                : e instanceof SSLException ? "TLS failed (an https URL to a server that speaks plain http, or a "
                        + "certificate this machine does not trust?)"
                : e.getClass().getSimpleName();
        return kind + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }

    /**
     * Whether the server (or a proxy) closed the connection under the request: the end of the stream
     * where the status line was due, a reset, or a broken pipe while the body was being sent.
     */
    static boolean closedByServer(IOException e) {
        if (e instanceof MessageConstraintException || e instanceof ConnectionClosedException
                || e instanceof NoHttpResponseException) {
            return true;
        }
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        return e instanceof java.net.SocketException && (message.contains("reset") || message.contains("broken pipe")
                || message.contains("closed"));
    }

    /** The exception as a cause without its message, when its message would repeat a secret. */
    private Throwable redactedCause(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.equals(redact(message))) {
            return e;
        }
        IOException safe = new IOException(e.getClass().getName() + ": " + redact(message));
        safe.setStackTrace(e.getStackTrace());
        return safe;
    }

    /** Text from the server or the network with the credentials (and any Authorization header it quotes) redacted. */
    String redact(String text) {
        return credentials.redact(text);
    }

    private Response once(Call call, Deadline deadline) throws IOException {
        URI uri;
        try {
            URIBuilder builder = new URIBuilder(baseUrl.resolve(call.path));
            call.query.forEach(entry -> builder.addParameter(entry.getKey(), entry.getValue()));
            uri = builder.build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot build a URI for " + call.describe() + ": " + e.getMessage(), e);
        }
        HttpUriRequestBase request = new HttpUriRequestBase(call.method, uri);
        request.setHeader(HttpHeaders.AUTHORIZATION, credentials.authorization());
        request.setHeader(HttpHeaders.ACCEPT, "application/json");
        // a backstop only (the watchdog bounds the answer as a whole); zero would mean no timeout at all
        Duration readTimeout = deadline.cap(call.timeout);
        request.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(readTimeout.isZero()
                ? Duration.ofMillis(1) : readTimeout)).build());
        try (Watchdog.Attempt attempt = watchdog.watch(request, deadline, call.timeout, stallTimeout)) {
            if (call.entity != null) {
                request.setEntity(attempt.watching(call.entity.get()));
            }
            try {
                return execute(call, uri, request);
            } catch (IOException e) {
                Watchdog.Reason reason = attempt.cancelled();
                if (reason == null) {
                    throw e;
                }
                throw switch (reason) {
                    case DEADLINE -> new PastDeadlineException(attempt.wasSending());
                    case STALLED -> new StalledException("the upload stalled: the server took no byte for "
                            + stallTimeout.toSeconds() + " s");
                    // worded as the socket's own timeout is, which may fire first
                    case NO_ANSWER -> new StalledException("the server stopped answering (timed out): no complete "
                            + "answer within " + dev.gongcrm.validator.time.Durations.format(call.timeout));
                };
            }
        }
    }

    private Response execute(Call call, URI uri, HttpUriRequestBase request) throws IOException {
        long start = System.nanoTime();
        if (debug != null) {
            debug.accept(redact("-> " + call.method + " " + uri + " " + redactedHeaders(request.getHeaders())));
        }
        return http.execute(request, response -> {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (Header header : response.getHeaders()) {
                headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(redact(header.getValue()));
            }
            byte[] body = response.getEntity() == null ? new byte[0]
                    : redacted(EntityUtils.toByteArray(response.getEntity()));
            if (debug != null) {
                debug.accept("<- " + response.getCode() + " " + call.describe() + " ("
                        + (System.nanoTime() - start) / 1_000_000 + " ms, " + body.length + " bytes)");
            }
            return new Response(response.getCode(), headers, body);
        });
    }

    /**
     * The body with any credential it echoes redacted: done here, once, so that no line error, message
     * or header that came from the server reaches a report, the ledger, a log or an exception unredacted.
     */
    private byte[] redacted(byte[] body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (RuntimeException notJson) {
            json = null;
        }
        if (json != null && (json.isObject() || json.isArray())) {
            // each text decoded first: an escape (\u0041, \/) would hide a secret from a search of the raw bytes
            JsonNode redacted = redactedStrings(json);
            return redacted.equals(json) ? body : JSON.writeValueAsBytes(redacted);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String redacted = redact(text);
        return redacted.equals(text) ? body : redacted.getBytes(StandardCharsets.UTF_8);
    }

    /** A copy of the JSON with every string, and every field name, redacted. */
    private JsonNode redactedStrings(JsonNode node) {
        if (node.isString()) {
            return JSON.getNodeFactory().stringNode(redact(node.asString()));
        }
        if (node.isArray()) {
            tools.jackson.databind.node.ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(redactedStrings(element)));
            return copy;
        }
        if (node.isObject()) {
            tools.jackson.databind.node.ObjectNode copy = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(redact(field.getKey()), redactedStrings(field.getValue()));
            }
            return copy;
        }
        return node;
    }

    private static String redactedHeaders(Header[] headers) {
        List<String> shown = new ArrayList<>();
        for (Header header : headers) {
            boolean secret = header.getName().equalsIgnoreCase(HttpHeaders.AUTHORIZATION);
            shown.add(header.getName() + ": " + (secret ? "[redacted]" : header.getValue()));
        }
        return shown.toString();
    }

    /**
     * Waits before the next attempt: {@code retryAfterMillis} when the server asked, else jittered
     * exponential; never past the deadline (the next attempt then finds it passed).
     */
    private void backoff(int attempt, long retryAfterMillis, Deadline deadline) {
        long millis = retryAfterMillis;
        if (millis < 0) {
            long exponential = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
            long capped = Math.min(exponential, maxBackoff.toMillis());
            millis = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        }
        if (debug != null) {
            debug.accept("   retrying in " + millis + " ms (attempt " + (attempt + 1) + ")");
        }
        try {
            Thread.sleep(deadline.cap(Duration.ofMillis(millis)).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GongApiException("interrupted while waiting to retry", 0, null, null, e);
        }
    }

    /**
     * Retry-After in seconds or as an HTTP date, in milliseconds ({@code Long.MAX_VALUE} for more than a
     * long holds, 0 for the past); -1 when absent or unreadable.
     */
    static long retryAfterMillis(String retryAfter) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return -1;
        }
        String value = retryAfter.trim();
        if (value.matches("-?[0-9]+")) {
            if (value.startsWith("-")) {
                return 0;
            }
            if (value.length() > 15) {
                return Long.MAX_VALUE;
            }
            return Long.parseLong(value) * 1000;
        }
        try {
            long until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli()
                    - System.currentTimeMillis();
            return Math.max(0, until);
        } catch (RuntimeException unreadable) {
            return -1;
        }
    }

    private static String readableWait(long millis) {
        if (millis == Long.MAX_VALUE) {
            return "longer than a lifetime";
        }
        long seconds = millis / 1000;
        return seconds < 120 ? seconds + " s" : seconds < 7200 ? seconds / 60 + " min" : seconds / 3600 + " h";
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /** Gong's error body: its requestId and messages, read as JSON or, failing that, as text (redacted either way). */
    private record ErrorBody(String requestId, List<String> errors) {
    }

    private ErrorBody errorBody(Response response) {
        String requestId = null;
        List<String> errors = new ArrayList<>();
        try {
            JsonNode body = JSON.readTree(response.body());
            requestId = body.path("requestId").asString(null);
            messages(body.path("errors")).forEach(message -> errors.add(redact(message)));
        } catch (RuntimeException notJson) {
            String text = excerpt(response.body());
            if (!text.isEmpty()) {
                errors.add(text);
            }
        }
        return new ErrorBody(requestId, errors);
    }

    /**
     * The messages of an error body's {@code errors}, in either documented shape: the current description's
     * array of strings, or the legacy swagger's object (each entry read as {@code "key: value"}); a lone
     * string is one message, and anything else inside is shown as its JSON.
     */
    static List<String> messages(JsonNode errors) {
        List<String> messages = new ArrayList<>();
        if (errors.isString()) {
            messages.add(errors.asString());
        } else if (errors.isObject()) {
            for (Map.Entry<String, JsonNode> entry : errors.properties()) {
                messages.add(entry.getKey() + ": " + text(entry.getValue()));
            }
        } else {
            errors.forEach(error -> messages.add(text(error)));
        }
        return messages;
    }

    private static String text(JsonNode value) {
        return value.isString() ? value.asString() : value.toString();
    }

    /** The start of a body as text, redacted, without control characters: for messages about what came. */
    String excerpt(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 2000), StandardCharsets.UTF_8)
                .strip();
        text = redact(text).replaceAll("\\p{Cntrl}+", " ");
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }

    private GongApiException error(Call call, Response response, int attempts, String note) {
        ErrorBody body = errorBody(response);
        String message = "HTTP " + response.status() + " " + reason(response.status()) + " from " + call.describe()
                + (body.errors().isEmpty() ? "" : ": " + String.join("; ", body.errors()))
                + (body.requestId() == null ? "" : " (Gong requestId " + body.requestId() + ")")
                + (attempts > 1 ? " after " + attempts + " attempts" : "")
                + (note == null ? "" : "; " + note);
        return new GongApiException(message, response.status(), body.requestId(), body.errors(), null);
    }

    /**
     * Gong already has a request with the call's clientRequestId. After a lost attempt it may be that
     * attempt's, or an older one's: the message says the file may not have been sent, and how to find out.
     */
    private ClientRequestIdConflictException conflict(Call call, Response response, String lostAttempt) {
        ErrorBody body = errorBody(response);
        String id = call.queryValue("clientRequestId");
        String said = "HTTP 409 Conflict from " + call.describe()
                + (body.errors().isEmpty() ? "" : ": " + String.join("; ", body.errors()))
                + (body.requestId() == null ? "" : " (Gong requestId " + body.requestId() + ")");
        boolean upload = call.entity != null;
        String message = lostAttempt == null
                ? said + ". Gong already has a request with clientRequestId '" + id + "' from an earlier call, so "
                        + (upload ? "this file was not uploaded" : "this request was not taken")
                        + "; send it under a new clientRequestId"
                : said + ", after an earlier attempt of this call that may have reached Gong (" + redact(lostAttempt)
                        + "). That attempt may be the request Gong has, or clientRequestId '" + id + "' belonged to an "
                        + "earlier, different request: the client cannot tell which, so "
                        + (upload ? "this file may not have been uploaded" : "this request may not have been taken")
                        + ". Check requestStatus('" + id + "') against what you sent, or send it again under a new "
                        + "clientRequestId" + (upload ? " (an id from GongCrmClient.contentRequestId lets the client "
                        + "tell)" : "");
        return new ClientRequestIdConflictException(said, message, id, lostAttempt == null ? null : redact(lostAttempt),
                body.requestId(), body.errors());
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
        watchdog.close();
        http.close();
    }
}
