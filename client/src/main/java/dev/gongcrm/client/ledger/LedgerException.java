package dev.gongcrm.client.ledger;

/** The ledger cannot be used: unreadable, corrupt, written by a newer gongcrm, or locked by another push. */
public class LedgerException extends RuntimeException {

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
