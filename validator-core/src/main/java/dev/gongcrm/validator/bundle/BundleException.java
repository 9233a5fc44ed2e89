package dev.gongcrm.validator.bundle;

/** The paths given do not make a bundle: missing, unreadable, or holding nothing to check. */
public class BundleException extends Exception {
    public BundleException(String message) {
        super(message);
    }
}
