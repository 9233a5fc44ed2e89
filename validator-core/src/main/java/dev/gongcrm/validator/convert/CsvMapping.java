package dev.gongcrm.validator.convert;

import dev.gongcrm.validator.read.SyntaxMessages;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The mapping file: which column fills which field, and how its cells are read.
 *
 * <pre>{@code
 * {
 *   "zone": "Europe/Berlin",
 *   "decimal": ",",
 *   "fields": [
 *     {"column": "Opportunity ID", "field": "objectId"},
 *     {"column": "Close Date", "field": "closeDate", "date": "dd/MM/yyyy"},
 *     {"column": "Last Modified", "field": "modifiedDate", "datetime": "dd.MM.yyyy HH:mm"},
 *     {"column": "Domains", "field": "domains", "separator": ","},
 *     {"column": "Won", "field": "isWon", "true": ["Yes", "Y"], "false": ["No", "N"]},
 *     {"field": "isDeleted", "constant": false}
 *   ]
 * }
 * }</pre>
 * Unknown keys are refused (a misspelt transform would otherwise be ignored silently).
 */
public final class CsvMapping {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Set<String> TOP_KEYS = new LinkedHashSet<>(List.of("zone", "decimal", "fields"));
    private static final Set<String> FIELD_KEYS = new LinkedHashSet<>(List.of("column", "field", "date", "datetime",
            "zone", "decimal", "grouping", "separator", "true", "false", "constant", "dealStatus"));

    private final List<FieldMapping> fields;

    private CsvMapping(List<FieldMapping> fields) {
        this.fields = List.copyOf(fields);
    }

    List<FieldMapping> fields() {
        return fields;
    }

    /**
     * Each matched column to its field, read as {@code told} says for the columns whose cells' formats were
     * told from their values, else as the field's type says (a dropped column is left out).
     */
    static CsvMapping of(List<ColumnMatch> matches, java.util.Map<String, FieldMapping> told) {
        List<FieldMapping> fields = new ArrayList<>();
        for (ColumnMatch match : matches) {
            if (match.how() == ColumnMatch.How.STATUS) {
                fields.add(FieldMapping.dealStatus(match.column(), match.field()));
            } else if (match.field() != null) {
                fields.add(told.getOrDefault(match.column(), FieldMapping.of(match.column(), match.field())));
            }
        }
        return new CsvMapping(fields);
    }

    /**
     * The mapping as a mapping file says it, which {@link #read} reads back to the same mapping: what a
     * conversion without a mapping file used, for the user to review and keep.
     */
    public String toJson() {
        tools.jackson.databind.node.ObjectNode root = MAPPER.createObjectNode();
        tools.jackson.databind.node.ArrayNode entries = root.putArray("fields");
        for (FieldMapping field : fields) {
            tools.jackson.databind.node.ObjectNode entry = entries.addObject();
            entry.put("column", field.column());
            entry.put("field", field.field());
            if (field.dealStatus()) {
                entry.put("dealStatus", true);
                continue;
            }
            if (field.datePattern() != null) {
                entry.put(field.date() != null ? "date" : "datetime", field.datePattern());
            }
            if (field.zone() != null) {
                entry.put("zone", field.zone().getId());
            }
            if (field.decimalComma()) {
                entry.put("decimal", ",");
            }
            if (!field.grouping().isEmpty()) {
                entry.put("grouping", field.grouping());
            }
            if (!field.trueWords().equals(FieldMapping.DEFAULT_TRUE)) {
                field.trueWords().forEach(entry.putArray("true")::add);
                field.falseWords().forEach(entry.putArray("false")::add);
            }
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /** Writes {@link #toJson} to the file, whole or not at all. */
    public void write(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new ConversionException(file + ": is a folder; name the mapping file to write, e.g. "
                    + file.resolve("mapping.json"));
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            // as --out and a report's file: a folder that is not there yet is made
            try {
                Files.createDirectories(folder);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                throw new ConversionException(file + ": cannot make its folder: '" + e.getFile()
                        + "' is a file, not a folder; name the mapping file to write elsewhere");
            } catch (java.nio.file.FileSystemException e) {
                throw new ConversionException(file + ": cannot make its folder '" + e.getFile() + "'"
                        + (e.getReason() != null ? " (" + e.getReason() + ")"
                        : e instanceof java.nio.file.AccessDeniedException ? " (permission denied)"
                        : " (" + e.getClass().getSimpleName() + ")"));
            }
        }
        Path temporary = dev.gongcrm.validator.report.ReportFiles.temporaryBeside(file);
        try {
            Files.writeString(temporary, toJson());
            dev.gongcrm.validator.report.ReportFiles.moveAtomically(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Reads a mapping file; every problem is a ConversionException naming the file and the entry. */
    public static CsvMapping read(Path file) throws IOException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = MAPPER.readTree(in);
        } catch (JacksonException e) {
            String reason = SyntaxMessages.reason(e);
            throw new ConversionException(file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": not valid JSON: " + reason);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConversionException(file + ": mapping file does not exist");
        }
        return parse(root, file.toString());
    }

    static CsvMapping parse(JsonNode root, String name) throws ConversionException {
        if (root == null || !root.isObject()) {
            throw new ConversionException(name + ": a mapping is a JSON object with \"fields\": [...]");
        }
        refuseUnknownKeys(root, TOP_KEYS, name, "");
        ZoneId defaultZone = root.has("zone") ? zone(root.get("zone"), name, "") : null;
        boolean defaultDecimalComma = decimalComma(root, false, name + ": ");
        JsonNode entries = root.path("fields");
        if (!entries.isArray() || entries.isEmpty()) {
            throw new ConversionException(name + ": \"fields\" must be a non-empty array of "
                    + "{\"column\": ..., \"field\": ...} entries");
        }
        List<FieldMapping> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            FieldMapping field = entry(entries.get(i), defaultZone, defaultDecimalComma, name, "fields[" + i + "]");
            if (!seen.add(field.field())) {
                throw new ConversionException(name + ": fields[" + i + "]: field '" + field.field()
                        + "' is mapped twice; map each field once");
            }
            fields.add(field);
        }
        return new CsvMapping(fields);
    }

    private static FieldMapping entry(JsonNode entry, ZoneId defaultZone, boolean defaultDecimalComma, String name,
                                      String where)
            throws ConversionException {
        String at = name + ": " + where;
        if (!entry.isObject()) {
            throw new ConversionException(at + ": must be an object like {\"column\": \"Name\", \"field\": \"name\"}");
        }
        refuseUnknownKeys(entry, FIELD_KEYS, name, where);
        String field = text(entry, "field", at);
        if (field == null || field.isBlank()) {
            throw new ConversionException(at + ": \"field\" is missing; name the field the value goes to");
        }
        String column = text(entry, "column", at);
        if ((column == null) == !entry.has("constant")) {
            throw new ConversionException(at + " (" + field + "): give either \"column\" or \"constant\"");
        }
        if (entry.path("dealStatus").asBoolean(false) && column != null) {
            return FieldMapping.dealStatus(column, field);
        }
        if (entry.has("constant")) {
            for (String key : List.of("date", "datetime", "zone", "decimal", "grouping", "separator", "true", "false",
                    "dealStatus")) {
                if (entry.has(key)) {
                    throw new ConversionException(at + " (" + field + "): \"" + key + "\" reads cells; a constant has none");
                }
            }
            return new FieldMapping(null, field, null, null, null, null, null, false, "", null, null,
                    entry.get("constant").toString(), false);
        }
        if (entry.has("date") && entry.has("datetime")) {
            throw new ConversionException(at + " (" + field + "): give \"date\" or \"datetime\", not both");
        }
        String datePattern = text(entry, "date", at);
        String datetimePattern = text(entry, "datetime", at);
        ZoneId zone = entry.has("zone") ? zone(entry.get("zone"), name, where) : defaultZone;
        String separator = entry.has("separator") ? text(entry, "separator", at) : FieldMapping.DEFAULT_SEPARATOR;
        if (separator == null || separator.isEmpty()) {
            throw new ConversionException(at + " (" + field + "): \"separator\" must be a non-empty string");
        }
        boolean decimalComma = decimalComma(entry, defaultDecimalComma, at + " (" + field + "): ");
        String grouping = grouping(entry, at);
        if (decimalComma && grouping.equals(",")) {
            throw new ConversionException(at + " (" + field + "): \"grouping\": \",\" and a decimal comma say two "
                    + "things of one comma; keep the one the column's numbers use (12,000.50: grouping, with "
                    + "\"decimal\": \".\" in the entry where the mapping's default is \",\"; 12,5: decimal)");
        }
        return new FieldMapping(column, field, formatter(datePattern, at), formatter(datetimePattern, at),
                datePattern != null ? datePattern : datetimePattern, zone, separator, decimalComma, grouping,
                words(entry, "true", FieldMapping.DEFAULT_TRUE, at), words(entry, "false", FieldMapping.DEFAULT_FALSE, at),
                null, false);
    }

    private static void refuseUnknownKeys(JsonNode object, Set<String> known, String name, String where)
            throws ConversionException {
        for (Iterator<String> keys = object.propertyNames().iterator(); keys.hasNext(); ) {
            String key = keys.next();
            if (!known.contains(key)) {
                throw new ConversionException(name + ": " + (where.isEmpty() ? "" : where + ": ") + "unknown key '"
                        + key + "'; known keys: " + String.join(", ", known));
            }
        }
    }

    private static String text(JsonNode entry, String key, String at) throws ConversionException {
        JsonNode value = entry.get(key);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            throw new ConversionException(at + ": \"" + key + "\" must be a string, got " + value);
        }
        return value.asString();
    }

    private static List<String> words(JsonNode entry, String key, List<String> defaults, String at)
            throws ConversionException {
        JsonNode value = entry.get(key);
        if (value == null) {
            return defaults;
        }
        List<String> words = new ArrayList<>();
        for (JsonNode word : value) {
            if (!word.isString()) {
                throw new ConversionException(at + ": \"" + key + "\" must be an array of strings, got " + value);
            }
            words.add(word.asString().trim());
        }
        if (!value.isArray() || words.isEmpty()) {
            throw new ConversionException(at + ": \"" + key + "\" must be a non-empty array of strings, e.g. [\"Yes\"]");
        }
        return List.copyOf(words);
    }

    /** {@code "decimal": ","} (numbers like 1.234,50) or {@code "."} (the default: 1234.50). */
    private static boolean decimalComma(JsonNode object, boolean inherited, String at) throws ConversionException {
        JsonNode decimal = object.get("decimal");
        if (decimal == null) {
            return inherited;
        }
        if (!decimal.isString() || !(decimal.asString().equals(",") || decimal.asString().equals("."))) {
            throw new ConversionException(at + "\"decimal\" must be \",\" or \".\", got " + decimal);
        }
        return decimal.asString().equals(",");
    }

    /** The characters that group thousands: "," (12,000.50), "." , " " or "'" (12'000.50); empty for none. */
    private static String grouping(JsonNode entry, String at) throws ConversionException {
        JsonNode grouping = entry.get("grouping");
        if (grouping == null) {
            return "";
        }
        if (!grouping.isString() || !List.of(",", ".", " ", "'").contains(grouping.asString())) {
            throw new ConversionException(at + ": \"grouping\" must be \",\", \".\", \" \" or \"'\", got " + grouping);
        }
        return grouping.asString();
    }

    private static ZoneId zone(JsonNode value, String name, String where) throws ConversionException {
        String at = name + ": " + (where.isEmpty() ? "" : where + ": ");
        try {
            return ZoneId.of(value.asString(""));
        } catch (DateTimeException e) {
            throw new ConversionException(at + "\"zone\" " + value + " is not a time zone; use a region like "
                    + "\"Europe/Berlin\" or an offset like \"+01:00\"");
        }
    }

    /**
     * A strict formatter: 31/02/2024 is an error, not the 29th. Strict resolution reads {@code yyyy} as a
     * year of an era, which needs an era, so unquoted {@code y} is read as {@code u} (the proleptic year).
     */
    private static DateTimeFormatter formatter(String pattern, String at) throws ConversionException {
        if (pattern == null) {
            return null;
        }
        StringBuilder proleptic = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            proleptic.append(!quoted && c == 'y' ? 'u' : c);
        }
        try {
            return DateTimeFormatter.ofPattern(proleptic.toString(), Locale.ENGLISH)
                    .withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new ConversionException(at + ": pattern '" + pattern + "' is not a date pattern: " + e.getMessage());
        }
    }
}
