package dev.gongcrm.client.model;

import tools.jackson.databind.JsonNode;

import java.util.Map;

/** The objects by CRM id; an id Gong does not know maps to null. */
public record GetGenericCrmObjectsResponse(String requestId, Map<String, JsonNode> crmObjectsMap) {
}
