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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

@Command(name = "schema",
        description = {"Uploads a type's schema file or lists a type's schema fields.", ApiOptions.ENVIRONMENT_HELP},
        mixinStandardHelpOptions = true,
        subcommands = {SchemaCommand.Upload.class, SchemaCommand.ListFields.class})
final class SchemaCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: upload or list");
    }

    static ObjectType schemaType(String name, CommandLine commandLine) {
        ObjectType type = ObjectType.parseLenient(name).orElse(null);
        if (type == null || !ObjectType.SCHEMA_TYPES.contains(type)) {
            throw new CommandLine.ParameterException(commandLine, "'" + name + "' is not a type with a schema; "
                    + "use ACCOUNT, CONTACT, DEAL or LEAD");
        }
        return type;
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
