package dev.gongcrm.validator.config;

/** A configuration file that cannot be used; the message names the file, and the line and key when it can. */
public class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
