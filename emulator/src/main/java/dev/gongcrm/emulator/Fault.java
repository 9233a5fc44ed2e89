package dev.gongcrm.emulator;

import java.time.Duration;

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
}
