package dev.gongcrm.emulator;

import java.util.List;
import java.util.Map;

/** An error answer: status, Gong-style messages, and headers (Retry-After). */
final class ApiError extends RuntimeException {

    final int status;
    final List<String> errors;
    final Map<String, String> headers;

    ApiError(int status, String... errors) {
        this(status, Map.of(), errors);
    }

    ApiError(int status, Map<String, String> headers, String... errors) {
        super(String.join("; ", errors), null, false, false);
        this.status = status;
        this.errors = List.of(errors);
        this.headers = headers;
    }
}
