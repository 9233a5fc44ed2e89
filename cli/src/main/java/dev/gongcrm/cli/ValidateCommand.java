package dev.gongcrm.cli;

import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleException;
import dev.gongcrm.validator.bundle.BundleScanner;
import dev.gongcrm.validator.report.ReportFiles;
import dev.gongcrm.validator.report.ReportFormat;
import dev.gongcrm.validator.rules.RuleConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Bundle folders or files.")
    List<Path> paths;

    @Option(names = "--format", paramLabel = "FORMAT[=FILE]", split = ",",
            description = {"Report format: text (default), json, sarif, junit, github, csv.",
                    "FORMAT=FILE writes that format to FILE; repeat for several reports in one run."})
    List<String> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit with 1 when a finding is at least this severe: error (default), warning, info, "
                    + "or never.")
    String failOn;

    @Option(names = "--select", paramLabel = "RULE", split = ",",
            description = "Run only these rules (comma-separated names; see 'gongcrm rules').")
    Set<String> select = new LinkedHashSet<>();

    @Option(names = "--ignore", paramLabel = "RULE", split = ",", description = "Do not run these rules.")
    Set<String> ignore = new LinkedHashSet<>();

    @Option(names = "--severity", paramLabel = "RULE=LEVEL", split = ",",
            description = "Change a rule's severity, e.g. --severity unknown-field=error.")
    Map<String, String> severities = new LinkedHashMap<>();

    @Option(names = "--type", paramLabel = "[FILE=]TYPE",
            description = {"Object type of files whose name does not tell it: TYPE for every file, "
                    + "FILE=TYPE for one.", "Types: ACCOUNT, CONTACT, DEAL, LEAD, BUSINESS_USER, STAGE."})
    List<String> types = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "legacy",
            description = "API profile whose rules apply (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--initial", description = "An initial upload: deleted objects must not be sent.")
    boolean initial;

    @Option(names = "--dialer", description = "Gong imports dialer calls: contacts and leads need a phoneNumber.")
    boolean dialer;

    @Option(names = "--max-findings", paramLabel = "N", defaultValue = "" + Validator.DEFAULT_MAX_FINDINGS,
            description = "Keep at most N findings in the report (counts include all; default ${DEFAULT-VALUE}).")
    int maxFindings;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Validator validator;
        Severity failLevel;
        Map<ReportFormat, Path> reports;
        try {
            failLevel = failOn.equalsIgnoreCase("never") ? null : Severity.parse(failOn);
            reports = reports();
            validator = validator();
        } catch (IllegalArgumentException e) {
            err.println("gongcrm: error: " + e.getMessage());
            return GongCrm.USAGE;
        }
        ValidationResult result;
        try {
            result = validator.validate(paths);
        } catch (BundleException e) {
            err.println("gongcrm: error: " + e.getMessage());
            return GongCrm.USAGE;
        }
        for (Map.Entry<ReportFormat, Path> report : reports.entrySet()) {
            if (report.getValue() == null) {
                PrintWriter out = spec.commandLine().getOut();
                report.getKey().writer().write(result, out);
                out.flush();
            } else {
                ReportFiles.write(report.getKey(), result, report.getValue());
            }
        }
        if (reports.values().stream().allMatch(Objects::nonNull)) {
            spec.commandLine().getOut().println(ReportFormat.summary(result));
        }
        return failLevel != null && result.hasAtLeast(failLevel) ? GongCrm.FINDINGS : 0;
    }

    private Validator validator() {
        Map<String, Severity> levels = new HashMap<>();
        severities.forEach((rule, level) -> levels.put(rule, Severity.parse(level)));
        Validator.Builder builder = Validator.builder()
                .profile(profile)
                .rules(new RuleConfig(select, ignore, levels))
                .initialUpload(initial)
                .dialer(dialer)
                .maxFindings(maxFindings);
        for (String type : types) {
            int equals = type.lastIndexOf('=');
            String file = equals < 0 ? BundleScanner.ALL_FILES : type.substring(0, equals);
            String name = type.substring(equals + 1);
            builder.type(file, ObjectType.parseLenient(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown object type '" + name + "'; use ACCOUNT, CONTACT, DEAL, LEAD, BUSINESS_USER or STAGE")));
        }
        return builder.build();
    }

    /** Each requested format with its file, or null for standard output (at most one). */
    private Map<ReportFormat, Path> reports() {
        Map<ReportFormat, Path> reports = new LinkedHashMap<>();
        if (formats.isEmpty()) {
            formats.add("text");
        }
        for (String format : formats) {
            int equals = format.indexOf('=');
            ReportFormat parsed = ReportFormat.parse(equals < 0 ? format : format.substring(0, equals));
            reports.put(parsed, equals < 0 ? output : Path.of(format.substring(equals + 1)));
        }
        long toStdout = reports.values().stream().filter(Objects::isNull).count();
        if (toStdout > 1 || (output != null && reports.values().stream().filter(output::equals).count() > 1)) {
            throw new IllegalArgumentException("several formats would share one output; give each its file "
                    + "with --format FORMAT=FILE");
        }
        return reports;
    }
}
