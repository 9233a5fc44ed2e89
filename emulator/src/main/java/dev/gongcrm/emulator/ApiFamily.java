package dev.gongcrm.emulator;

/**
 * The two generations of Gong's CRM API the emulator serves side by side over one store: the seed's
 * ({@code /v2/crm/object/entities}...) and the current description's ({@code /v2/crm/entities}...).
 * Each validates uploads with the validation profile of its own name; request status is shared.
 */
enum ApiFamily {

    LEGACY("legacy", "/v2/crm/integration/new", "/v2/crm/integration/list", "/v2/crm/integration/delete", 200,
            "/v2/crm/object/schema", 200, "/v2/crm/object/schema/list", "/v2/crm/object/entities",
            "/v2/crm/object/list"),
    /**
     * Answers 201 where its description says so (schema upload, integration delete), reads the ids of
     * a get-objects call from the {@code objectsCrmIds} query array its parameters declare or from the
     * body its text asks for, and lists every type's schema when {@code objectType} is left out, as its
     * text allows.
     */
    CURRENT("current", "/v2/crm/integrations", "/v2/crm/integrations", "/v2/crm/integrations", 201,
            "/v2/crm/entity-schema", 201, "/v2/crm/entity-schema", "/v2/crm/entities", "/v2/crm/entities");

    static final String REQUEST_STATUS = "/v2/crm/request-status";

    final String profile;
    final String registerIntegration;
    final String listIntegrations;
    final String deleteIntegration;
    final int deleteAccepted;
    final String uploadSchema;
    final int schemaAccepted;
    final String listSchema;
    final String uploadObjects;
    final String getObjects;

    ApiFamily(String profile, String registerIntegration, String listIntegrations, String deleteIntegration,
              int deleteAccepted, String uploadSchema, int schemaAccepted, String listSchema, String uploadObjects,
              String getObjects) {
        this.profile = profile;
        this.registerIntegration = registerIntegration;
        this.listIntegrations = listIntegrations;
        this.deleteIntegration = deleteIntegration;
        this.deleteAccepted = deleteAccepted;
        this.uploadSchema = uploadSchema;
        this.schemaAccepted = schemaAccepted;
        this.listSchema = listSchema;
        this.uploadObjects = uploadObjects;
        this.getObjects = getObjects;
    }

    boolean isCurrent() {
        return this == CURRENT;
    }
}
