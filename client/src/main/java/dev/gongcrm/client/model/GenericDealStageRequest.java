package dev.gongcrm.client.model;

/** A stage for the deprecated {@code /v2/crm/stages} call. */
public record GenericDealStageRequest(String internalName, String name, boolean isActive, int sortOrder) {
}
