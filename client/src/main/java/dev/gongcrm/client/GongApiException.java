package dev.gongcrm.client;

import dev.gongcrm.client.model.ErrorResponse;

import java.util.List;

/**
 * Gong answered with an error, or could not be reached after the retries. The message says what
 * was called, the status and what the server said; it never contains credentials.
 */
public class GongApiException extends RuntimeException {

    private final int statusCode;
    private final String requestId;
    private final List<String> errors;

    public GongApiException(String message, int statusCode, String requestId, List<String> errors, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
        this.requestId = requestId;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The HTTP status, or 0 when no response came (connection refused, dropped, timed out). */
    public int statusCode() {
        return statusCode;
    }

    /** Gong's reference for the failed request, when it sent one. */
    public String requestId() {
        return requestId;
    }

    /** The server's error messages. */
    public List<String> errors() {
        return errors;
    }

    /** The error body as the swagger's {@code ErrorResponse} model. */
    public ErrorResponse errorResponse() {
        return new ErrorResponse(requestId, errors);
    }
}
