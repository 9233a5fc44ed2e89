package dev.gongcrm.client.model;

import java.util.List;

/** What Gong answers with an error status: its reference for the request and its messages. */
public record ErrorResponse(String requestId, List<String> errors) {

    public ErrorResponse {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
