package dev.gongcrm.validator.convert;

import dev.gongcrm.validator.schema.CustomFieldDefinition;
import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.ProfileSchemas;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The custom fields of a {@code <type>.schema.json}, so that their cells are typed too. Only what typing
 * needs is read; the validation that follows the conversion checks the schema file itself and reports its
 * problems at their lines, so a definition that cannot be read here is simply not typed.
 */
final class CustomFields {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private CustomFields() {
    }

    static List<FieldSpec> read(Path schemaFile, ProfileSchemas schemas) throws IOException {
        if (!Files.isRegularFile(schemaFile)) {
            throw new ConversionException(schemaFile + ": schema file does not exist");
        }
        JsonNode definitions;
        try (InputStream in = Files.newInputStream(schemaFile)) {
            definitions = MAPPER.readTree(in);
        } catch (JacksonException e) {
            return List.of();
        }
        List<FieldSpec> fields = new ArrayList<>();
        for (JsonNode definition : definitions) {
            String name = definition.path("uniqueName").asString(definition.path("name").asString(null));
            if (name == null || definition.path("isDeleted").asBoolean(false)) {
                continue;
            }
            FieldSpec spec = CustomFieldDefinition.compile(schemas, name, definition);
            if (spec != null) {
                fields.add(spec);
            }
        }
        return fields;
    }
}
