package dev.gongcrm.client.model;

/**
 * The answer to an asynchronous request (object upload, user mapping, integration delete).
 *
 * @param requestId Gong's reference, null when the answer did not carry one (see {@code alreadyAccepted})
 * @param alreadyAccepted set by the client, not the server: an earlier attempt of this same call
 *     may have reached Gong but its answer was lost, the retry was refused with 409 for its
 *     clientRequestId, and that id was made by {@code GongCrmClient.contentRequestId} from the very
 *     bytes sent, which shows the request Gong has is this upload; {@code requestId} is then unknown.
 *     Any other 409 is a {@code ClientRequestIdConflictException}
 */
public record AsyncProcessingResponse(String clientRequestId, String requestId, boolean alreadyAccepted) {
}
