package dev.gongcrm.validator;

/**
 * How the data will be uploaded, which changes what is mandatory or allowed.
 *
 * @param initialUpload the first upload of an integration: deleted objects must not be sent
 * @param dialer Gong imports dialer calls: contacts and leads need a phoneNumber
 */
public record ValidationOptions(boolean initialUpload, boolean dialer) {

    public static final ValidationOptions DEFAULT = new ValidationOptions(false, false);
}
