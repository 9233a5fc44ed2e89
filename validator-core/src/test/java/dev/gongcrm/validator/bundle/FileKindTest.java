package dev.gongcrm.validator.bundle;

import dev.gongcrm.validator.ObjectType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FileKindTest {

    @ParameterizedTest
    @CsvSource({
            "user-mapping.ldjson, USER_MAPPING",
            "Users_Mappings-2024-06-01.jsonl, USER_MAPPING",
            "map-users.ldjson, USER_MAPPING",
            "crm-usermapping.ndjson, USER_MAPPING",
            "business_user_mapping.ldjson, USER_MAPPING",
            "users.ldjson, ENTITIES",
            "business-users.ldjson, ENTITIES",
            "mapping.ldjson, ENTITIES",
            "users-deal-map.ldjson, ENTITIES",
            "user-mapping.schema.json, SCHEMA",
            "user-mapping.csv, ",
    })
    void theNameTellsTheKind(String fileName, FileKind kind) {
        assertEquals(kind, FileKind.fromFileName(fileName));
    }

    @ParameterizedTest
    @CsvSource({
            "user-mapping.ldjson, USER_MAPPING, BUSINESS_USER",
            "stages-2.ldjson, ENTITIES, STAGE",
            "business-users.schema.json, SCHEMA, BUSINESS_USER",
            "deal-2024.schema.json, SCHEMA, DEAL",
            "export.ldjson, ENTITIES, ",
    })
    void theNameTellsTheType(String fileName, FileKind kind, ObjectType type) {
        assertEquals(Optional.ofNullable(type), BundleScanner.typeFromName(fileName, kind));
    }
}
