package dev.gongcrm.client;

import dev.gongcrm.validator.schema.ProfileSchemas;

import java.util.Arrays;

/**
 * The two generations of Gong's CRM API. {@link #LEGACY} is the seed's ({@code /v2/crm/object/entities},
 * {@code /integration/new}...), {@link #CURRENT} the one {@code gong-openapi-current.json} describes
 * ({@code /v2/crm/entities}, {@code /entity-schema}, {@code /integrations}), which marks the seed's
 * paths deprecated. Both take the same bodies and answer the same models; request status is shared.
 * Each is named like the validation profile whose rules it enforces.
 */
public enum ApiGeneration {

    LEGACY("legacy", "/v2/crm/integration/new", "/v2/crm/integration/list", "/v2/crm/integration/delete",
            "/v2/crm/object/schema", "/v2/crm/object/schema/list", "/v2/crm/object/entities", "/v2/crm/object/list",
            "/v2/crm/map/users", false),
    CURRENT("current", "/v2/crm/integrations", "/v2/crm/integrations", "/v2/crm/integrations",
            "/v2/crm/entity-schema", "/v2/crm/entity-schema", "/v2/crm/entities", "/v2/crm/entities", null, true);

    /** {@code /v2/crm/request-status}: one path for the requests of both generations. */
    static final String REQUEST_STATUS = "/v2/crm/request-status";

    private final String profile;
    final String registerIntegration;
    final String listIntegrations;
    final String deleteIntegration;
    final String uploadSchema;
    final String listSchema;
    final String uploadObjects;
    final String getObjects;
    /** The deprecated user mapping upload; null where the generation has none (the current description lists no such path). */
    final String mapUsers;
    /**
     * Whether the ids of a get-objects call also go in the {@code objectsCrmIds} query array: the current
     * description declares that parameter in the query while its text and example send the ids in the
     * body, so they go in both (the legacy description knows the body only).
     */
    final boolean idsInQuery;

    ApiGeneration(String profile, String registerIntegration, String listIntegrations, String deleteIntegration,
                  String uploadSchema, String listSchema, String uploadObjects, String getObjects, String mapUsers,
                  boolean idsInQuery) {
        this.profile = profile;
        this.registerIntegration = registerIntegration;
        this.listIntegrations = listIntegrations;
        this.deleteIntegration = deleteIntegration;
        this.uploadSchema = uploadSchema;
        this.listSchema = listSchema;
        this.uploadObjects = uploadObjects;
        this.getObjects = getObjects;
        this.mapUsers = mapUsers;
        this.idsInQuery = idsInQuery;
    }

    /** The validation profile of this generation ({@code legacy}, {@code current}). */
    public String profile() {
        return profile;
    }

    /** Whether this generation has {@code /map/users}, the upload of a user mapping file. */
    public boolean mapsUsers() {
        return mapUsers != null;
    }

    /**
     * The generation whose rules a validation profile enforces; an unknown profile is an
     * IllegalArgumentException that names the known ones (and the likely one, for a typo).
     */
    public static ApiGeneration ofProfile(String profile) {
        ProfileSchemas.requireKnown(profile);
        for (ApiGeneration generation : values()) {
            if (generation.profile.equals(profile)) {
                return generation;
            }
        }
        throw new IllegalArgumentException("profile '" + profile + "' has no API generation in this client; use "
                + String.join(" or ", Arrays.stream(values()).map(ApiGeneration::profile).toList()));
    }
}
