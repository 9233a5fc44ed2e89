package dev.gongcrm.validator.schema;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.FileKind;
import dev.gongcrm.validator.time.IsoDates;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The custom fields a bundle's objects carry that neither Gong nor the type's schema file defines, each
 * with the Gong field type its every value fits: BOOLEAN, DATE, DATETIME, NUMBER (PERCENT when its values
 * are 0 to 100 and its name says so, CURRENCY when its name says amount, price, value...), EMAILADDRESS,
 * URL, PHONENUMBER, STRINGARRAY, REFERENCE (every value the id of an object of one type of the bundle),
 * PICKLIST (few values, repeated: in the order first seen), else STRING. Numbers and booleans written as
 * text (as a conversion writes a column no schema typed yet) count as numbers and booleans: the next
 * conversion, with the schema file, writes them typed. Streams the files: what is kept
 * per field is bounded (a few distinct values, samples), and per object of the bundle its id's 64-bit hash.
 */
public final class SchemaInference {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A PICKLIST has at most this many values, each seen at least twice on average. */
    private static final int MAX_PICKLIST_VALUES = 25;
    private static final int SAMPLES = 3;
    private static final Pattern PERCENT_NAME = Pattern.compile("(?i).*(percent|pct|probability|ratio|rate|share).*");
    private static final Pattern CURRENCY_NAME = Pattern.compile(
            "(?i).*(amount|price|value|revenue|cost|arr|mrr|budget|fee|total|spend).*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern URL = Pattern.compile("(?i)https?://\\S+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{7,}");
    /** A number written as text, as a conversion writes a column no schema typed yet. */
    private static final Pattern NUMBER_TEXT = Pattern.compile("-?\\d+(\\.\\d+)?");
    /** Types whose ids a REFERENCE field may hold, in the order a reference is told: Gong's referenceTo values. */
    private static final List<ObjectType> REFERABLE = List.of(ObjectType.ACCOUNT, ObjectType.CONTACT, ObjectType.DEAL,
            ObjectType.LEAD, ObjectType.BUSINESS_USER);

    private SchemaInference() {
    }

    /**
     * A field found, and what its values showed.
     *
     * @param fieldType the Gong field type, e.g. NUMBER
     * @param referenceTo for a REFERENCE, the type whose ids its values are (USER for BUSINESS_USER), else null
     * @param orderedValueList for a PICKLIST, its values in the order first seen, else null
     * @param values how many objects give it a value (not null); {@code nulls}: how many give it null
     * @param distinct how many distinct values (counted up to a bound: at least this many)
     * @param samples a few of its values, as JSON
     */
    public record InferredField(ObjectType type, String name, String label, String fieldType, String referenceTo,
                                List<String> orderedValueList, long values, long nulls, int distinct,
                                List<String> samples) {
    }

    /**
     * The fields of the files' objects the types do not define, per type in upload order, each type's by name.
     *
     * @param profile the API profile whose built-in fields count as defined
     */
    public static List<InferredField> infer(List<BundleFile> files, String profile) throws IOException {
        ProfileSchemas schemas = ProfileSchemas.of(profile);
        Map<ObjectType, Set<String>> defined = new EnumMap<>(ObjectType.class);
        for (BundleFile file : files) {
            if (file.kind() == FileKind.SCHEMA && file.type() != null) {
                defined.computeIfAbsent(file.type(), t -> new HashSet<>()).addAll(schemaFileFields(file));
            }
        }
        Map<ObjectType, Ids> ids = new EnumMap<>(ObjectType.class);
        Map<ObjectType, Map<String, Evidence>> found = new EnumMap<>(ObjectType.class);
        for (BundleFile file : files) {
            if (file.kind() != FileKind.ENTITIES || file.type() == null) {
                continue;
            }
            ObjectType type = file.type();
            Set<String> known = new HashSet<>(schemas.type(type).fields().keySet());
            known.addAll(defined.getOrDefault(type, Set.of()));
            Map<String, Evidence> fields = found.computeIfAbsent(type, t -> new LinkedHashMap<>());
            Ids typeIds = ids.computeIfAbsent(type, t -> new Ids());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(file.opener().open(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    JsonNode object = object(line);
                    if (object == null) {
                        continue;
                    }
                    if (object.path("objectId").isString()) {
                        typeIds.add(object.path("objectId").asString());
                    }
                    if (!ObjectType.SCHEMA_TYPES.contains(type)) {
                        continue; // only accounts, contacts, deals and leads have custom fields
                    }
                    for (Map.Entry<String, JsonNode> member : object.properties()) {
                        if (!known.contains(member.getKey())) {
                            fields.computeIfAbsent(member.getKey(), Evidence::new).see(member.getValue());
                        }
                    }
                }
            }
        }
        ids.values().forEach(Ids::sort);
        List<InferredField> inferred = new ArrayList<>();
        for (ObjectType type : ObjectType.UPLOAD_ORDER) {
            found.getOrDefault(type, Map.of()).values().stream()
                    .sorted(java.util.Comparator.comparing(evidence -> evidence.name))
                    .forEach(evidence -> inferred.add(evidence.infer(type, ids)));
        }
        return inferred;
    }

    private static JsonNode object(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(line);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null; // validation reports it; there is nothing to infer from it
        }
    }

    /** The names a schema file defines (deleted ones too: their name is not free). */
    private static Set<String> schemaFileFields(BundleFile file) throws IOException {
        Set<String> names = new HashSet<>();
        try (var in = file.opener().open()) {
            for (JsonNode definition : JSON.readTree(in)) {
                String name = definition.path("uniqueName").asString(definition.path("name").asString(null));
                if (name != null) {
                    names.add(name);
                }
            }
        } catch (JacksonException e) {
            // a broken schema file defines nothing here; validation reports it
        }
        return names;
    }

    /** "weightedValue" or "weighted_value": "Weighted value". */
    static String label(String name) {
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[_\\-.]+", " ").trim()
                .toLowerCase(Locale.ROOT);
        return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The 64-bit hashes of one type's ids, sorted to be searched. */
    private static final class Ids {
        private long[] hashes = new long[1024];
        private int size;

        void add(String id) {
            if (size == hashes.length) {
                hashes = Arrays.copyOf(hashes, size * 2);
            }
            hashes[size++] = hash(id);
        }

        void sort() {
            hashes = Arrays.copyOf(hashes, size);
            Arrays.sort(hashes);
        }

        boolean contains(long hash) {
            return Arrays.binarySearch(hashes, hash) >= 0;
        }
    }

    private static long hash(String text) {
        long hash = 0xCBF29CE484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001B3L;
        }
        return hash ^ hash >>> 29;
    }

    /** What the values of one field showed, kept within bounds whatever the number of objects. */
    private static final class Evidence {
        final String name;
        long values;
        long nulls;
        boolean booleans = true;
        boolean numbers = true;
        boolean strings = true;
        boolean stringArrays = true;
        boolean dates = true;
        boolean datetimes = true;
        boolean emails = true;
        boolean urls = true;
        boolean phones = true;
        boolean numberTexts = true;
        boolean booleanTexts = true;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        final Set<String> distinct = new LinkedHashSet<>();
        boolean tooMany;
        final List<String> samples = new ArrayList<>();
        long[] stringHashes = new long[64];
        int stringCount;

        Evidence(String name) {
            this.name = name;
        }

        void see(JsonNode value) {
            if (value.isNull()) {
                nulls++;
                return;
            }
            values++;
            if (samples.size() < SAMPLES && !samples.contains(value.toString())) {
                samples.add(value.toString());
            }
            booleans &= value.isBoolean();
            numbers &= value.isNumber();
            strings &= value.isString();
            stringArrays &= value.isArray() && allStrings(value);
            if (value.isNumber()) {
                min = Math.min(min, value.asDouble());
                max = Math.max(max, value.asDouble());
            }
            if (value.isString()) {
                String text = value.asString();
                dates &= IsoDates.isDate(text);
                datetimes &= IsoDates.isDateTime(text);
                emails &= EMAIL.matcher(text).matches();
                urls &= URL.matcher(text).matches();
                phones &= PHONE.matcher(text).matches() && text.chars().filter(Character::isDigit).count() >= 7;
                numberTexts &= NUMBER_TEXT.matcher(text).matches();
                booleanTexts &= text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
                if (numberTexts) {
                    min = Math.min(min, Double.parseDouble(text));
                    max = Math.max(max, Double.parseDouble(text));
                }
                if (stringCount == stringHashes.length) {
                    stringHashes = Arrays.copyOf(stringHashes, stringCount * 2);
                }
                stringHashes[stringCount++] = hash(text);
                if (!tooMany && distinct.add(text) && distinct.size() > MAX_PICKLIST_VALUES) {
                    tooMany = true;
                    distinct.clear();
                }
            }
        }

        private static boolean allStrings(JsonNode array) {
            for (JsonNode item : array) {
                if (!item.isString()) {
                    return false;
                }
            }
            return true;
        }

        InferredField infer(ObjectType type, Map<ObjectType, Ids> ids) {
            String fieldType = "STRING";
            String referenceTo = null;
            List<String> picklist = null;
            if (values == 0) {
                fieldType = "STRING";
            } else if (booleans || strings && booleanTexts) {
                fieldType = "BOOLEAN";
            } else if (numbers || strings && numberTexts) {
                fieldType = PERCENT_NAME.matcher(name).matches() && min >= 0 && max <= 100 ? "PERCENT"
                        : CURRENCY_NAME.matcher(name).matches() ? "CURRENCY" : "NUMBER";
            } else if (stringArrays) {
                fieldType = "STRINGARRAY";
            } else if (strings) {
                ObjectType referred = referred(type, ids);
                if (dates) {
                    fieldType = "DATE";
                } else if (datetimes) {
                    fieldType = "DATETIME";
                } else if (emails) {
                    fieldType = "EMAILADDRESS";
                } else if (urls) {
                    fieldType = "URL";
                } else if (referred != null) {
                    fieldType = "REFERENCE";
                    referenceTo = referred == ObjectType.BUSINESS_USER ? "USER" : referred.name();
                } else if (phones) {
                    fieldType = "PHONENUMBER";
                } else if (!tooMany && distinct.size() * 2 <= values) {
                    fieldType = "PICKLIST";
                    picklist = List.copyOf(distinct);
                }
            }
            return new InferredField(type, name, label(name), fieldType, referenceTo, picklist, values, nulls,
                    tooMany ? MAX_PICKLIST_VALUES + 1 : distinct.size(), List.copyOf(samples));
        }

        /** The one type of the bundle, other than the field's own, that has an object of each of its values' ids. */
        private ObjectType referred(ObjectType own, Map<ObjectType, Ids> ids) {
            for (ObjectType type : REFERABLE) {
                Ids candidates = ids.get(type);
                if (type == own || candidates == null || candidates.size == 0) {
                    continue;
                }
                boolean all = true;
                for (int i = 0; i < stringCount && all; i++) {
                    all = candidates.contains(stringHashes[i]);
                }
                if (all) {
                    return type;
                }
            }
            return null;
        }
    }
}
