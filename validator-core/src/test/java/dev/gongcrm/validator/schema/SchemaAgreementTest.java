package dev.gongcrm.validator.schema;

import com.networknt.schema.Schema;
import dev.gongcrm.validator.Bundles;
import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.Validator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The engine compiles the type schemas into its own fast checks; this test holds it to them. Each
 * field of a valid object of each type is removed or given values of every JSON type and of the
 * date shapes, and the engine's verdict (an error from a schema-derived rule, or none) must equal a
 * reference JSON Schema validator's (networknt) on the same line and the same schema files, in every
 * profile.
 */
class SchemaAgreementTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Set<String> SCHEMA_RULES = Set.of("missing-mandatory-field", "wrong-type",
            "datetime-format", "date-format", "out-of-range", "string-format", "picklist-value");
    /** A valid object of each type, per profile. */
    private static final Map<String, Map<ObjectType, String>> VALID = new LinkedHashMap<>();
    private static final List<Object> VALUES = new ArrayList<>();

    static {
        Map<ObjectType, String> legacy = new LinkedHashMap<>();
        VALID.put("legacy", legacy);
        legacy.put(ObjectType.STAGE, "{\"objectId\": \"s\", \"modifiedDate\": \"2019-01-03T23:45:57+01:00\", "
                + "\"internalName\": \"s\", \"name\": \"S\", \"isActive\": true, \"sortOrder\": 1}");
        legacy.put(ObjectType.BUSINESS_USER, "{\"objectId\": \"u\", \"modifiedDate\": \"2019-01-03T23:45:57Z\", "
                + "\"emailAddress\": \"u@example.com\"}");
        legacy.put(ObjectType.ACCOUNT, "{\"objectId\": \"a\", \"modifiedDate\": \"2019-01-03T23:45:57Z\", "
                + "\"name\": \"A\", \"domains\": [\"a.com\"], \"url\": \"https://crm.com/a\"}");
        legacy.put(ObjectType.CONTACT, "{\"objectId\": \"c\", \"modifiedDate\": \"2019-01-03T23:45:57Z\", "
                + "\"accountId\": \"a\", \"emailAddress\": \"c@example.com\", \"firstName\": \"C\", "
                + "\"lastName\": \"D\", \"title\": \"VP\", \"phoneNumber\": \"+1\"}");
        legacy.put(ObjectType.LEAD, "{\"objectId\": \"l\", \"modifiedDate\": \"2019-01-03T23:45:57Z\", "
                + "\"emailAddress\": \"l@example.com\", \"firstName\": \"L\", \"lastName\": \"M\", "
                + "\"convertedToDealId\": \"d\"}");
        legacy.put(ObjectType.DEAL, "{\"objectId\": \"d\", \"modifiedDate\": \"2022-02-04T18:24:59Z\", "
                + "\"accountId\": \"a\", \"ownerId\": \"u\", \"name\": \"D\", \"createdDate\": \"2022-02-04T17:57:23Z\", "
                + "\"closeDate\": \"2022-09-04\", \"isOpen\": true, \"isWon\": false, \"stage\": \"s\", \"amount\": 7000}");
        Map<ObjectType, String> current = new LinkedHashMap<>(legacy);
        VALID.put("current", current);
        current.put(ObjectType.STAGE, "{\"objectId\": \"s\", \"name\": \"S\", \"isActive\": true, \"sortOrder\": 1}");
        current.put(ObjectType.DEAL, "{\"objectId\": \"d\", \"modifiedDate\": \"2022-02-04T18:24:59Z\", "
                + "\"accountId\": \"a\", \"ownerId\": \"u\", \"name\": \"D\", \"createdDate\": \"2022-02-04T17:57:23Z\", "
                + "\"closeDate\": \"2022-09-04\", \"status\": \"OPEN\", \"stage\": \"s\", \"amount\": 7000}");
        VALUES.add(null);
        for (String json : List.of("null", "\"\"", "\"text\"", "0", "1", "2.5", "-3", "1.0", "true", "false", "[]",
                "[\"a.com\"]", "[1]", "{}", "\"2022-02-04T18:24:59Z\"", "\"2022-02-04T18:24:59.000Z\"",
                "\"2022-02-04\"", "\"WON\"", "\"won\"", "\"a b\"", "\"user1_Id_In_The_CRM\"", "\"jane.doe@acme.com\"",
                "\"" + "x".repeat(64) + "\"", "\"" + "x".repeat(65) + "\"")) {
            VALUES.add(MAPPER.readTree(json));
        }
    }

    @TestFactory
    List<DynamicTest> engineAndJsonSchemaAgreeOnEveryVariant() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String profile : ProfileSchemas.PROFILES) {
            tests.addAll(variants(profile));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> everyProfileHasAValidObjectOfEachType() {
        return ProfileSchemas.PROFILES.stream().map(profile -> DynamicTest.dynamicTest(profile, () ->
                assertEquals(List.of(ObjectType.values()).stream().sorted().toList(),
                        VALID.get(profile).keySet().stream().sorted().toList()))).toList();
    }

    private static List<DynamicTest> variants(String profile) {
        ProfileSchemas schemas = ProfileSchemas.of(profile);
        Validator validator = Validator.builder().profile(profile).build();
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<ObjectType, String> valid : VALID.get(profile).entrySet()) {
            ObjectType type = valid.getKey();
            Schema schema = JsonSchemas.get(profile, type.resourceName() + ".schema.json");
            for (String field : schemas.type(type).fields().keySet()) {
                for (Object value : VALUES) {
                    ObjectNode line = (ObjectNode) MAPPER.readTree(valid.getValue());
                    if (value == null) {
                        line.remove(field);
                    } else {
                        line.set(field, (JsonNode) value);
                    }
                    tests.add(DynamicTest.dynamicTest(profile + " " + type + " " + field + "="
                                    + (value == null ? "(absent)" : value),
                            () -> assertAgreement(validator, type, schema, line)));
                }
            }
        }
        return tests;
    }

    /**
     * Custom fields too: for each field type of {@code custom-field-types.schema.json}, a deal with a
     * custom field of that type and each value must be judged as the type's definition judges the value.
     */
    @TestFactory
    List<DynamicTest> customFieldsAgreeWithTheirTypeDefinitions() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String profile : ProfileSchemas.PROFILES) {
            tests.addAll(customFieldVariants(profile));
        }
        return tests;
    }

    private static List<DynamicTest> customFieldVariants(String profile) {
        Validator validator = Validator.builder().profile(profile).build();
        List<DynamicTest> tests = new ArrayList<>();
        for (String fieldType : ProfileSchemas.of(profile).customFieldTypeNames()) {
            if (fieldType.equals("STRINGARRAY")) {
                continue; // not allowed for custom fields at all: stringarray-custom-field
            }
            Schema definition = JsonSchemas.get(profile, "custom-field-types.schema.json#/$defs/" + fieldType);
            String schemaFile = "[{\"uniqueName\": \"extra\", \"label\": \"Extra\", \"type\": \"" + fieldType + "\""
                    + (fieldType.equals("PICKLIST") ? ", \"orderedValueList\": [\"text\", \"a.com\"]" : "")
                    + (fieldType.equals("REFERENCE") ? ", \"referenceTo\": \"ACCOUNT\"" : "") + "}]";
            for (Object value : VALUES) {
                if (value == null) {
                    continue;
                }
                JsonNode json = (JsonNode) value;
                tests.add(DynamicTest.dynamicTest(profile + " " + fieldType + "=" + json, () -> {
                    ObjectNode line = (ObjectNode) MAPPER.readTree(VALID.get(profile).get(ObjectType.DEAL));
                    line.set("extra", json);
                    boolean schemaValid = definition.validate(json).isEmpty()
                            && (!fieldType.equals("PICKLIST") || json.isNull() || List.of("text", "a.com").contains(json.asString("")));
                    List<Finding> errors = Bundles.validate(validator, "--- deal.schema.json\n" + schemaFile
                            + "\n--- deals.ldjson\n" + line + "\n").findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
                    assertEquals(schemaValid, errors.isEmpty(), () -> fieldType + " " + json + "\nJSON Schema: "
                            + definition.validate(json) + "\nengine: " + errors);
                }));
            }
        }
        return tests;
    }

    private static void assertAgreement(Validator validator, ObjectType type, Schema schema, ObjectNode line) {
        boolean schemaValid = schema.validate(line).isEmpty();
        List<Finding> errors = Bundles.validate(validator, "--- " + type.resourceName() + "s.ldjson\n" + line + "\n").findings()
                .stream().filter(f -> f.severity() == Severity.ERROR && SCHEMA_RULES.contains(f.rule())).toList();
        assertEquals(schemaValid, errors.isEmpty(), () -> line + "\nJSON Schema: " + schema.validate(line)
                + "\nengine: " + errors);
    }
}
