package dev.gongcrm.client.push;

import dev.gongcrm.client.model.LineError;

import java.time.Instant;
import java.util.List;

/**
 * What the ledger knows of one upload request.
 *
 * @param status SENDING (the upload may or may not have reached Gong), ACCEPTED (Gong has it, processing),
 *     DONE or FAILED; STALE when Gong no longer holds what was DONE
 */
public record StepRecord(String clientRequestId, String file, String contentHash, String objectType, int part,
                         String status, String requestId, Instant startedAt, Instant finishedAt,
                         List<LineError> errors) {

    public static final String SENDING = "SENDING";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
    /** Was DONE, but Gong no longer holds it (the integration was reset). */
    public static final String STALE = "STALE";

    public StepRecord {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** Sent, but whether and how Gong processed it is still to be learned by polling. */
    public boolean inFlight() {
        return SENDING.equals(status) || ACCEPTED.equals(status);
    }
}
