package dev.gongcrm.client.model;

public record RegisterGenericCrmResponse(long integrationId, String requestId) {
}
