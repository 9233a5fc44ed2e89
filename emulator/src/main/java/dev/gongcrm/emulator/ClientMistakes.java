package dev.gongcrm.emulator;

import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.http.HttpException;

import java.io.EOFException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells a client's mistake from the emulator's own failure: what Jetty and Javalin throw for a
 * request they could not read (a broken multipart form, a body over the limit) becomes Gong's 400 or
 * 413 with a reason, never a 500.
 */
final class ClientMistakes {

    private static final long DEFAULT_LIMIT = 200L * 1024 * 1024;

    private ClientMistakes() {
    }

    /** 413 in Gong's words for the default limit, in bytes for another one. */
    static ApiError tooLarge(long maxUploadBytes) {
        return new ApiError(413, maxUploadBytes == DEFAULT_LIMIT ? "Maximum payload size is 200 megabytes"
                : "Maximum payload size is " + maxUploadBytes + " bytes");
    }

    /** What reading a multipart body threw, as the client's mistake: always 400 or 413. */
    static ApiError multipart(Throwable error, long maxUploadBytes) {
        ApiError known = of(error, maxUploadBytes);
        return known != null ? known
                : new ApiError(400, "Malformed request: the body is not a readable multipart form ("
                        + reason(innermost(error)) + ")");
    }

    /** The client's mistake this exception stands for, or null when it is the emulator's own failure. */
    static ApiError of(Throwable error, long maxUploadBytes) {
        // the most telling cause first: Jetty wraps each of these in a 400 "bad multipart"
        for (Throwable cause : chain(error)) {
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            if (message.contains("max file size exceeded")
                    || (message.contains("max length exceeded") && !message.contains("headers max length"))) {
                return tooLarge(maxUploadBytes);
            }
        }
        for (Throwable cause : chain(error)) {
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            if (message.startsWith("Form with too many keys")) {
                return new ApiError(400, "Malformed request: the multipart form has more than 1,000 parts");
            }
            if (message.startsWith("No multipart boundary")) {
                return new ApiError(400, "Malformed request: the Content-Type names no multipart boundary");
            }
            if (message.contains("invalid byte")) {
                return new ApiError(400, "Malformed request: a multipart header holds a byte HTTP forbids (NUL or "
                        + "another control character)");
            }
            if (cause instanceof NullPointerException && message.contains("getName()")) {
                // Jetty reads the parts' names as it parses them: a part without Content-Disposition has none
                return new ApiError(400, "Malformed request: a multipart part has no Content-Disposition with a name");
            }
            if (cause instanceof EOFException) {
                return new ApiError(400, "Malformed request: the body ends before the multipart form does (no "
                        + "closing boundary, another boundary than the Content-Type's, or an empty body)");
            }
        }
        for (Throwable cause : chain(error)) {
            if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return http.getCode() == 413 ? tooLarge(maxUploadBytes)
                        : new ApiError(http.getCode(), "Malformed request: " + reason(innermost(error)));
            }
            if (cause instanceof HttpResponseException http && http.getStatus() >= 400 && http.getStatus() < 500) {
                // Javalin's own limit is on JSON bodies (10 MB), not on uploads
                return new ApiError(http.getStatus(), (http.getStatus() == 413 ? "Payload too large: "
                        : "Malformed request: ") + reason(cause));
            }
        }
        return null;
    }

    private static List<Throwable> chain(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = error; cause != null && chain.size() < 20 && !chain.contains(cause);
             cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    /** The exception and its causes, for the log. */
    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause : chain(error)) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(cause.getClass().getName()).append(": ").append(reason(cause));
        }
        return text.toString();
    }

    private static Throwable innermost(Throwable error) {
        List<Throwable> chain = chain(error);
        return chain.get(chain.size() - 1);
    }

    /** A message fit for an answer and a log line: no control characters, not too long. */
    private static String reason(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        StringBuilder clean = new StringBuilder();
        message.codePoints().limit(200).forEach(c -> {
            if (Character.isISOControl(c)) {
                clean.append(String.format("\\u%04x", c));
            } else {
                clean.appendCodePoint(c);
            }
        });
        return clean.toString();
    }
}
