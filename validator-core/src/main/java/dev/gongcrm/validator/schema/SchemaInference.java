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
    /** Words of a name (winProbability: win, probability) that say a number is a percentage, or money. */
    private static final Set<String> PERCENT_WORDS = Set.of("percent", "percentage", "pct", "probability", "ratio",
            "rate", "share");
    private static final Set<String> CURRENCY_WORDS = Set.of("amount", "price", "value", "revenue", "cost", "arr",
            "mrr", "budget", "fee", "fees", "spend");
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
        // first the ids of every type, so that each value can be checked as it comes, and nothing kept per value
        Map<ObjectType, Ids> ids = new EnumMap<>(ObjectType.class);
        for (BundleFile file : files) {
            if (file.kind() == FileKind.ENTITIES && REFERABLE.contains(file.type())) {
                Ids typeIds = ids.computeIfAbsent(file.type(), t -> new Ids());
                forEachObject(file, object -> {
                    if (object.path("objectId").isString()) {
                        typeIds.add(object.path("objectId").asString());
                    }
                });
            }
        }
        ids.values().forEach(Ids::sort);
        Map<ObjectType, Map<String, Evidence>> found = new EnumMap<>(ObjectType.class);
        for (BundleFile file : files) {
            ObjectType type = file.type();
            // only accounts, contacts, deals and leads have custom fields
            if (file.kind() != FileKind.ENTITIES || !ObjectType.SCHEMA_TYPES.contains(type)) {
                continue;
            }
            Set<String> known = new HashSet<>(schemas.type(type).fields().keySet());
            known.addAll(defined.getOrDefault(type, Set.of()));
            Map<String, Evidence> fields = found.computeIfAbsent(type, t -> new LinkedHashMap<>());
            forEachObject(file, object -> {
                for (Map.Entry<String, JsonNode> member : object.properties()) {
                    if (!known.contains(member.getKey())) {
                        fields.computeIfAbsent(member.getKey(), name -> new Evidence(name, type, ids))
                                .see(member.getValue());
                    }
                }
            });
        }
        List<InferredField> inferred = new ArrayList<>();
        for (ObjectType type : ObjectType.UPLOAD_ORDER) {
            found.getOrDefault(type, Map.of()).values().stream()
                    .sorted(java.util.Comparator.comparing(evidence -> evidence.name))
                    .forEach(evidence -> inferred.add(evidence.infer(type)));
        }
        return inferred;
    }

    private static void forEachObject(BundleFile file, java.util.function.Consumer<JsonNode> consumer)
            throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(file.opener().open(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode object = object(line);
                if (object != null) {
                    consumer.accept(object);
                }
            }
        }
    }

    /** The words of a name, lower case: winProbability and win_probability are win, probability. */
    private static List<String> words(String name) {
        return List.of(name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).split("[^a-z0-9]+"));
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
        private final Map<ObjectType, Ids> ids;
        /** The types (of {@link #REFERABLE}, by position) whose ids every string value so far is one of. */
        private int candidates;

        Evidence(String name, ObjectType own, Map<ObjectType, Ids> ids) {
            this.name = name;
            this.ids = ids;
            for (int i = 0; i < REFERABLE.size(); i++) {
                Ids typeIds = ids.get(REFERABLE.get(i));
                if (REFERABLE.get(i) != own && typeIds != null && typeIds.size > 0) {
                    candidates |= 1 << i;
                }
            }
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
                long hash = hash(text);
                for (int i = 0; i < REFERABLE.size(); i++) {
                    if ((candidates & 1 << i) != 0 && !ids.get(REFERABLE.get(i)).contains(hash)) {
                        candidates &= ~(1 << i);
                    }
                }
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

        InferredField infer(ObjectType type) {
            String fieldType = "STRING";
            String referenceTo = null;
            List<String> picklist = null;
            if (values == 0) {
                fieldType = "STRING";
            } else if (booleans || strings && booleanTexts) {
                fieldType = "BOOLEAN";
            } else if (numbers || strings && numberTexts) {
                List<String> words = words(name);
                fieldType = words.stream().anyMatch(PERCENT_WORDS::contains) && min >= 0 && max <= 100 ? "PERCENT"
                        : words.stream().anyMatch(CURRENCY_WORDS::contains) ? "CURRENCY" : "NUMBER";
            } else if (stringArrays) {
                fieldType = "STRINGARRAY";
            } else if (strings) {
                // the one type whose ids every value is: ids two types share say nothing of which is meant
                ObjectType referred = Integer.bitCount(candidates) == 1
                        ? REFERABLE.get(Integer.numberOfTrailingZeros(candidates)) : null;
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

    }
}
