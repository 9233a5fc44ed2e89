package dev.gongcrm.client.model;

/**
 * The answer to an asynchronous request (object upload, user mapping, integration delete).
 *
 * @param alreadyAccepted set by the client, not the server: an earlier attempt of this same call
 *     reached Gong but its response was lost, and the retry was refused with 409 for its
 *     clientRequestId; the request is being processed and {@code requestId} is unknown
 */
public record AsyncProcessingResponse(String clientRequestId, String requestId, boolean alreadyAccepted) {
}
