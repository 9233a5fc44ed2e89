package dev.gongcrm.client.model;

import java.util.EnumSet;
import java.util.Set;

/** Object types as the endpoints take them: six for uploads, four for schemas and object lists. */
public enum ObjectType {
    ACCOUNT,
    CONTACT,
    DEAL,
    LEAD,
    BUSINESS_USER,
    STAGE;

    /** The types {@code /v2/crm/object/schema}, {@code /schema/list} and {@code /object/list} accept. */
    public static final Set<ObjectType> SCHEMA_TYPES = EnumSet.of(ACCOUNT, CONTACT, DEAL, LEAD);
}
