package dev.gongcrm.cli;

import dev.gongcrm.client.CrmApi;
import dev.gongcrm.client.model.ListSelectedFieldsResponse;
import dev.gongcrm.client.model.SchemaField;
import dev.gongcrm.client.model.SchemaUpdateResponse;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.FileKind;
import dev.gongcrm.validator.report.ReportFormat;
import dev.gongcrm.validator.schema.SchemaFileMerge;
import dev.gongcrm.validator.schema.SchemaInference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

@Command(name = "schema",
        description = {"Infers the custom fields of a bundle, uploads a type's schema file or lists a type's schema "
                + "fields.", ApiOptions.ENVIRONMENT_HELP},
        mixinStandardHelpOptions = true,
        subcommands = {SchemaCommand.Infer.class, SchemaCommand.Upload.class, SchemaCommand.ListFields.class})
final class SchemaCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: infer, upload or list");
    }

    static ObjectType schemaType(String name, CommandLine commandLine) {
        ObjectType type = ObjectType.parseLenient(name).orElse(null);
        if (type == null || !ObjectType.SCHEMA_TYPES.contains(type)) {
            throw new CommandLine.ParameterException(commandLine, "'" + name + "' is not a type with a schema; "
                    + "use ACCOUNT, CONTACT, DEAL or LEAD");
        }
        return type;
    }

    @Command(name = "infer", description = {"Finds the fields of the bundle's objects that neither Gong nor the "
            + "type's schema file defines, and the Gong field type every value of each fits (BOOLEAN, DATE, DATETIME, "
            + "NUMBER, PERCENT, CURRENCY, EMAILADDRESS, URL, PHONENUMBER, STRINGARRAY, REFERENCE, PICKLIST or STRING), "
            + "with what showed it; --write adds them to <type>.schema.json in the bundle."},
            mixinStandardHelpOptions = true, sortOptions = false)
    static final class Infer implements java.util.concurrent.Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "PATH", arity = "1..*", description = "Bundle folders or LDJSON files.")
        List<Path> paths;

        @Option(names = "--write", description = "Add the fields to <type>.schema.json in the bundle (a new file, or "
                + "merged: the file's own entries are kept as they are).")
        boolean write;

        @Option(names = "--force", description = "With --write, replace the file's entries of the fields inferred too.")
        boolean force;

        @CommandLine.Mixin
        ValidationOptions options;

        @Override
        public Integer call() throws Exception {
            options.load(paths);
            List<BundleFile> files = new java.util.ArrayList<>(options.scanner().scan(paths));
            // the schema file --write would merge into defines fields too, also when only a data file was named
            for (ObjectType type : ObjectType.SCHEMA_TYPES) {
                boolean hasData = files.stream().anyMatch(f -> f.kind() == FileKind.ENTITIES && f.type() == type);
                Path schema = hasData ? schemaFile(files, type) : null;
                if (schema != null && java.nio.file.Files.isRegularFile(schema)
                        && files.stream().noneMatch(f -> f.kind() == FileKind.SCHEMA && f.type() == type)) {
                    files.add(BundleFile.of(schema, schema.toString(), FileKind.SCHEMA, type));
                }
            }
            List<SchemaInference.InferredField> fields = SchemaInference.infer(files, options.settings().profile());
            PrintWriter out = spec.commandLine().getOut();
            if (fields.isEmpty()) {
                out.println("Every field of the objects is Gong's or defined by the type's schema file.");
                return 0;
            }
            out.printf("%-9s %-24s %-18s %s%n", "TYPE", "FIELD", "GONG TYPE", "EVIDENCE");
            for (SchemaInference.InferredField field : fields) {
                out.printf("%-9s %-24s %-18s %s%n", field.type(), field.name(), field.fieldType()
                        + (field.referenceTo() == null ? "" : " -> " + field.referenceTo()), evidence(field));
            }
            if (!write) {
                out.println("(--write adds them to each type's schema file)");
                return 0;
            }
            java.time.Instant now = java.time.Instant.now();
            for (ObjectType type : ObjectType.SCHEMA_TYPES.stream().sorted().toList()) {
                List<SchemaInference.InferredField> ofType = fields.stream().filter(f -> f.type() == type).toList();
                if (ofType.isEmpty()) {
                    continue;
                }
                Path file = schemaFile(files, type);
                SchemaFileMerge.Merged merged = SchemaFileMerge.merge(file, ofType, force, now);
                spec.commandLine().getErr().println("gongcrm: " + file + ": added " + merged.added().size()
                        + (merged.replaced().isEmpty() ? "" : ", replaced " + String.join(", ", merged.replaced()))
                        + (merged.kept().isEmpty() ? "" : "; kept the file's own " + String.join(", ", merged.kept())
                        + " (--force replaces them)"));
            }
            return 0;
        }

        private static String evidence(SchemaInference.InferredField field) {
            return field.values() + " values" + (field.nulls() == 0 ? "" : ", " + field.nulls() + " null")
                    + (field.orderedValueList() != null ? ", values " + field.orderedValueList()
                    : field.distinct() > 25 ? ", over 25 distinct" : field.distinct() == 0 ? ""
                    : ", " + field.distinct() + " distinct")
                    + (field.samples().isEmpty() ? "" : ", e.g. " + String.join(" ", field.samples()));
        }

        /** The type's schema file in the bundle, or where it goes: beside the type's first entity file. */
        private static Path schemaFile(List<BundleFile> files, ObjectType type) {
            for (BundleFile file : files) {
                if (file.kind() == FileKind.SCHEMA && file.type() == type) {
                    return Path.of(file.name());
                }
            }
            Path first = files.stream().filter(f -> f.kind() == FileKind.ENTITIES && f.type() == type)
                    .map(f -> Path.of(f.name())).findFirst().orElseThrow();
            String name = type.resourceName() + ".schema.json";
            return first.getParent() == null ? Path.of(name) : first.getParent().resolve(name);
        }
    }

    @Command(name = "upload", description = {"Uploads a schema file (the JSON array of field definitions) as the "
            + "full schema of its type. The file is validated first; 'gongcrm push' does this as part of a push."},
            mixinStandardHelpOptions = true)
    static final class Upload extends ApiCommand {

        @Parameters(paramLabel = "FILE", description = "A schema file, e.g. deal.schema.json.")
        Path file;

        @Option(names = "--type", paramLabel = "TYPE", description = "ACCOUNT, CONTACT, DEAL or LEAD (default: from "
                + "the file name).")
        String type;

        /** The schema file's folder, whose configuration file may name the profile. */
        @Override
        List<Path> bundle() {
            return List.of(file);
        }

        @Override
        int call(CrmApi client, PrintWriter out) throws Exception {
            String fileName = file.getFileName().toString();
            String typeName = type != null ? type : fileName.replaceFirst("(?i)\\.schema\\.json$", "");
            ObjectType objectType = schemaType(typeName, spec.commandLine());
            ValidationResult result = Validator.builder().profile(profile).build().validateFiles(List.of(BundleFile.of(file,
                    file.toString(), FileKind.SCHEMA, objectType)));
            if (result.hasAtLeast(Severity.ERROR)) {
                ReportFormat.TEXT.writer().write(result, spec.commandLine().getOut());
                spec.commandLine().getErr().println("gongcrm: nothing was sent: fix the findings above first");
                return GongCrm.FINDINGS;
            }
            SchemaUpdateResponse answer = client.uploadSchemaFile(file, integration(client), objectType).data();
            if (json) {
                JsonOutput.print(out, answer);
            } else {
                out.println("Uploaded " + file + " as the " + objectType + " schema (Gong requestId "
                        + answer.requestId() + ")");
            }
            return 0;
        }
    }

    @Command(name = "list", description = "Lists the schema fields Gong has for a type.", mixinStandardHelpOptions = true)
    static final class ListFields extends ApiCommand {

        @Parameters(paramLabel = "TYPE", description = "ACCOUNT, CONTACT, DEAL or LEAD.")
        String type;

        @Override
        int call(CrmApi client, PrintWriter out) {
            ObjectType objectType = schemaType(type, spec.commandLine());
            ListSelectedFieldsResponse fields = client.listSchemaFields(integration(client), objectType);
            if (json) {
                JsonOutput.print(out, fields);
                return 0;
            }
            for (Map.Entry<String, List<SchemaField>> byType : fields.fields().entrySet()) {
                for (SchemaField field : byType.getValue()) {
                    out.println(field.uniqueName() + (field.type() == null ? "" : "  " + field.type())
                            + (field.referenceTo() == null ? "" : " -> " + field.referenceTo())
                            + (field.label() == null ? "" : "  \"" + field.label() + "\"")
                            + (Boolean.TRUE.equals(field.isDeleted()) ? "  (deleted)" : ""));
                }
            }
            return 0;
        }
    }
}
