package dev.gongcrm.client.model;

import java.util.List;

/** The status of an asynchronous request, with at most the first 20 line errors when it failed. */
public record RequestStatusResponse(String requestId, RequestStatus status, List<LineError> errors,
                                    Integer totalErrorCount, Integer totalSuccessCount) {

    public RequestStatusResponse {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
