package dev.gongcrm.cli;

import dev.gongcrm.client.GongEnvironment;
import dev.gongcrm.client.ledger.LedgerLocation;
import dev.gongcrm.client.push.Ledger;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleException;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.TypeOverride;
import dev.gongcrm.validator.bundle.FileKind;
import dev.gongcrm.validator.report.ReportFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "validate",
        description = {"Checks LDJSON entity files and schema files, reporting every problem with its line.",
                "Paths may be bundle folders (their *.ldjson, *.jsonl, *.ndjson and *.schema.json files) or "
                        + "single files; all paths of one run form one bundle, so references between "
                        + "files are checked."},
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Bundle folders or files; - reads one entity file from standard input (give its --type).")
    List<Path> paths;

    @CommandLine.Mixin
    ValidationOptions options;

    @Option(names = "--ledger", paramLabel = "FILE|URL", arity = "0..1", fallbackValue = "",
            description = {"Check against what earlier pushes uploaded, as their ledger records it: references may "
                    + "point at objects sent before, and dropped-schema-field compares schemas with the last "
                    + "uploaded ones. Without a value: gongcrm.json's \"ledger\", else .gongcrm/ledger.db in the "
                    + "first bundle folder. A PostgreSQL URL names a shared ledger (password from "
                    + "GONGCRM_LEDGER_PASSWORD, PGPASSWORD or ~/.pgpass)."})
    String ledger;

    @Option(names = "--integration", paramLabel = "ID",
            description = "With --ledger: the integration whose uploads count (default: GONG_INTEGRATION_ID, else "
                    + "the only one the ledger knows).")
    Long integration;

    @Override
    public Integer call() throws Exception {
        options.load(paths);
        options.failLevel(); // an unknown level is a usage error before any work
        Map<ReportFormat, Path> reports = options.reports();
        Validator.Builder validator = options.validator();
        List<BundleFile> files = files();
        options.sayRetypedFiles(spec.commandLine().getErr());
        LedgerLocation ledgerLocation = ledger == null ? null : LedgerChoice.location(ledger, options, paths.get(0));
        ValidationOptions.refuseReportsOver(options.inputs(files).protect("the ledger",
                ledgerLocation == null ? null : LedgerChoice.file(ledgerLocation)), reports);
        ValidationResult result;
        if (ledgerLocation == null) {
            result = validator.build().validateFiles(files);
        } else {
            try (Ledger opened = Ledger.openReadOnly(ledgerLocation, ((GongCrm) spec.root().userObject()).environment)) {
                long id = LedgerIntegrations.pick(opened, integration != null ? integration
                        : GongEnvironment.integrationId(null, ((GongCrm) spec.root().userObject()).environment));
                result = validator.priorUploads(opened.priorUploads(id)).build().validateFiles(files);
            }
        }
        options.write(reports, result, spec.commandLine().getOut());
        options.printFixCommand(reports, result, paths, spec.commandLine().getOut());
        return options.exitCode(result);
    }

    /** The bundle's files: those the paths name, and standard input where a path is '-'. */
    private List<BundleFile> files() throws BundleException {
        List<Path> named = paths.stream().filter(path -> !path.toString().equals(ValidationOptions.STDIN)).toList();
        List<BundleFile> files = new ArrayList<>(named.isEmpty() ? List.of() : options.scanner().scan(named));
        if (named.size() < paths.size()) {
            TypeOverride type = options.stdinType();
            files.add(BundleFile.ofStream(ValidationOptions.STDIN_NAME, type.kind(FileKind.ENTITIES), type.objectType(),
                    ((GongCrm) spec.root().userObject()).stdin));
        }
        return files;
    }
}
