package dev.gongcrm.validator;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The six object types of {@code /v2/crm/object/entities}; names are case-sensitive on the wire, where
 * a type is sent by its {@link #name()} (a query parameter, a field value).
 */
public enum ObjectType {
    ACCOUNT("account", "accounts"),
    CONTACT("contact", "contacts"),
    DEAL("deal", "deals"),
    LEAD("lead", "leads"),
    BUSINESS_USER("business_user", "business_users", "businessuser", "businessusers", "user", "users"),
    STAGE("stage", "stages");

    /**
     * The types the schema endpoints ({@code /v2/crm/object/schema}, {@code /schema/list}) and
     * {@code /object/list} take: those with custom fields (the request body's {@code x-gong-object-types}).
     */
    public static final Set<ObjectType> SCHEMA_TYPES = Set.copyOf(EnumSet.of(ACCOUNT, CONTACT, DEAL, LEAD));

    /**
     * The order Gong takes the types in, each after those its objects refer to ("Upload Accounts. Wait 60
     * seconds. Upload Contacts and Deals."): files are validated and uploaded in it.
     */
    public static final List<ObjectType> UPLOAD_ORDER = List.of(STAGE, BUSINESS_USER, ACCOUNT, CONTACT, DEAL, LEAD);

    private final String[] fileNameTokens;

    ObjectType(String... fileNameTokens) {
        this.fileNameTokens = fileNameTokens;
    }

    /** The name of the type's schema resources, e.g. {@code business_user}. */
    public String resourceName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name exactly as the API expects it (case-sensitive). */
    public static Optional<ObjectType> fromWireName(String name) {
        for (ObjectType type : values()) {
            if (type.name().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Parses a user-supplied type name like {@link #parseLenient}; an unknown one is an IllegalArgumentException naming the types. */
    public static ObjectType parse(String name) {
        return parseLenient(name).orElseThrow(() -> new IllegalArgumentException("unknown object type '" + name
                + "'; use ACCOUNT, CONTACT, DEAL, LEAD, BUSINESS_USER or STAGE"));
    }

    /** Parses a user-supplied type name, forgiving case and {@code -} for {@code _}. */
    public static Optional<ObjectType> parseLenient(String name) {
        String normalized = name.trim().replace('-', '_');
        for (ObjectType type : values()) {
            if (type.name().equalsIgnoreCase(normalized)) {
                return Optional.of(type);
            }
            for (String token : type.fileNameTokens) {
                if (token.equalsIgnoreCase(normalized)) {
                    return Optional.of(type);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Tells the type from a file name: the name is split on anything but letters and digits and the
     * first token that names a type wins; {@code business} followed by {@code user(s)} is one token.
     */
    public static Optional<ObjectType> fromFileName(String fileName) {
        String[] tokens = fileName.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.equals("business") && i + 1 < tokens.length
                    && (tokens[i + 1].equals("user") || tokens[i + 1].equals("users"))) {
                return Optional.of(BUSINESS_USER);
            }
            for (ObjectType type : values()) {
                for (String candidate : type.fileNameTokens) {
                    if (!candidate.contains("_") && candidate.equals(token)) {
                        return Optional.of(type);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
