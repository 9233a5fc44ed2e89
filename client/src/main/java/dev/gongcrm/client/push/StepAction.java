package dev.gongcrm.client.push;

/**
 * What a push does with a step, decided from the ledger.
 *
 * @param kind what happens
 * @param clientRequestId the id the step is (or was) sent with
 * @param earlier the ledger's record that led to the decision, or null
 */
public record StepAction(Kind kind, String clientRequestId, StepRecord earlier) {

    public enum Kind {
        /** Never sent (or sent and FAILED, or forced): a new request. */
        SEND,
        /** A crash left it SENDING: send it again under the same id; Gong's 409 means it arrived. */
        RESEND,
        /** Gong accepted it before a crash: poll it, do not send it again. */
        POLL,
        /** This content is DONE already: nothing to send (--full sends it again). */
        SKIP,
        /** The settle wait. */
        WAIT
    }

    public String describe() {
        return switch (kind) {
            case SEND -> (earlier == null ? "send as " : "send again (under a new id) as ") + clientRequestId;
            case RESEND -> "send again as " + clientRequestId + " (interrupted while sending; Gong keeps one copy)";
            case POLL -> "already sent as " + clientRequestId + "; wait for Gong to process it";
            case SKIP -> earlier == null ? "skip: nothing after it is sent"
                    : "already uploaded " + (earlier.finishedAt() == null ? ""
                    : earlier.finishedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " ")
                    + "as " + clientRequestId + "; skip (--full sends it again)";
            case WAIT -> "wait";
        };
    }
}
