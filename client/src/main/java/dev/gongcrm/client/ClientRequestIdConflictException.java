package dev.gongcrm.client;

import java.util.List;

/**
 * Gong answered 409 to an upload, user mapping or integration delete: it already has a request with
 * this clientRequestId, so it did not take this one. Whether that earlier request was this same call
 * is for the caller to judge: only it knows where its ids come from. The client judges one case
 * itself: after an attempt whose answer was lost, an id made with
 * {@link GongCrmClient#contentRequestId} from the very bytes being sent shows the earlier request was
 * this upload, and the call returns {@code alreadyAccepted} instead of throwing.
 */
public final class ClientRequestIdConflictException extends GongApiException {

    private final String clientRequestId;
    private final String lostAttempt;
    private final String answer;

    /** {@code answer} is what Gong said ("HTTP 409 Conflict from ...: ..."); {@code message} adds what it means. */
    ClientRequestIdConflictException(String answer, String message, String clientRequestId, String lostAttempt,
                                     String requestId, List<String> errors) {
        super(message, 409, requestId, errors, null);
        this.answer = answer;
        this.clientRequestId = clientRequestId;
        this.lostAttempt = lostAttempt;
    }

    /** The same conflict, with what the caller found out about it instead of "cannot tell". */
    ClientRequestIdConflictException judged(String meaning) {
        return new ClientRequestIdConflictException(answer, answer + ", after an earlier attempt of this call that may "
                + "have reached Gong (" + lostAttempt + "). " + meaning, clientRequestId, lostAttempt, requestId(),
                errors());
    }

    /** The id Gong already knows. */
    public String clientRequestId() {
        return clientRequestId;
    }

    /**
     * Whether an earlier attempt of this same call may have reached Gong (it was answered with a 5xx,
     * timed out, or lost its connection after connecting): the 409 may then be for that attempt, or for
     * an older, different request under the same id; the client cannot tell which.
     */
    public boolean afterLostAttempt() {
        return lostAttempt != null;
    }

    /** What happened to that earlier attempt ("HTTP 503", "timed out"...), or null when there was none. */
    public String lostAttempt() {
        return lostAttempt;
    }
}
