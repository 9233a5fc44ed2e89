package dev.gongcrm.emulator;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** A fault the emulator applies to a request instead of (or on top of) answering it. */
public sealed interface Fault {

    /** 429 with {@code Retry-After: seconds}; the request is not processed. */
    record RateLimited(int retryAfterSeconds) implements Fault {
    }

    /** 500; the request is not processed. */
    record ServerError() implements Fault {
    }

    /** The answer comes after this delay (a slow server, or a client timeout). */
    record Delay(Duration delay) implements Fault {
    }

    /** The request is processed, but the connection is closed before any response: a lost answer. */
    record DropConnection() implements Fault {
    }

    /**
     * This answer instead of the real one, whatever it says (a proxy's HTML page, a status value Gong
     * may add one day, a Retry-After no client expects); the request is not processed.
     */
    record Answer(int status, Map<String, String> headers, String contentType, String body) implements Fault {
        public Answer {
            headers = Map.copyOf(headers);
            Objects.requireNonNull(contentType);
            Objects.requireNonNull(body);
        }
    }

    static Fault rateLimited(int retryAfterSeconds) {
        return new RateLimited(retryAfterSeconds);
    }

    static Fault serverError() {
        return new ServerError();
    }

    static Fault delay(Duration delay) {
        return new Delay(delay);
    }

    static Fault dropConnection() {
        return new DropConnection();
    }

    /** Answers with this status, headers and body; the request is not processed. */
    static Fault answer(int status, Map<String, String> headers, String contentType, String body) {
        return new Answer(status, headers, contentType, body);
    }

    /** Answers with this status and body and no extra header; the request is not processed. */
    static Fault answer(int status, String contentType, String body) {
        return new Answer(status, Map.of(), contentType, body);
    }
}
