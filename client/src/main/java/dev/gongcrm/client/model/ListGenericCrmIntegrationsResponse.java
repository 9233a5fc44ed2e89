package dev.gongcrm.client.model;

import java.util.List;

public record ListGenericCrmIntegrationsResponse(String requestId, List<GenericCrmIntegration> integrations) {

    public ListGenericCrmIntegrationsResponse {
        integrations = integrations == null ? List.of() : List.copyOf(integrations);
    }
}
