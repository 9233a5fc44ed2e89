package dev.gongcrm.client.model;

public record SchemaUpdateResponse(String requestId) {
}
