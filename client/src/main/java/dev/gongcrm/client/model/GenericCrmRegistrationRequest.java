package dev.gongcrm.client.model;

/** The body of {@code /v2/crm/integration/new}; both fields are required. */
public record GenericCrmRegistrationRequest(String name, String ownerEmail) {
}
