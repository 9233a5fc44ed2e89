package dev.gongcrm.client.model;

import java.util.List;

/**
 * The status of an asynchronous request, with at most the first 20 line errors when it failed.
 *
 * @param status the status, {@link RequestStatus#UNKNOWN} for a value the API does not document
 * @param statusText the status as Gong sent it ({@code "QUEUED"} when {@code status} is UNKNOWN)
 */
public record RequestStatusResponse(String requestId, RequestStatus status, List<LineError> errors,
                                    Integer totalErrorCount, Integer totalSuccessCount, String statusText) {

    public RequestStatusResponse {
        errors = errors == null ? List.of() : List.copyOf(errors);
        if (statusText == null && status != null) {
            statusText = status.name();
        }
    }

    /** A status whose text is its name. */
    public RequestStatusResponse(String requestId, RequestStatus status, List<LineError> errors,
                                 Integer totalErrorCount, Integer totalSuccessCount) {
        this(requestId, status, errors, totalErrorCount, totalSuccessCount, null);
    }
}
