package dev.gongcrm.validator.bundle;

import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.config.BundleConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A type override can say "user mapping file" as well as an object type, wherever overrides are read. */
class TypeOverrideTest {

    private static final String MAPPINGS = """
            {"crmUserId": "u-1", "emailAddress": "ann@example.com"}
            {"crmUserId": "u-2", "isDeleted": true}
            """;

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"USER_MAPPING", "user-mapping", "UserMapping", "map-users", "users_mappings"})
    void theSpellingsOfUserMappingParseToIt(String name) {
        assertEquals(TypeOverride.USER_MAPPING, TypeOverride.parse(name));
    }

    @Test
    void objectTypesParseAsBeforeAndAnUnknownNameListsEveryChoice() {
        assertEquals(TypeOverride.of(ObjectType.BUSINESS_USER), TypeOverride.parse("users"));
        assertEquals(TypeOverride.of(ObjectType.DEAL), TypeOverride.parse("deal"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TypeOverride.parse("mapping"));
        assertTrue(e.getMessage().contains("STAGE, or USER_MAPPING"), e.getMessage());
    }

    @Test
    void theOverrideSetsTheKindAndAnObjectTypeTurnsAMappingNameIntoEntities() throws Exception {
        Path export = write("crm-export.ldjson", MAPPINGS);
        Path mapping = write("user-mapping.ldjson", MAPPINGS);
        Path schema = write("x.schema.json", "[]");

        List<BundleFile> files = new BundleScanner(Map.of("crm-export.ldjson", TypeOverride.USER_MAPPING,
                mapping.toString(), TypeOverride.of(ObjectType.DEAL), "*", TypeOverride.of(ObjectType.ACCOUNT)))
                .scan(List.of(export, mapping, schema));

        assertEquals(List.of(FileKind.USER_MAPPING, FileKind.ENTITIES, FileKind.SCHEMA),
                files.stream().map(BundleFile::kind).toList());
        assertEquals(List.of(ObjectType.BUSINESS_USER, ObjectType.DEAL, ObjectType.ACCOUNT),
                files.stream().map(BundleFile::type).toList());
    }

    @Test
    void aFileWhoseNameDoesNotTellIsValidatedAsAMappingFileWhenTheConfigurationSaysSo() throws Exception {
        Path export = write("crm-export.ldjson", MAPPINGS);

        ValidationResult untold = Validator.builder(BundleConfig.NONE).build().validate(List.of(export));
        Files.writeString(folder.resolve(BundleConfig.FILE_NAME), "{\"types\": {\"crm-export.ldjson\": \"user-mapping\"}}");
        ValidationResult told = Validator.builder(BundleConfig.load(null, List.of(folder))).build().validate(List.of(export));

        assertTrue(untold.total() > 0, "as entities of no known type it cannot pass: " + untold.ruleCounts());
        assertEquals(Map.of(), told.ruleCounts());
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(folder.resolve(name), content);
    }
}
