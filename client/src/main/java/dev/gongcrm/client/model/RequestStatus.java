package dev.gongcrm.client.model;

/** The states of an asynchronous request. */
public enum RequestStatus {
    PENDING,
    IN_PROGRESS,
    DONE,
    FAILED;

    public boolean isFinal() {
        return this == DONE || this == FAILED;
    }
}
