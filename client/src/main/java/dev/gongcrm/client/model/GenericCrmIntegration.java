package dev.gongcrm.client.model;

/** A registered Generic CRM integration; its id is a 64-bit number that a double would corrupt. */
public record GenericCrmIntegration(long integrationId, String name, String ownerEmail) {
}
