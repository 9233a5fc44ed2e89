package dev.gongcrm.cli;

import dev.gongcrm.client.push.Sizes;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.bundle.BundleScanner;
import dev.gongcrm.validator.bundle.TypeOverride;
import dev.gongcrm.validator.config.BundleConfig;
import dev.gongcrm.validator.convert.ColumnMatch;
import dev.gongcrm.validator.convert.ConversionException;
import dev.gongcrm.validator.convert.CsvConversion;
import dev.gongcrm.validator.convert.CsvConverter;
import dev.gongcrm.validator.convert.CsvDelimiter;
import dev.gongcrm.validator.convert.CsvMapping;
import dev.gongcrm.validator.report.OutputGuard;
import dev.gongcrm.validator.report.ReportFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "convert",
        description = "Converts CRM exports into LDJSON files Gong accepts, then validates them.",
        mixinStandardHelpOptions = true,
        subcommands = ConvertCommand.Csv.class)
final class ConvertCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name what to convert: csv");
    }

    @Command(name = "csv",
            description = {"Converts a CSV export (a header row; RFC 4180 or Excel: BOM, ';', CRLF, line breaks "
                    + "in quoted cells) into an LDJSON file of one object type, its values typed by the type's "
                    + "schema, sorted by modifiedDate; then validates it as 'gongcrm validate' does.",
                    "A cell that cannot be converted is an error at its line and column [csv-conversion]; its "
                            + "object is still written, without that field. Empty cells leave their field out."},
            mixinStandardHelpOptions = true,
            sortOptions = false)
    static final class Csv implements Callable<Integer> {

        CommandLine.Model.CommandSpec spec;

        /** The validation options' --type, said as what it is here: the type of the CSV's rows, a user mapping not among them. */
        @CommandLine.Spec
        void spec(CommandLine.Model.CommandSpec spec) {
            this.spec = spec;
            CommandLine.Model.OptionSpec shared = spec.findOption("--type");
            spec.remove(shared);
            spec.addOption(CommandLine.Model.OptionSpec.builder(shared).paramLabel("TYPE").description(
                    "The object type of the CSV's rows: ACCOUNT, CONTACT, DEAL, LEAD, BUSINESS_USER or STAGE.").build());
        }

        @Parameters(paramLabel = "FILE", description = "The CSV export; - reads it from standard input (give --out).")
        Path csv;

        @Option(names = "--mapping", paramLabel = "MAPPING.json",
                description = "Which column fills which field and how its cells read (dates, zones, list "
                        + "separators, boolean words, constants). Without it, columns are matched to fields by "
                        + "name (case, spaces, punctuation and a prefix all columns share, such as 'Deal - ', "
                        + "aside) and by the names CRM exports use (Title, Value, Organization ID, Update time...); "
                        + "what matched is said on standard error.")
        Path mapping;

        @Option(names = "--write-mapping", paramLabel = "FILE.json",
                description = "Write the mapping the conversion used (without --mapping: the columns matched and "
                        + "the formats found) as a mapping file, to review, correct and give to --mapping next time.")
        Path writeMapping;

        @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
                description = "Without --mapping, the zone of datetimes the export writes without one (default "
                        + "${DEFAULT-VALUE}; e.g. Europe/Berlin, -05:00).")
        String zone;

        @Option(names = "--drop-unmatched",
                description = "Without --mapping, leave out the columns that match no field (by default each is "
                        + "kept as a custom field named after it, e.g. 'Weighted value' as weightedValue, which the "
                        + "type's schema file must define).")
        boolean dropUnmatched;

        @Option(names = "--out", paramLabel = "FILE.ldjson",
                description = "The LDJSON file to write (default: <type>s.ldjson next to the CSV, e.g. "
                        + "deals.ldjson); written whole or not at all.")
        Path out;

        @Option(names = "--delimiter", paramLabel = "CHAR",
                description = "The field delimiter: , ; | or tab (default: told from the header row).")
        String delimiter;

        @Option(names = "--schema", paramLabel = "FILE",
                description = "The <type>.schema.json whose custom fields type their columns and are validated "
                        + "with the output (default: <type>.schema.json next to the output, when there is one).")
        Path schema;

        @CommandLine.Mixin
        ValidationOptions options;

        @Override
        public Integer call() throws Exception {
            options.load(List.of(csv));
            ObjectType type = type();
            options.failLevel(); // an unknown level is a usage error before any work
            Map<ReportFormat, Path> reports = options.reports();
            boolean stdin = csv.toString().equals(ValidationOptions.STDIN);
            if (stdin && out == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "- reads the CSV from standard input: name the file to write with --out, e.g. --out "
                                + CsvConverter.defaultOutputName(type));
            }
            Path output = out != null ? out : sibling(csv, CsvConverter.defaultOutputName(type));
            Path schemaFile = schema != null ? schema : sibling(output, type.resourceName() + ".schema.json");
            if (schema == null && !Files.isRegularFile(schemaFile)) {
                schemaFile = null;
            }
            OutputGuard inputs = options.inputs(List.of()).protect("the CSV export", stdin ? null : csv)
                    .protect("the mapping file", mapping).protect("the schema file", schemaFile);
            inputs.check("the LDJSON output", output, "name another file with --out");
            inputs.protect("the LDJSON output", output);
            if (writeMapping != null) {
                inputs.check("--write-mapping", writeMapping, "write the mapping elsewhere");
                inputs.protect("the mapping of --write-mapping", writeMapping);
            }
            ValidationOptions.refuseReportsOver(inputs, reports);
            Path input = stdin ? spool(((GongCrm) spec.root().userObject()).stdin) : csv;
            CsvConversion conversion;
            try {
                conversion = convert(type, input, stdin ? ValidationOptions.STDIN_NAME : csv.toString(), output, schemaFile);
            } catch (ConversionException e) {
                throw withMappingToEdit(e);
            } finally {
                if (stdin) {
                    Files.deleteIfExists(input);
                }
            }
            if (writeMapping != null) {
                conversion.mapping().write(writeMapping);
            }
            if (!options.quiet) {
                describeMatches(conversion, stdin ? ValidationOptions.STDIN_NAME : csv.toString());
                if (writeMapping != null) {
                    spec.commandLine().getErr().println("gongcrm: wrote the mapping it used to " + writeMapping
                            + " (give it with --mapping)");
                }
                spec.commandLine().getErr().println("gongcrm: wrote " + Sizes.count(conversion.objects(), "object") + " of "
                        + (stdin ? ValidationOptions.STDIN_NAME : csv) + " to " + output + ", sorted by modifiedDate"
                        + (conversion.unmappedColumns().isEmpty() ? ""
                        : "; columns the mapping leaves out: " + String.join(", ", conversion.unmappedColumns())));
            }
            List<Path> validated = schemaFile == null ? List.of(output) : List.of(output, schemaFile);
            ValidationResult validation = options.validator().build().validate(validated);
            ValidationResult result = conversion.withValidation(validation);
            options.write(reports, result, spec.commandLine().getOut());
            return options.exitCode(result);
        }

        /**
         * Columns that read two ways stop the conversion: with --write-mapping, the mapping that reads each the
         * first way is written for the user to correct and give back; without, the message says it can be.
         */
        private ConversionException withMappingToEdit(ConversionException e) throws IOException {
            if (e.proposal().isEmpty()) {
                return e;
            }
            if (writeMapping == null) {
                return new ConversionException(e.getMessage() + " (--write-mapping FILE.json writes a mapping to start "
                        + "from)");
            }
            e.proposal().get().write(writeMapping);
            return new ConversionException(e.getMessage() + "; wrote " + writeMapping + ", which takes the first "
                    + "reading of each: correct it if need be, then convert again with --mapping " + writeMapping);
        }

        private CsvConversion convert(ObjectType type, Path input, String name, Path output, Path schemaFile)
                throws IOException {
            return CsvConverter.builder(type)
                    .profile(options.settings().profile())
                    .mapping(mapping == null ? null : CsvMapping.read(mapping))
                    .dropUnmatched(dropUnmatched)
                    .zone(zone())
                    .schemaFile(schemaFile)
                    .delimiter(delimiter == null ? 0 : CsvDelimiter.parse(delimiter))
                    .maxFindings(options.settings().maxFindings())
                    .build()
                    .convert(input, name, output);
        }

        /**
         * Without a mapping, which column fills which field, one line each, for the user to check; a column
         * named as its field is not worth a line.
         */
        private void describeMatches(CsvConversion conversion, String name) {
            for (ColumnMatch match : conversion.matches()) {
                if (match.how() == ColumnMatch.How.NAME && match.column().equals(match.field()) && match.format() == null) {
                    continue;
                }
                spec.commandLine().getErr().println("gongcrm: " + name + ": column '" + match.column() + "' " + switch (match.how()) {
                    case NAME -> "-> " + match.field() + (match.format() == null ? "" : ", " + match.format());
                    case SYNONYM -> "-> " + match.field() + " (a name exports use for it)"
                            + (match.format() == null ? "" : ", " + match.format());
                    case STATUS -> "-> a deal's status (open, won or lost), " + match.format();
                    case UNMATCHED -> match.field() == null ? "matches no field: left out (--drop-unmatched)"
                            : "matches no field: kept as custom field " + match.field() + " (define it in the type's "
                            + "schema file, or leave it out with --drop-unmatched)";
                });
            }
        }

        /**
         * Standard input copied to a temporary file: the converter reads a CSV twice (the header row to tell
         * the delimiter, then the rows), and a pipe can be read once. Bounded by the disk, not the heap.
         */
        private static Path spool(InputStream stdin) throws IOException {
            Path copy = Files.createTempFile("gongcrm-stdin-", ".csv");
            try {
                Files.copy(stdin, copy, StandardCopyOption.REPLACE_EXISTING);
                return copy;
            } catch (IOException e) {
                Files.deleteIfExists(copy);
                throw new IOException("cannot read the CSV from standard input: " + e.getMessage(), e);
            }
        }

        private java.time.ZoneId zone() {
            try {
                return java.time.ZoneId.of(zone.trim());
            } catch (java.time.DateTimeException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--zone: '" + zone + "' is not a zone; "
                        + "use UTC, an offset such as -05:00, or a region such as Europe/Berlin");
            }
        }

        /** The one --type of the validation options, which here is the type of every object of the CSV. */
        private ObjectType type() {
            TypeOverride type;
            try {
                type = options.typeOverrides().get(TypeOverride.ALL_FILES);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            boolean oneTypeFlag = options.types.size() == 1 && !options.types.get(0).contains("=");
            if (type == null || !(options.types.isEmpty() || oneTypeFlag)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "give the object type of the CSV's rows with one --type TYPE, e.g. --type DEAL (or \"types\": "
                                + "{\"*\": \"DEAL\"} in " + BundleConfig.FILE_NAME + ")");
            }
            if (type.userMapping()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "a CSV converts to the objects of one "
                        + "object type, not to a user mapping file; give e.g. --type BUSINESS_USER");
            }
            return type.objectType();
        }

        /** A file in the folder of {@code file}, named as the user named that folder. */
        private static Path sibling(Path file, String name) {
            Path folder = file.getParent();
            return folder == null ? Path.of(name) : folder.resolve(name);
        }
    }
}
