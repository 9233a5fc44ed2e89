package dev.gongcrm.validator.convert;

import dev.gongcrm.validator.config.BundleConfig;
import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.bundle.LinesByInstant;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.report.OutputGuard;
import dev.gongcrm.validator.report.ReportFiles;
import dev.gongcrm.validator.schema.FieldSpec;
import dev.gongcrm.validator.schema.ProfileSchemas;
import dev.gongcrm.validator.schema.TypeSpec;
import dev.gongcrm.validator.time.IsoDates;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Converts a CSV export into an LDJSON file of one object type, sorted by modifiedDate, streaming: memory
 * holds one record and the sort's buffer, whatever the file's size.
 *
 * <p>A cell that cannot be converted is a finding ({@link #RULE}) at its line and column in the CSV; its
 * object is still written, without that field, so that every row reaches the output and the validation
 * that follows reports what the missing field means (a mandatory field, say). Empty cells leave their field
 * out. The output is written to a temporary file in its folder and then renamed over the target, so it is
 * either complete or untouched.
 */
public final class CsvConverter {

    /** The rule name of conversion findings; not a rule of the catalog: it checks CSV cells, not LDJSON. */
    public static final String RULE = "csv-conversion";

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final String MODIFIED_DATE = "modifiedDate";
    private static final String OBJECT_ID = "objectId";
    private static final Set<String> DEAL_STATUSES = Set.of("open", "won", "lost");

    private final TypeSpec type;
    private final Path schemaFile;
    private final CsvMapping mapping;
    private final boolean dropUnmatched;
    private final java.time.ZoneId zone;
    private final char delimiter;
    private final int maxFindings;
    private final long maxBufferedChars;

    private CsvConverter(Builder builder) throws IOException {
        ProfileSchemas schemas = ProfileSchemas.of(builder.profile);
        TypeSpec spec = schemas.type(builder.type);
        this.type = builder.schemaFile == null ? spec
                : spec.withCustomFields(CustomFields.read(builder.schemaFile, schemas));
        this.schemaFile = builder.schemaFile;
        this.mapping = builder.mapping;
        this.dropUnmatched = builder.dropUnmatched;
        this.zone = builder.zone;
        this.delimiter = builder.delimiter;
        if (mapping != null) {
            requireFieldsOfTheType(mapping);
        }
        this.maxFindings = builder.maxFindings;
        this.maxBufferedChars = builder.maxBufferedChars;
    }

    public static Builder builder(ObjectType type) {
        return new Builder(type);
    }

    /**
     * The file name a conversion writes by default, e.g. {@code deals.ldjson}: a name the bundle scanner
     * tells the type from.
     */
    public static String defaultOutputName(ObjectType type) {
        return type.resourceName() + "s.ldjson";
    }

    /**
     * @param csv the export
     * @param csvName the export as the user named it, for findings and messages
     * @param output the LDJSON file to write (replaced when it exists; never the export or the schema file)
     */
    public CsvConversion convert(Path csv, String csvName, Path output) throws IOException {
        new OutputGuard().protect("the CSV export", csv).protect("the schema file", schemaFile)
                .check("the LDJSON output", output, "name another file");
        if (Files.isDirectory(output)) {
            throw new ConversionException(output + ": is a folder; name the LDJSON file to write, e.g. "
                    + output.resolve(defaultOutputName(type.type())));
        }
        Path folder = output.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        // with the umask's permissions (or the replaced file's), so that the output is readable as any other file
        Path temporary = ReportFiles.temporaryBeside(output);
        try (CsvSource source = new CsvSource(csv, csvName, delimiter);
             LinesByInstant sorter = new LinesByInstant(LinesByInstant.runFolderBeside(temporary), maxBufferedChars)) {
            List<ColumnMatch> matches = mapping != null ? List.of() : matches(source.header(), csvName);
            java.util.Map<String, FieldMapping> told = new java.util.HashMap<>();
            if (mapping == null) {
                matches = tellFormats(csv, csvName, matches, told);
            }
            Run run = new Run(source, csvName, mapping != null ? mapping : CsvMapping.of(matches, told));
            long objects = run.readInto(sorter);
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                sorter.writeTo(out);
            }
            ReportFiles.moveAtomically(temporary, output);
            return new CsvConversion(csvName, output, objects, run.findings, run.findingCount, run.unmappedColumns,
                    matches, run.mapping);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The header matched to the type's fields; not one column matching is one line, not a finding per row. */
    private List<ColumnMatch> matches(List<String> header, String csvName) throws ConversionException {
        List<ColumnMatch> matches = ColumnMatcher.match(header, type, dropUnmatched);
        if (matches.stream().allMatch(match -> match.how() == ColumnMatch.How.UNMATCHED)) {
            throw new ConversionException("no column of " + csvName + " matches a field of " + type.type() + " by its "
                    + "name or a name exports use for it (its columns: " + String.join(", ", header) + "); say which "
                    + "column fills which field with --mapping MAPPING.json (see 'gongcrm convert csv --help')");
        }
        return matches;
    }

    /**
     * The matched columns' cell formats told from all their values ({@link CellFormats}), in a first read of
     * the export: each told mapping put in {@code told} by column, each match given what was told of it.
     */
    private List<ColumnMatch> tellFormats(Path csv, String csvName, List<ColumnMatch> matches,
                                          java.util.Map<String, FieldMapping> told) throws IOException {
        java.util.Map<Integer, CellFormats> columns = new java.util.LinkedHashMap<>();
        try (CsvSource source = new CsvSource(csv, csvName, delimiter)) {
            for (ColumnMatch match : matches) {
                FieldSpec spec = match.field() == null || match.how() == ColumnMatch.How.STATUS ? null
                        : type.field(match.field());
                if (CellFormats.applies(spec)) {
                    columns.put(source.header().indexOf(match.column()), new CellFormats(match.column(), match.field(),
                            spec));
                }
            }
            if (columns.isEmpty()) {
                return matches;
            }
            for (CsvSource.Row row = source.next(); row != null; row = source.next()) {
                for (java.util.Map.Entry<Integer, CellFormats> column : columns.entrySet()) {
                    if (column.getKey() < row.record().size()) {
                        column.getValue().see(row.record().get(column.getKey()));
                    }
                }
            }
        }
        List<ColumnMatch> described = new ArrayList<>();
        List<String> ambiguities = new ArrayList<>();
        for (ColumnMatch match : matches) {
            CellFormats formats = columns.values().stream().filter(f -> f.column().equals(match.column())).findFirst()
                    .orElse(null);
            if (formats == null) {
                described.add(match);
                continue;
            }
            CellFormats.Told result = formats.told(zone);
            told.put(match.column(), result.mapping());
            described.add(new ColumnMatch(match.column(), match.field(), match.how(), result.description()));
            if (result.ambiguity() != null) {
                ambiguities.add(result.ambiguity());
            }
        }
        if (!ambiguities.isEmpty()) {
            throw new ConversionException(String.join("; ", ambiguities), CsvMapping.of(described, told));
        }
        return described;
    }

    /**
     * A field the mapping fills that the type does not have (nor its schema file) but one of its fields is
     * within an edit of ({@code accountID}, {@code acountId}) is a misspelling, refused with the field meant; any
     * other is a custom field, which validation reports until the type's schema file defines it.
     */
    private void requireFieldsOfTheType(CsvMapping mapping) throws ConversionException {
        for (FieldMapping field : mapping.fields()) {
            java.util.Optional<String> meant = type.field(field.field()) != null || field.dealStatus()
                    ? java.util.Optional.empty() : misspelt(field.field(), type);
            if (meant.isPresent()) {
                throw new ConversionException("the mapping fills field '" + field.field() + "', which " + type.type()
                        + " does not have" + (schemaFile == null ? "" : " nor " + schemaFile + " define")
                        + "; did you mean '" + meant.get() + "'?");
            }
        }
    }

    /** The field of the type a name is a slip of, within an edit; a custom field's name must not be one. */
    static java.util.Optional<String> misspelt(String name, TypeSpec type) {
        return dev.gongcrm.validator.DidYouMean.closest(name, type.fields().keySet(), 1);
    }

    /** One pass over one export: the columns resolved against its header, and the findings so far. */
    private final class Run {
        private final CsvSource source;
        private final String csvName;
        private final CsvMapping mapping;
        private final List<FieldMapping> fields;
        private final int[] columns;
        private final List<String> unmappedColumns = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();
        private long findingCount;

        Run(CsvSource source, String csvName, CsvMapping mapping) throws ConversionException {
            this.source = source;
            this.csvName = csvName;
            this.mapping = mapping;
            this.fields = mapping.fields();
            List<String> header = source.header();
            this.columns = new int[fields.size()];
            Set<Integer> used = new LinkedHashSet<>();
            for (int i = 0; i < fields.size(); i++) {
                FieldMapping field = fields.get(i);
                columns[i] = field.isConstant() ? -1 : column(header, field.column());
                used.add(columns[i]);
            }
            for (int i = 0; i < header.size(); i++) {
                if (!used.contains(i) && !header.get(i).isBlank()) {
                    unmappedColumns.add(header.get(i));
                }
            }
        }

        /** The index of the column: its exact name, else the one name that differs only in case or spaces. */
        private int column(List<String> header, String name) throws ConversionException {
            int exact = header.indexOf(name);
            if (exact >= 0) {
                return exact;
            }
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).trim().equalsIgnoreCase(name.trim())) {
                    return i;
                }
            }
            throw new ConversionException("the mapping names column '" + name + "', which the header of " + csvName
                    + " does not have; its columns: " + String.join(", ", header));
        }

        long readInto(LinesByInstant sorter) throws IOException {
            long objects = 0;
            StringWriter text = new StringWriter();
            for (CsvSource.Row row = source.next(); row != null; row = source.next()) {
                text.getBuffer().setLength(0);
                long instant = writeObject(row, text);
                sorter.add(instant, text.toString());
                objects++;
            }
            return objects;
        }

        /** Writes the row as one JSON object and returns its modifiedDate in epoch seconds (MAX_VALUE: none). */
        private long writeObject(CsvSource.Row row, StringWriter text) {
            long instant = Long.MAX_VALUE;
            String objectId = null;
            List<Finding> rowFindings = new ArrayList<>();
            int headerSize = source.header().size();
            if (row.record().size() != headerSize) {
                rowFindings.add(finding(row.line(), 1, null, "record " + row.number() + " has " + row.record().size()
                        + " cells, the header has " + headerSize + "; check the quoting of the cells before it"));
            }
            try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
                json.writeStartObject();
                for (int i = 0; i < fields.size(); i++) {
                    FieldMapping field = fields.get(i);
                    if (field.isConstant()) {
                        json.writeName(field.field());
                        json.writeRawValue(field.constant());
                        continue;
                    }
                    String cell = columns[i] < row.record().size() ? row.record().get(columns[i]) : "";
                    if (cell.isBlank()) {
                        continue;
                    }
                    if (field.dealStatus()) {
                        writeStatus(json, cell, row, i, rowFindings);
                        continue;
                    }
                    Object value;
                    try {
                        value = CellConverter.convert(cell, field, type.field(field.field()));
                    } catch (CellConverter.CellException e) {
                        int[] position = source.cellPosition(row, columns[i]);
                        rowFindings.add(finding(position[0], position[1], "/" + field.field(), "record "
                                + row.number() + ", column '" + source.header().get(columns[i]) + "': "
                                + e.getMessage()));
                        continue;
                    }
                    json.writeName(field.field());
                    write(json, value);
                    if (value instanceof String string) {
                        if (field.field().equals(MODIFIED_DATE) && IsoDates.isDateTime(string)) {
                            instant = IsoDates.parseDateTime(string);
                        } else if (field.field().equals(OBJECT_ID)) {
                            objectId = string;
                        }
                    }
                }
                json.writeEndObject();
            }
            for (Finding finding : rowFindings) {
                keep(new Finding(finding.rule(), finding.severity(), finding.file(), finding.line(), finding.column(),
                        objectId, finding.field(), finding.message()));
            }
            return instant;
        }

        /**
         * A deal's status: open, won or lost, as isOpen and isWon (unless the profile deprecates them for its
         * status field) and as status in upper case when the type has it.
         */
        private void writeStatus(JsonGenerator json, String cell, CsvSource.Row row, int mapping,
                                 List<Finding> rowFindings) {
            String status = cell.trim().toLowerCase(Locale.ROOT);
            String statusField = fields.get(mapping).field();
            boolean flags = ColumnMatcher.statusAsFlags(type);
            if (!DEAL_STATUSES.contains(status)) {
                int[] position = source.cellPosition(row, columns[mapping]);
                rowFindings.add(finding(position[0], position[1], flags ? "/isOpen" : "/" + statusField, "record "
                        + row.number() + ", column '" + source.header().get(columns[mapping]) + "': '" + cell
                        + "' is not a deal status; open, won or lost"));
                return;
            }
            if (flags) {
                json.writeName("isOpen");
                json.writeBoolean(status.equals("open"));
                json.writeName("isWon");
                json.writeBoolean(status.equals("won"));
            }
            if (type.field(statusField) != null) {
                json.writeName(statusField);
                json.writeString(status.toUpperCase(Locale.ROOT));
            }
        }

        private Finding finding(int line, int column, String field, String message) {
            return new Finding(RULE, Severity.ERROR, csvName, line, column, null, field, message);
        }

        private void keep(Finding finding) {
            findingCount++;
            if (findings.size() < maxFindings) {
                findings.add(finding);
            }
        }
    }

    private static void write(JsonGenerator json, Object value) {
        if (value instanceof BigDecimal number) {
            json.writeNumber(number);
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof List<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                json.writeString((String) item);
            }
            json.writeEndArray();
        } else {
            json.writeString((String) value);
        }
    }

    public static final class Builder {
        private final ObjectType type;
        private String profile = ProfileSchemas.DEFAULT_PROFILE;
        private CsvMapping mapping;
        private boolean dropUnmatched;
        private java.time.ZoneId zone = java.time.ZoneOffset.UTC;
        private Path schemaFile;
        private char delimiter;
        private int maxFindings = BundleConfig.DEFAULT_MAX_FINDINGS;
        private long maxBufferedChars = LinesByInstant.DEFAULT_MAX_BUFFERED_CHARS;

        private Builder(ObjectType type) {
            this.type = type;
        }

        public Builder profile(String profile) {
            this.profile = profile;
            return this;
        }

        /** The mapping; without one, the header's columns are matched to the type's fields ({@link ColumnMatch}). */
        public Builder mapping(CsvMapping mapping) {
            this.mapping = mapping;
            return this;
        }

        /** Without a mapping, the zone of datetimes written without one (default UTC). */
        public Builder zone(java.time.ZoneId zone) {
            this.zone = zone;
            return this;
        }

        /** Without a mapping, leave out the columns that match no field instead of keeping them as custom fields. */
        public Builder dropUnmatched(boolean dropUnmatched) {
            this.dropUnmatched = dropUnmatched;
            return this;
        }

        /** A {@code <type>.schema.json} whose custom fields type their columns too, or null. */
        public Builder schemaFile(Path schemaFile) {
            this.schemaFile = schemaFile;
            return this;
        }

        /** The field delimiter, or 0 (the default) to tell it from the header row. */
        public Builder delimiter(char delimiter) {
            this.delimiter = delimiter;
            return this;
        }

        /** At most this many conversion findings are kept; all are counted. */
        public Builder maxFindings(int maxFindings) {
            this.maxFindings = maxFindings;
            return this;
        }

        /** How much of the output the sort holds in memory before it writes sorted runs to disk. */
        Builder maxBufferedChars(long maxBufferedChars) {
            this.maxBufferedChars = maxBufferedChars;
            return this;
        }

        public CsvConverter build() throws IOException {
            return new CsvConverter(this);
        }
    }
}
