package dev.gongcrm.client.model;

/**
 * The states of an asynchronous request. {@link #UNKNOWN} stands for a value the API does not document
 * (Gong may add one, such as {@code QUEUED}): it is not final, so a poller goes on waiting;
 * {@link RequestStatusResponse#statusText()} holds the value as Gong sent it.
 */
public enum RequestStatus {
    PENDING,
    IN_PROGRESS,
    DONE,
    FAILED,
    UNKNOWN;

    public boolean isFinal() {
        return this == DONE || this == FAILED;
    }

    /** The status Gong sent, or {@link #UNKNOWN} for one the API does not document; never throws. */
    public static RequestStatus of(String value) {
        if (value != null) {
            for (RequestStatus status : values()) {
                if (status != UNKNOWN && status.name().equals(value)) {
                    return status;
                }
            }
        }
        return UNKNOWN;
    }
}
