package dev.gongcrm.validator.schema;

import com.networknt.schema.Error;
import dev.gongcrm.validator.schema.QuickSchemaCheck.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quick check of schema files against the request-body schema agrees with networknt wherever it
 * decides: a file it finds valid has no failure, one it finds invalid has some. Judged on thousands of
 * definitions made of right and wrong values of every property, and on the schema files of the examples,
 * which it must decide (or it would spare no run anything).
 */
class QuickSchemaCheckTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String BODY_SCHEMA = "schema-fields.schema.json";

    /** Values of each property, the right one first; in this order, so that the same seed makes the same files. */
    private static final List<Map.Entry<String, List<String>>> VALUES = List.of(
            Map.entry("uniqueName", List.of("\"amount\"", "\"\"", "5", "null")),
            Map.entry("name", List.of("\"amount\"", "\"\"", "true")),
            Map.entry("label", List.of("\"Amount\"", "\"\"", "null")),
            Map.entry("type", List.of("\"STRING\"", "\"PICKLIST\"", "\"REFERENCE\"", "\"DATETIME\"", "\"string\"",
                    "\"MONEY\"", "null", "3")),
            Map.entry("referenceTo", List.of("\"ACCOUNT\"", "\"USER\"", "\"BUSINESS_USER\"", "null", "\"ACOUNT\"", "1")),
            Map.entry("orderedValueList", List.of("[\"Low\", \"High\"]", "[]", "[1]", "null", "\"Low\"")),
            Map.entry("isDeleted", List.of("false", "true", "null", "\"true\"")),
            Map.entry("lastModified", List.of("\"2022-01-01T00:00:00Z\"", "\"2022-01-01T00:00:00+05:30\"",
                    "\"2024-02-29T10:00:00Z\"", "\"2022-02-29T00:00:00Z\"", "\"2022-01-01T24:00:00Z\"",
                    "\"2022-01-01T23:59:60Z\"", "\"2022-01-01T00:00:00.000Z\"", "\"2022-01-01\"",
                    "\"2022-01-01T00:00:00+19:00\"", "\"2022-01-01t00:00:00z\"", "\"0001-01-01T00:00:00Z\"",
                    "\"2022-13-01T00:00:00Z\"", "null", "5")),
            Map.entry("extra", List.of("1", "\"x\"")));

    private static Stream<String> examples() throws Exception {
        Path root = Path.of("..", "examples");
        return Files.walk(root).filter(path -> path.getFileName().toString().endsWith(".schema.json"))
                .map(path -> {
                    try {
                        return Files.readString(path);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"legacy", "current"})
    void decidesLikeNetworkntWhereverItDecides(String profile) throws Exception {
        JsonNode bodySchema = MAPPER.readTree(ProfileSchemas.of(profile).resourceBytes(BODY_SCHEMA));
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        Random random = new Random(22);
        List<String> files = new ArrayList<>(examples().toList());
        files.add("{}");
        files.add("[1, \"x\", null, []]");
        files.add("[]");
        for (int i = 0; i < 3000; i++) {
            List<String> definitions = new ArrayList<>();
            for (int d = random.nextInt(4); d > 0; d--) {
                definitions.add(definition(random));
            }
            files.add("[" + String.join(", ", definitions) + "]");
        }
        for (String file : files) {
            JsonNode root = MAPPER.readTree(file);
            Verdict verdict = QuickSchemaCheck.check(bodySchema, root);
            verdicts.merge(verdict, 1, Integer::sum);
            List<Error> errors = JsonSchemas.get(profile, BODY_SCHEMA).validate(root);
            if (verdict == Verdict.VALID) {
                assertEquals(List.of(), errors, profile + ": found valid, which networknt refuses: " + file);
            } else if (verdict == Verdict.INVALID) {
                assertTrue(!errors.isEmpty(), profile + ": found invalid, which networknt takes: " + file);
            }
        }
        assertTrue(verdicts.getOrDefault(Verdict.VALID, 0) > 100, profile + " " + verdicts);
        assertTrue(verdicts.getOrDefault(Verdict.INVALID, 0) > 100, profile + " " + verdicts);
    }

    @ParameterizedTest
    @ValueSource(strings = {"legacy", "current"})
    void theSchemaFilesOfAnOrdinaryUploadAreDecidedWithoutNetworknt(String profile) throws Exception {
        JsonNode bodySchema = MAPPER.readTree(ProfileSchemas.of(profile).resourceBytes(BODY_SCHEMA));
        String file = """
                [{"uniqueName": "probability", "label": "Probability", "type": "PERCENT",
                  "lastModified": "2022-01-01T00:00:00Z"},
                 {"uniqueName": "forecast", "label": "Forecast", "type": "PICKLIST",
                  "orderedValueList": ["Pipeline", "Commit"], "lastModified": "2022-01-01T00:00:00-07:00"},
                 {"uniqueName": "partner", "label": "Partner", "type": "REFERENCE", "referenceTo": "ACCOUNT"},
                 {"uniqueName": "old", "label": "Old", "type": "STRING", "isDeleted": false}]""";
        assertEquals(Verdict.VALID, QuickSchemaCheck.check(bodySchema, MAPPER.readTree(file)));
        assertEquals(Verdict.INVALID, QuickSchemaCheck.check(bodySchema,
                MAPPER.readTree("[{\"uniqueName\": \"forecast\", \"label\": \"F\", \"type\": \"PICKLIST\"}]")));
    }

    /**
     * One definition: each property with its right value half the time, left out a quarter, another value the
     * rest; a property the body does not declare one time in eight.
     */
    private static String definition(Random random) {
        if (random.nextInt(40) == 0) {
            return "\"not an object\"";
        }
        List<String> properties = new ArrayList<>();
        for (Map.Entry<String, List<String>> property : VALUES) {
            List<String> values = property.getValue();
            String value = switch (property.getKey().equals("extra") ? (random.nextInt(8) == 0 ? 3 : 2)
                    : random.nextInt(4)) {
                case 0, 1 -> values.get(0);
                case 2 -> null;
                default -> values.get(random.nextInt(values.size()));
            };
            if (value != null) {
                properties.add("\"" + property.getKey() + "\": " + value);
            }
        }
        return "{" + String.join(", ", properties) + "}";
    }
}
