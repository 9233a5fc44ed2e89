package dev.gongcrm.emulator;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.rules.syntax.InvalidJson;
import dev.gongcrm.validator.rules.syntax.NotAnObject;
import dev.gongcrm.validator.schema.ProfileSchemas;
import dev.gongcrm.validator.schema.TypeSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * One line of a file for the deprecated {@code /v2/crm/map/users}: {@code crmUserId},
 * {@code emailAddress} and {@code isDeleted}. They are checked against the BUSINESS_USER object that
 * replaced the endpoint: crmUserId plays its objectId, the other two are its own fields, and the
 * email address is mandatory unless the line deletes the mapping.
 */
final class UserMappingCheck {

    /** The field a mapping is stored under. */
    static final String KEY = "crmUserId";
    private static final String IS_DELETED = "isDeleted";
    private static final TypeSpec USER = ProfileSchemas.of(ProfileSchemas.DEFAULT_PROFILE).type(ObjectType.BUSINESS_USER);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private UserMappingCheck() {
    }

    /** Gong's description of what is wrong with the line, or null when it is a valid mapping. */
    static String problem(String line) {
        JsonNode mapping;
        try {
            mapping = JSON.readTree(line);
        } catch (RuntimeException unparsable) {
            return GongMessages.of(InvalidJson.class, null);
        }
        if (!mapping.isObject()) {
            return GongMessages.of(NotAnObject.class, null);
        }
        boolean deleted = mapping.path(IS_DELETED).asBoolean(false);
        Stream<String> problems = Stream.concat(Stream.of(
                        FieldCheck.problem(mapping, KEY, USER.field(USER.referenceKey()), true),
                        FieldCheck.problem(mapping, IS_DELETED, USER.field(IS_DELETED), false)),
                USER.mandatoryUnlessDeleted().stream()
                        .map(field -> FieldCheck.problem(mapping, field, USER.field(field), !deleted)));
        return problems.filter(Objects::nonNull).findFirst().orElse(null);
    }
}
