package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.read.SyntaxMessages;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.PriorUploads;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.read.LineProblem;
import dev.gongcrm.validator.read.TextEncoding;
import dev.gongcrm.validator.rules.FileScope;
import dev.gongcrm.validator.rules.Rule;
import dev.gongcrm.validator.rules.RuleMeta;
import dev.gongcrm.validator.rules.SchemaFieldScope;
import dev.gongcrm.validator.rules.SchemaFileScope;
import dev.gongcrm.validator.schema.CustomFieldDefinition;
import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.JsonNodeReader;
import dev.gongcrm.validator.schema.JsonSchemas;
import dev.gongcrm.validator.schema.ProfileSchemas;
import dev.gongcrm.validator.schema.ProfileTable;
import dev.gongcrm.validator.schema.QuickSchemaCheck;
import dev.gongcrm.validator.schema.TypeSpec;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one uploaded schema file ({@code *.schema.json}): its bytes and syntax, its structure
 * against the profile's request-body schema ({@code schema-fields.schema.json}: with networknt, unless
 * {@link QuickSchemaCheck} finds the file certainly valid; {@link SchemaBodyErrors} words the failures),
 * then each definition against the rules, one finding
 * per problem of a definition, at the line where it starts. Compiles the custom fields it defines,
 * so that the entity files of its type are checked against them.
 */
final class SchemaFileChecker {

    private static final String BODY_SCHEMA = "schema-fields.schema.json";

    private final BundleRun bundle;
    private final ProfileSchemas schemas;
    private final JsonNode bodySchema;
    private final SyntaxProblems syntax;
    private final SchemaBodyErrors bodyErrors;

    SchemaFileChecker(BundleRun bundle, ProfileSchemas schemas) {
        this.bundle = bundle;
        this.schemas = schemas;
        this.bodySchema = JsonNodeReader.read(schemas.resourceBytes(BODY_SCHEMA));
        this.syntax = new SyntaxProblems(bundle.rules().syntaxRules);
        this.bodyErrors = new SchemaBodyErrors(bodySchema);
    }

    /** The custom fields the file defines (deleted ones left out), or an empty list. */
    List<FieldSpec> check(BundleFile file, TypeSpec type) throws IOException {
        byte[] bytes;
        try (InputStream in = file.opener().open()) {
            bytes = in.readAllBytes();
        }
        // the same encoding rule as for entity files: UTF-8 without BOM (the parser would guess otherwise)
        String encodingProblem = TextEncoding.problem(bytes, bytes.length);
        if (encodingProblem != null) {
            syntax.report(bundle.sink(), file.name(), LineProblem.INVALID_ENCODING, 1, 1, encodingProblem);
            return List.of();
        }
        if (TextEncoding.hasUtf8Bom(bytes, bytes.length)) {
            syntax.report(bundle.sink(), file.name(), LineProblem.INVALID_ENCODING, 1, 1,
                    TextEncoding.UTF8_BOM_MESSAGE);
            bytes = Arrays.copyOfRange(bytes, TextEncoding.UTF8_BOM_LENGTH, bytes.length);
        }
        if (bytes.length == 0) {
            syntax.report(bundle.sink(), file.name(), LineProblem.EMPTY_FILE, 0, 0,
                    "schema file is empty; it must hold the JSON array of field definitions");
            return List.of();
        }
        TextEncoding.Located halfCharacter = TextEncoding.loneSurrogateEscape(bytes);
        if (halfCharacter != null) {
            syntax.report(bundle.sink(), file.name(), LineProblem.INVALID_ENCODING, halfCharacter.line(),
                    halfCharacter.column(), halfCharacter.message());
        }
        List<int[]> starts = new ArrayList<>();
        JsonNode root;
        try {
            if (!elementStarts(bytes, starts)) {
                // the request body's root "type": "array"
                reportFile(file, "type", "a schema file must be the JSON array of field definitions sent to "
                        + "/v2/crm/object/schema");
                return List.of();
            }
            root = JsonNodeReader.read(bytes);
        } catch (JacksonException e) {
            String message = SyntaxMessages.reason(e);
            if (halfCharacter != null && message.contains("surrogate")) {
                return List.of(); // Jackson refuses half a character in a key: reported above
            }
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            int column = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNr());
            LineProblem problem = message.startsWith("Invalid UTF-8") ? LineProblem.INVALID_ENCODING
                    : LineProblem.INVALID_JSON;
            syntax.report(bundle.sink(), file.name(), problem, line, column, message.contains("comment")
                    ? "comments are not allowed in JSON; remove them (" + message + ")" : message);
            return List.of();
        }
        List<String> acceptedTypes = bodyErrors.acceptedTypes();
        if (!acceptedTypes.contains(type.type().name())) {
            // the request body's x-gong-object-types, an enum of the path's objectType
            reportFile(file, "enum", "the schema endpoint takes objectType " + String.join(", ", acceptedTypes)
                    + " only; " + type.type() + " has no custom fields: remove this file");
            return List.of();
        }
        Definitions definitions = new Definitions(file, type.type(), root, starts);
        if (QuickSchemaCheck.check(bodySchema, root) != QuickSchemaCheck.Verdict.VALID) {
            definitions.broken = bodyErrors.report(JsonSchemas.get(schemas.profile(), BODY_SCHEMA).validate(root),
                    definitions);
        }
        return definitions.runRules();
    }

    /** A failure of the request body's own keyword at the root of the file, reported by the rule owning it. */
    private void reportFile(BundleFile file, String keyword, String message) {
        bundle.sink().add(new Raised(SchemaKeywordOwners.of(keyword, "").rule(), Raised.Place.at(file.name(), 1, 1),
                null, message));
    }

    /** Records where each element of the root array starts; false when the root is not an array. */
    private static boolean elementStarts(byte[] bytes, List<int[]> starts) {
        try (JsonParser parser = JsonNodeReader.parser(bytes)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return false;
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                starts.add(new int[] {parser.currentTokenLocation().getLineNr(),
                        parser.currentTokenLocation().getColumnNr()});
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                throw new IllegalStateException("content after the array");
            }
            return true;
        } catch (IllegalStateException trailing) {
            return false;
        }
    }

    /** The definitions of one file, serving as the scope of the schema-field rules. */
    private final class Definitions implements SchemaFieldScope, SchemaFileScope, FileScope,
            SchemaBodyErrors.Definitions {

        private final BundleFile file;
        private final ObjectType type;
        private final JsonNode root;
        private final List<int[]> starts;
        /** The definitions the request body's failures leave uncompiled. */
        private Set<Integer> broken = Set.of();
        /** The definitions of the last uploaded schema by uniqueName, read when a rule first asks. */
        private Map<String, JsonNode> lastUploaded;
        private int index;

        Definitions(BundleFile file, ObjectType type, JsonNode root, List<int[]> starts) {
            this.file = file;
            this.type = type;
            this.root = root;
            this.starts = starts;
        }

        List<FieldSpec> runRules() {
            List<FieldSpec> fields = new ArrayList<>();
            for (Rule rule : bundle.rules().schemaFieldRules) {
                rule.startFile(this);
            }
            for (index = 0; index < root.size(); index++) {
                for (Rule rule : bundle.rules().schemaFieldRules) {
                    rule.checkSchemaField(this);
                }
                FieldSpec field = compile();
                if (field != null) {
                    fields.add(field);
                }
            }
            for (Rule rule : bundle.rules().schemaFileRules) {
                rule.checkSchemaFile(this);
            }
            return fields;
        }

        private FieldSpec compile() {
            JsonNode definition = definition();
            String name = uniqueName();
            if (name == null || definition.path("isDeleted").asBoolean(false)) {
                return null;
            }
            if (broken.contains(index)) {
                return FieldSpec.anything(name);
            }
            FieldSpec spec = CustomFieldDefinition.compile(schemas, name, definition);
            return spec == null ? FieldSpec.anything(name) : spec;
        }

        @Override
        public JsonNode definition(int definition) {
            return root.path(definition);
        }

        @Override
        public String uniqueName(int definition) {
            return uniqueNameOf(definition(definition));
        }

        @Override
        public void report(int definition, RuleMeta rule, String property, String message, boolean fixable) {
            index = definition;
            add(rule, property, message, fixable);
        }

        private void add(RuleMeta rule, String property, String message, boolean fixable) {
            int[] start = index < starts.size() ? starts.get(index) : new int[] {1, 1};
            bundle.sink().add(new Raised(rule, new Raised.Place(file.name(), start[0], start[1], uniqueName()),
                    "/" + index + (property == null ? "" : "/" + property), message, fixable));
        }

        @Override
        public String file() {
            return file.name();
        }

        @Override
        public ObjectType type() {
            return type;
        }

        @Override
        public TypeSpec spec() {
            return schemas.type(type);
        }

        @Override
        public int index() {
            return index;
        }

        @Override
        public int line() {
            return index < starts.size() ? starts.get(index)[0] : 1;
        }

        @Override
        public JsonNode definition() {
            return root.path(index);
        }

        @Override
        public String uniqueName() {
            return uniqueNameOf(definition());
        }

        @Override
        public Optional<String> replacementOf(String property) {
            JsonNode declared = bodySchema.path("items").path("properties").path(property);
            return declared.path("deprecated").asBoolean(false)
                    ? Optional.of(declared.path("x-gong-replacement").asString("")) : Optional.empty();
        }

        @Override
        public Optional<String> documentedFormOf(String property, String value) {
            return SchemaBodyErrors.documentedFormOf(bodySchema, property, value);
        }

        @Override
        public Optional<JsonNode> lastUploadedDefinition() {
            if (lastUploaded == null) {
                lastUploaded = new HashMap<>();
                bundle.priorUploads().lastSchema(type).ifPresent(schema -> {
                    try {
                        for (JsonNode definition : JsonNodeReader.read(schema.json())) {
                            String name = uniqueNameOf(definition);
                            if (name != null) {
                                lastUploaded.put(name, definition);
                            }
                        }
                    } catch (JacksonException unreadable) {
                        // Gong accepted it when it was pushed; a ledger that cannot give it back has nothing to compare
                        lastUploaded.clear();
                    }
                });
            }
            String name = uniqueName();
            return name == null ? Optional.empty() : Optional.ofNullable(lastUploaded.get(name));
        }

        /** The uniqueName, or the deprecated {@code name} where this profile's request body still takes it. */
        private String uniqueNameOf(JsonNode definition) {
            String name = definition.path("uniqueName").asString(null);
            return name != null || !replacementOf("name").equals(Optional.of("uniqueName")) ? name
                    : definition.path("name").asString(null);
        }

        @Override
        public ProfileTable profile() {
            return schemas.table();
        }

        @Override
        public void report(Rule rule, String property, String message, boolean fixable) {
            add(rule.meta(), property, message, fixable);
        }

        @Override
        public Set<String> uniqueNames() {
            Set<String> names = new HashSet<>();
            for (index = 0; index < root.size(); index++) {
                String name = uniqueName();
                if (name != null) {
                    names.add(name);
                }
            }
            return names;
        }

        @Override
        public Optional<PriorUploads.UploadedSchema> lastUploaded() {
            return bundle.priorUploads().lastSchema(type);
        }

        @Override
        public void report(Rule rule, String message) {
            bundle.sink().add(new Raised(rule.meta(), Raised.Place.at(file.name(), 1, 1), null, message));
        }
    }
}
