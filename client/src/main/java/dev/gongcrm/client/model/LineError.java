package dev.gongcrm.client.model;

/** One line of an uploaded file that Gong could not process. */
public record LineError(int line, String description) {
}
