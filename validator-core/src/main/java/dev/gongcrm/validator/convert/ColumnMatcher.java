package dev.gongcrm.validator.convert;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.TypeSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The columns of a CSV export matched to the fields of an object type, for a conversion without a mapping:
 * by name first (case, spaces and punctuation aside, and without a prefix every column shares, such as
 * {@code "Deal - "}, or a word naming the type), then by the names CRM exports use for Gong's fields
 * ({@code column-synonyms.json}: a table, not code per CRM), a field's earlier names first. Each field takes
 * one column. A column that matches no field is kept under a name made of its own (with "Field" after it when
 * that is a field's name, or one edit away from one), as a custom field the
 * type's schema file defines, or dropped. A deal's status column (open, won or lost) fills isOpen and isWon
 * when no column does.
 */
final class ColumnMatcher {

    private static final Table TABLE = Table.load();

    private ColumnMatcher() {
    }

    /** @param dropUnmatched leave out the columns that match no field, instead of keeping them as custom fields */
    static List<ColumnMatch> match(List<String> header, TypeSpec type, boolean dropUnmatched) {
        List<String> columns = header.stream().filter(column -> !column.isBlank()).distinct().toList();
        String prefix = sharedPrefix(columns);
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (String column : columns) {
            names.put(column, names(column.substring(prefix.length()), TABLE.typeWords(type.type())));
        }
        Map<String, ColumnMatch> matched = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (String column : columns) {
            for (FieldSpec spec : type.fields().values()) {
                // a deprecated field's column fills the field that replaces it (lastModified: modifiedDate)
                String field = spec.deprecated() && spec.replacement() != null ? spec.replacement() : spec.name();
                if (!taken.contains(field) && names.get(column).contains(normalize(spec.name()))) {
                    matched.put(column, new ColumnMatch(column, field, ColumnMatch.How.NAME));
                    taken.add(field);
                    break;
                }
            }
        }
        // a column's whole name first ("Stage key": internalName), then without a word naming the type ("key")
        matchSynonyms(type, columns, column -> names.get(column).subList(0, 1), matched, taken);
        matchSynonyms(type, columns, names::get, matched, taken);
        if (type.field("isOpen") != null && type.field("isWon") != null && !taken.contains("isOpen")
                && !taken.contains("isWon")) {
            for (String column : columns) {
                ColumnMatch match = matched.get(column);
                boolean free = match == null || match.field().equals("status");
                if (free && names.get(column).stream().anyMatch(TABLE.statusColumns()::contains)) {
                    matched.put(column, new ColumnMatch(column, "status", ColumnMatch.How.STATUS,
                            statusAsFlags(type) ? "written as isOpen and isWon" + (type.field("status") == null ? ""
                                    : " and status") : "written as status"));
                    taken.addAll(List.of("status", "isOpen", "isWon"));
                    break;
                }
            }
        }
        List<ColumnMatch> matches = new ArrayList<>();
        for (String column : columns) {
            ColumnMatch match = matched.get(column);
            if (match == null) {
                String custom = customName(column.substring(prefix.length()), type, taken);
                taken.add(custom);
                match = new ColumnMatch(column, dropUnmatched ? null : custom, ColumnMatch.How.UNMATCHED);
            }
            matches.add(match);
        }
        return matches;
    }

    /** The free columns whose names (as {@code namesOf} gives them) a field's synonyms list, for the free fields. */
    private static void matchSynonyms(TypeSpec type, List<String> columns,
                                      java.util.function.Function<String, List<String>> namesOf,
                                      Map<String, ColumnMatch> matched, Set<String> taken) {
        for (String listed : TABLE.synonyms().keySet()) {
            FieldSpec spec = type.field(listed);
            if (spec == null || taken.contains(listed)) {
                continue;
            }
            // as by name, a deprecated field's column fills its replacement, or, where a column fills that
            // already, the deprecated field itself (Gong still takes it: "Won date" beside "Close date")
            String replacement = spec.deprecated() ? spec.replacement() : null;
            String field = replacement != null && !taken.contains(replacement) ? replacement : listed;
            synonyms:
            for (String synonym : TABLE.synonyms(listed, type.type())) {
                for (String column : columns) {
                    if (!matched.containsKey(column) && namesOf.apply(column).contains(synonym)) {
                        matched.put(column, new ColumnMatch(column, field, ColumnMatch.How.SYNONYM));
                        taken.add(field);
                        break synonyms;
                    }
                }
            }
        }
    }

    /**
     * Whether a deal's status is written as isOpen and isWon: not where the profile deprecates them for its
     * status field.
     */
    static boolean statusAsFlags(TypeSpec type) {
        return type.field("status") == null || !type.field("isOpen").deprecated();
    }

    /** Letters and digits only, lower case: how two names are compared. */
    static String normalize(String name) {
        StringBuilder normal = new StringBuilder(name.length());
        name.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(normal::appendCodePoint);
        return normal.toString();
    }

    /** The column's name, and without a leading word that names the type ("Deal Title": "title"), normalized. */
    private static List<String> names(String column, List<String> typeWords) {
        String name = normalize(column);
        List<String> names = new ArrayList<>(List.of(name));
        for (String word : typeWords) {
            if (name.startsWith(word) && name.length() > word.length()) {
                names.add(name.substring(word.length()));
            }
        }
        return names;
    }

    /**
     * What every column's name starts with, up to a character that is neither letter nor digit (and holding a
     * letter), such as {@code "Deal - "}: an export's way of naming the type, not the field. Empty when there is none.
     */
    static String sharedPrefix(List<String> columns) {
        if (columns.size() < 2) {
            return "";
        }
        String first = columns.get(0);
        int length = first.length();
        for (String column : columns) {
            int same = 0;
            while (same < Math.min(length, column.length()) && column.charAt(same) == first.charAt(same)) {
                same++;
            }
            length = same;
        }
        while (length > 0 && Character.isLetterOrDigit(first.charAt(length - 1))) {
            length--;
        }
        String prefix = first.substring(0, length);
        boolean named = prefix.codePoints().anyMatch(Character::isLetter);
        boolean leavesNames = columns.stream().allMatch(column -> normalize(column.substring(prefix.length())).length() > 0);
        return named && leavesNames ? prefix : "";
    }

    /** A field name made of the column's words, lower camel case ("Weighted value": weightedValue), not yet taken. */
    private static String customName(String column, TypeSpec type, Set<String> taken) {
        StringBuilder name = new StringBuilder();
        for (String word : column.split("[^\\p{L}\\p{Nd}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String lower = word.toLowerCase(Locale.ROOT);
            name.append(name.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
        }
        String base = name.isEmpty() || !Character.isLetter(name.charAt(0)) ? "field" + name : name.toString();
        // a field's name, one taken, or a slip of a field's name (refused as a misspelling when the mapping
        // written is read back) gets a suffix
        if (!taken.contains(base) && type.field(base) == null && CsvConverter.misspelt(base, type).isEmpty()) {
            return base;
        }
        String unique = base + "Field";
        for (int n = 2; taken.contains(unique) || type.field(unique) != null; n++) {
            unique = base + "Field" + n;
        }
        return unique;
    }

    /**
     * The table of column-synonyms.json: type words per type, and each field's names, normalized, by the type
     * they count for ({@link #EVERY_TYPE}: all).
     */
    private record Table(Map<String, List<String>> typeWords, List<String> statusColumns,
                         Map<String, Map<String, List<String>>> synonyms) {

        private static final String EVERY_TYPE = "*";

        List<String> typeWords(ObjectType type) {
            return typeWords.getOrDefault(type.name(), List.of());
        }

        /** The names of a field in an export of that type: the type's own, then those of every type. */
        List<String> synonyms(String field, ObjectType type) {
            Map<String, List<String>> byType = synonyms.get(field);
            List<String> names = new ArrayList<>(byType.getOrDefault(type.name(), List.of()));
            names.addAll(byType.getOrDefault(EVERY_TYPE, List.of()));
            return names;
        }

        static Table load() {
            try (InputStream in = ColumnMatcher.class.getResourceAsStream("column-synonyms.json")) {
                JsonNode root = JsonMapper.builder().build().readTree(in);
                Map<String, Map<String, List<String>>> synonyms = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> field : root.get("fields").properties()) {
                    // a list counts for every type; an object gives lists by type
                    synonyms.put(field.getKey(), field.getValue().isArray()
                            ? Map.of(EVERY_TYPE, normalized(field.getValue())) : byName(field.getValue()));
                }
                return new Table(byName(root.get("typeWords")), normalized(root.get("statusColumns")), synonyms);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read column-synonyms.json from the jar", e);
            }
        }

        private static Map<String, List<String>> byName(JsonNode object) {
            Map<String, List<String>> lists = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                lists.put(entry.getKey(), normalized(entry.getValue()));
            }
            return lists;
        }

        private static List<String> normalized(JsonNode names) {
            List<String> normal = new ArrayList<>();
            names.forEach(name -> normal.add(normalize(name.asString())));
            return List.copyOf(normal);
        }
    }
}
