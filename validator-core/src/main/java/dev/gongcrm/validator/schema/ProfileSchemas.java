package dev.gongcrm.validator.schema;

import dev.gongcrm.validator.DidYouMean;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The JSON Schemas of one API profile (a folder of the {@code schemas} module), compiled into the
 * {@link TypeSpec}s the engine checks lines against. The schemas are the single source of truth for
 * fields, types and mandatory fields: this class interprets the subset of JSON Schema they use
 * ({@code type}, {@code format}, {@code pattern}, {@code required}, {@code minimum}/{@code maximum},
 * {@code minLength}/{@code maxLength}/{@code minItems}, {@code enum}, {@code items}, {@code deprecated},
 * an {@code allOf} of a {@code $ref} to the common fields and {@code anyOf}s of single-field
 * {@code required}s, {@code additionalProperties: false}, and an {@code if isDeleted / else required})
 * plus a few {@code x-gong-*} keywords, and refuses any other keyword of a field rather than silently
 * ignoring it. Beside the schemas, {@code profile.json} holds the profile's {@link ProfileTable}.
 */
public final class ProfileSchemas {

    public static final String DEFAULT_PROFILE = "legacy";
    /** Every profile the schemas module has a folder for, the default first. */
    public static final List<String> PROFILES = List.of(DEFAULT_PROFILE, "current");
    private static final Set<String> FIELD_KEYWORDS = Set.of("type", "format", "pattern", "description", "$comment",
            "minLength", "maxLength", "minItems", "minimum", "maximum", "enum", "items", "deprecated");
    private static final String RESOURCE_ROOT = "dev/gongcrm/schemas/";
    private static final String COMMON = "common.schema.json";
    private static final String USER_MAPPING = "user-mapping.schema.json";
    private static final Map<String, ProfileSchemas> LOADED = new ConcurrentHashMap<>();

    private final String profile;
    private final ProfileTable table;
    private final Map<ObjectType, TypeSpec> types;
    private final TypeSpec userMapping;
    private final Map<String, FieldSpec> customFieldTypes;

    private ProfileSchemas(String profile) {
        this.profile = profile;
        this.table = readTable(profile, read("profile.json"));
        JsonTree common = read(COMMON);
        Map<ObjectType, TypeSpec> compiled = new EnumMap<>(ObjectType.class);
        for (ObjectType type : ObjectType.values()) {
            compiled.put(type, compileType(type, common, read(type.resourceName() + ".schema.json"), table));
        }
        this.types = Collections.unmodifiableMap(compiled);
        this.userMapping = hasResource(USER_MAPPING)
                ? compileType(ObjectType.BUSINESS_USER, common, read(USER_MAPPING), table) : null;
        Map<String, FieldSpec> fieldTypes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonTree> def : read("custom-field-types.schema.json").path("$defs").properties()
                .entrySet()) {
            fieldTypes.put(def.getKey(), compileField(def.getKey(), def.getValue()));
        }
        this.customFieldTypes = Collections.unmodifiableMap(fieldTypes);
    }

    /** The compiled schemas of a profile, loaded once per JVM. */
    public static ProfileSchemas of(String profile) {
        return LOADED.computeIfAbsent(requireKnown(profile), ProfileSchemas::new);
    }

    /** The profile name as given, or an IllegalArgumentException naming the profiles there are. */
    public static String requireKnown(String profile) {
        if (!PROFILES.contains(profile)) {
            throw new IllegalArgumentException("unknown profile '" + profile + "'; available: "
                    + String.join(", ", PROFILES) + DidYouMean.hint(profile, PROFILES));
        }
        return profile;
    }

    public String profile() {
        return profile;
    }

    public ProfileTable table() {
        return table;
    }

    public TypeSpec type(ObjectType type) {
        return types.get(type);
    }

    /**
     * The lines of a file for the deprecated {@code /v2/crm/map/users} ({@code user-mapping.schema.json}):
     * CRM users identified by crmUserId, the BUSINESS_USERs other objects refer to; null when the
     * profile has no such endpoint.
     */
    public TypeSpec userMapping() {
        return userMapping;
    }

    /** The field types a schema field definition may name, e.g. {@code PERCENT}, in schema order. */
    public Set<String> customFieldTypeNames() {
        return customFieldTypes.keySet();
    }

    /** The spec of a custom field of the given schema type, or null when the type is unknown. */
    public FieldSpec customField(String name, String fieldType, List<String> picklistValues, ObjectType target) {
        FieldSpec base = customFieldTypes.get(fieldType);
        return base == null ? null : base.named(name.intern()).withCustom(fieldType, picklistValues, target);
    }

    /** The classpath location of a resource of this profile, for tools that load schemas by URI. */
    public String resourcePath(String fileName) {
        return RESOURCE_ROOT + profile + "/" + fileName;
    }

    /** The bytes of a schema resource of this profile. */
    public byte[] resourceBytes(String fileName) {
        String path = resourcePath(fileName);
        try (InputStream in = ProfileSchemas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new SchemaLoadException("schema resource " + path + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new SchemaLoadException("cannot read schema resource " + path + ": " + e.getMessage());
        }
    }

    private boolean hasResource(String fileName) {
        return ProfileSchemas.class.getClassLoader().getResource(resourcePath(fileName)) != null;
    }

    private JsonTree read(String fileName) {
        return JsonTree.read(resourceBytes(fileName), resourcePath(fileName));
    }

    private static ProfileTable readTable(String profile, JsonTree json) {
        Map<String, Severity> severities = new LinkedHashMap<>();
        json.path("ruleSeverities").properties().forEach((rule, severity) ->
                severities.put(rule, Severity.parse(severity.asString(""))));
        Map<String, String> advice = new LinkedHashMap<>();
        json.path("ruleAdvice").properties().forEach((rule, text) -> advice.put(rule, text.asString("")));
        return new ProfileTable(profile, json.path("description").asString(""), severities, advice);
    }

    private static TypeSpec compileType(ObjectType type, JsonTree common, JsonTree schema, ProfileTable table) {
        boolean withCommon = false;
        List<List<String>> oneOf = new ArrayList<>();
        for (JsonTree part : schema.path("allOf").elements()) {
            if (COMMON.equals(part.path("$ref").asString(null))) {
                withCommon = true;
            } else if (part.has("anyOf")) {
                oneOf.add(oneOfGroup(type, part.path("anyOf")));
            } else {
                throw new SchemaLoadException(type + ": allOf may hold only {$ref: common.schema.json} "
                        + "and {anyOf: [{required: [field]}...]}");
            }
        }
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        List<String> mandatory = new ArrayList<>();
        List<String> unique = new ArrayList<>();
        for (JsonTree source : withCommon ? List.of(common, schema) : List.of(schema)) {
            for (Map.Entry<String, JsonTree> property : source.path("properties").properties().entrySet()) {
                String name = property.getKey().intern();
                fields.put(name, compileField(name, property.getValue()));
                if (property.getValue().path("x-gong-unique").asBoolean(false)) {
                    unique.add(name);
                }
            }
            mandatory.addAll(strings(source.path("required")));
        }
        List<String> unlessDeleted = List.of();
        if (schema.has("if") || schema.has("else")) {
            JsonTree condition = schema.path("if");
            if (!condition.path("properties").path("isDeleted").path("const").asBoolean(false)) {
                throw new SchemaLoadException(type + ": only 'if isDeleted is true, else required' is supported");
            }
            unlessDeleted = strings(schema.path("else").path("required"));
        }
        String idField = schema.path("x-gong-id-field").asString("objectId");
        return new TypeSpec(type, Collections.unmodifiableMap(fields), List.copyOf(mandatory), unlessDeleted,
                strings(schema.path("x-gong-required-for-dialer")),
                ifMissing(schema),
                schema.path("x-gong-reference-key").asString(idField),
                schema.path("x-gong-active-field").asString(null), idField, List.copyOf(unique), List.copyOf(oneOf),
                !schema.path("additionalProperties").asBoolean(true), table);
    }

    /** {@code anyOf: [{required: [a]}, {required: [b]}]}: at least one of a and b. */
    private static List<String> oneOfGroup(ObjectType type, JsonTree anyOf) {
        List<String> group = new ArrayList<>();
        for (JsonTree alternative : anyOf.elements()) {
            List<String> required = strings(alternative.path("required"));
            if (required.size() != 1 || alternative.properties().size() != 1) {
                throw new SchemaLoadException(type + ": each alternative of an anyOf must be {required: [one field]}");
            }
            group.add(required.get(0));
        }
        return List.copyOf(group);
    }

    /** The fields whose {@code x-gong-if-missing} says what leaving them out costs, with that sentence. */
    private static Map<String, String> ifMissing(JsonTree schema) {
        Map<String, String> recommended = new LinkedHashMap<>();
        schema.path("properties").properties().forEach((name, property) -> {
            String consequence = property.path("x-gong-if-missing").asString(null);
            if (consequence != null) {
                recommended.put(name.intern(), consequence);
            }
        });
        return Collections.unmodifiableMap(recommended);
    }

    private static FieldSpec compileField(String name, JsonTree property) {
        for (String keyword : property.properties().keySet()) {
            if (!FIELD_KEYWORDS.contains(keyword) && !keyword.startsWith("x-gong-")) {
                throw new SchemaLoadException("field " + name + ": unsupported keyword '" + keyword + "'");
            }
        }
        Set<JsonKind> kinds = EnumSet.noneOf(JsonKind.class);
        boolean nullable = false;
        JsonTree typeNode = property.path("type");
        for (String typeName : typeNode.isArray() ? strings(typeNode) : List.of(typeNode.asString(""))) {
            switch (typeName) {
                case "string" -> kinds.add(JsonKind.STRING);
                case "integer" -> kinds.add(JsonKind.INTEGER);
                case "number" -> kinds.add(JsonKind.NUMBER);
                case "boolean" -> kinds.add(JsonKind.BOOLEAN);
                case "array" -> kinds.add(JsonKind.ARRAY);
                case "null" -> nullable = true;
                default -> throw new SchemaLoadException("field " + name + ": unsupported type '" + typeName + "'");
            }
        }
        List<String> allowed = property.has("enum") ? strings(property.path("enum")) : null;
        String reference = property.path("x-gong-reference").asString(null);
        String pattern = property.path("pattern").asString(null);
        Double maxLength = property.path("maxLength").asNumber();
        return new FieldSpec(name, Collections.unmodifiableSet(kinds), nullable,
                ValueFormat.fromSchema(property.path("format").asString(null)),
                new TextLimits(maxLength == null ? TextLimits.UNLIMITED : maxLength.intValue(),
                        pattern == null ? null : compilePattern(name, pattern),
                        property.path("x-gong-pattern-description").asString(pattern)),
                property.path("minimum").asNumber(),
                property.path("maximum").asNumber(),
                isPositive(property.path("minLength")) || isPositive(property.path("minItems")),
                allowed,
                property.has("items") ? compileField(name + "[]", property.path("items")) : null,
                reference == null ? null : ObjectType.fromWireName(reference)
                        .orElseThrow(() -> new SchemaLoadException("field " + name + ": unknown reference type")),
                property.path("deprecated").asBoolean(false),
                property.path("x-gong-replacement").asString(null),
                null,
                property.path("description").asString(""));
    }

    private static Pattern compilePattern(String name, String pattern) {
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new SchemaLoadException("field " + name + ": invalid pattern: " + e.getDescription());
        }
    }

    private static boolean isPositive(JsonTree number) {
        Double value = number.asNumber();
        return value != null && value > 0;
    }

    private static List<String> strings(JsonTree array) {
        List<String> values = new ArrayList<>();
        for (JsonTree value : array.elements()) {
            String string = value.asString(null);
            if (string != null) {
                values.add(string.intern());
            }
        }
        return List.copyOf(values);
    }
}
