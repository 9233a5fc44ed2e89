package dev.gongcrm.client;

import org.apache.hc.core5.http.HttpEntity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** One API call as the transport sends it, and how it may be retried. */
final class Call {

    /** Whether a call may be sent again when its outcome is unknown (5xx, dropped connection, timeout). */
    enum Retry {
        /** Reads, and writes that replace state whole (schema, stages): sending twice is harmless. */
        SAFE,
        /** Writes deduplicated by clientRequestId: a 409 after a lost response means it was accepted. */
        BY_CLIENT_REQUEST_ID,
        /** Writes that must not be repeated blindly (registering an integration): only 429 is retried. */
        UNSAFE
    }

    final String method;
    final String path;
    /** In order; a name may repeat (an array parameter in the form style, {@code ids=a&ids=b}). */
    final List<Map.Entry<String, String>> query = new ArrayList<>();
    final Supplier<HttpEntity> entity;
    final Retry retry;
    final Duration timeout;

    Call(String method, String path, Supplier<HttpEntity> entity, Retry retry, Duration timeout) {
        this.method = method;
        this.path = path;
        this.entity = entity;
        this.retry = retry;
        this.timeout = timeout;
    }

    Call query(String name, Object value) {
        query.add(Map.entry(name, String.valueOf(value)));
        return this;
    }

    /** The first value of a query parameter, or null. */
    String queryValue(String name) {
        return query.stream().filter(entry -> entry.getKey().equals(name)).map(Map.Entry::getValue).findFirst()
                .orElse(null);
    }

    String describe() {
        return method + " " + path;
    }
}
