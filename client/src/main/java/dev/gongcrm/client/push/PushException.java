package dev.gongcrm.client.push;

/** A push stopped for a reason that is not the data: Gong still processing at the timeout, a file that changed. */
public class PushException extends RuntimeException {

    public PushException(String message) {
        super(message);
    }
}
