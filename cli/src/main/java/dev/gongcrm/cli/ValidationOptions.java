package dev.gongcrm.cli;

import dev.gongcrm.validator.IndexSize;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.Thousands;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.BundleScanner;
import dev.gongcrm.validator.bundle.TypeOverride;
import dev.gongcrm.validator.config.BundleConfig;
import dev.gongcrm.validator.config.ConfigException;
import dev.gongcrm.validator.report.OutputGuard;
import dev.gongcrm.validator.report.OutputOverwritesInputException;
import dev.gongcrm.validator.report.ReportFiles;
import dev.gongcrm.validator.report.ReportFormat;
import dev.gongcrm.validator.report.ReportRequest;
import dev.gongcrm.validator.schema.ProfileSchemas;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** The options of {@code validate}, shared by {@code push}, which validates the same way before sending. */
final class ValidationOptions {

    /** The path that names standard input. */
    static final String STDIN = "-";
    /** How findings and messages name standard input. */
    static final String STDIN_NAME = "<stdin>";

    /** Splits at commas, but not at a comma escaped as {@code \,}, which a file name may hold. */
    private static final String UNESCAPED_COMMA = "(?<!\\\\),";

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    @Option(names = "--format", paramLabel = "FORMAT[=FILE]", split = UNESCAPED_COMMA, splitSynopsisLabel = ",",
            description = {"Report format: text, json, sarif, junit, github, csv, html (default: the configuration "
                    + "file's \"formats\", else text).",
                    "FORMAT=FILE writes that format to FILE (- for standard output); repeat for several reports in one "
                            + "run. "
                            + "A comma in FILE is written \\, (e.g. --format 'csv=a\\,b.csv'), or give the "
                            + "file with -o."})
    List<String> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output (the name is taken as it is).")
    Path output;

    @Option(names = "--config", paramLabel = "FILE",
            description = {"The bundle's settings (select, ignore, severities, types, profile, initial, dialer, "
                    + "include, exclude, recursive, failOn, maxFindings, formats, ledger) as JSON, shared with the Maven "
                    + "plugin.",
                    "Default: " + BundleConfig.FILE_NAME + " in the bundle folder, when there is one. "
                            + "Flags given here take precedence over it."})
    Path config;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit with 1 when a finding is at least this severe: error (default), warning, info, "
                    + "or never.")
    String failOn;

    @Option(names = "--select", paramLabel = "RULE", split = ",",
            description = "Run only these rules (comma-separated names; see 'gongcrm rules').")
    List<String> select;

    @Option(names = "--ignore", paramLabel = "RULE", split = ",", description = "Do not run these rules.")
    List<String> ignore;

    @Option(names = "--severity", paramLabel = "RULE=LEVEL", split = ",",
            description = "Change a rule's severity, e.g. --severity unknown-field=error.")
    Map<String, String> severities = new LinkedHashMap<>();

    @Option(names = "--type", paramLabel = "[FILE=]TYPE",
            description = {"The object type of every file (TYPE) or of one (FILE=TYPE), over what the "
                    + "file's name says; for files whose name does not tell it.", "Types: ACCOUNT, CONTACT, DEAL, LEAD, BUSINESS_USER, STAGE, or "
                    + "USER_MAPPING for a /v2/crm/map/users file (crmUserId, emailAddress)."})
    List<String> types = new ArrayList<>();

    @Option(names = {"-r", "--recursive"}, description = "Take the entity and schema files of bundle folders' "
            + "subfolders too.")
    Boolean recursive;

    @Option(names = "--include", paramLabel = "GLOB", split = ",",
            description = "Take only the files of bundle folders matching these globs (relative to the folder, "
                    + "e.g. 'deals*.ldjson' or '**/2024-*/*.ldjson'); files named explicitly are always taken.")
    List<String> includes;

    @Option(names = "--exclude", paramLabel = "GLOB", split = ",",
            description = "Leave out the files of bundle folders matching these globs.")
    List<String> excludes;

    @Option(names = "--profile", paramLabel = "PROFILE", completionCandidates = Profiles.class,
            description = "API profile whose rules apply: ${COMPLETION-CANDIDATES} (default: "
                    + ProfileSchemas.DEFAULT_PROFILE + "). legacy is the seed's /v2/crm/object/entities family, "
                    + "current the /v2/crm/entities one.")
    String profile;

    /** The profiles the schemas module has, for --help and shell completion. */
    static final class Profiles implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ProfileSchemas.PROFILES.iterator();
        }
    }

    @Option(names = "--initial", description = "An initial upload: deleted objects must not be sent.")
    Boolean initial;

    @Option(names = "--dialer", description = "Gong imports dialer calls: contacts and leads need a phoneNumber.")
    Boolean dialer;

    @Option(names = {"-q", "--quiet"},
            description = "Print the findings and nothing else: no summary line (the exit code tells the outcome).")
    boolean quiet;

    @Option(names = "--statistics",
            description = "Instead of the findings, print how many each rule raised (most first), what the id index "
                    + "held (to size a runner's heap), then the summary, on standard output; report files are "
                    + "still written.")
    boolean statistics;

    @Option(names = "--max-findings", paramLabel = "N",
            description = "Keep at most N findings in the report (counts include all; default "
                    + BundleConfig.DEFAULT_MAX_FINDINGS + "); 0 for the counts only.")
    Integer maxFindings;

    /** The configuration file under the flags, once {@link #load} has read it. */
    private BundleConfig settings;
    /** The scanner of the run's bundle, whose skipped files the reports name; null when none was needed. */
    private BundleScanner scanner;

    /**
     * Reads the bundle's configuration (--config, else the file next to the bundle) and lays the flags over
     * it; every command calls it first, before the settings below are asked for.
     */
    void load(List<Path> paths) throws ConfigException {
        List<Path> named = paths.stream().filter(path -> !path.toString().equals(STDIN)).toList();
        settings = BundleConfig.load(config, named).overriddenBy(flags());
    }

    /** What the flags say; a flag not given leaves its setting to the configuration file. */
    private BundleConfig flags() {
        BundleConfig.Builder flags = BundleConfig.builder()
                .profile(profile)
                .select(select)
                .ignore(ignore)
                .initial(initial)
                .dialer(dialer)
                .include(includes)
                .exclude(excludes)
                .recursive(recursive)
                .failOn(failOn)
                .maxFindings(maxFindings);
        severities.forEach(flags::severity);
        for (String type : types) {
            int equals = type.lastIndexOf('=');
            flags.type(equals < 0 ? TypeOverride.ALL_FILES : type.substring(0, equals), type.substring(equals + 1));
        }
        return flags.build();
    }

    BundleConfig settings() {
        if (settings == null) {
            throw new IllegalStateException("the command did not load the bundle's configuration");
        }
        return settings;
    }

    /** The least severity that fails the run, or null for {@code never}. */
    Severity failLevel() {
        return settings().failLevel().orElse(null);
    }

    /** Colour on a terminal, unless NO_COLOR is set (no-color.org); never into a pipe or a file. */
    private boolean colour() {
        GongCrm root = (GongCrm) mixee.root().userObject();
        return root.terminal && !root.environment.containsKey("NO_COLOR");
    }

    /** The exit code a result gives: {@link GongCrm#FINDINGS} when a finding reaches --fail-on, else 0. */
    int exitCode(ValidationResult result) {
        Severity failLevel = failLevel();
        return failLevel != null && result.hasAtLeast(failLevel) ? GongCrm.FINDINGS : 0;
    }

    Map<String, TypeOverride> typeOverrides() {
        return settings().typeOverrides();
    }

    /** The type of standard input ('-'): its own --type -=TYPE, else the type of every file. */
    TypeOverride stdinType() {
        Map<String, TypeOverride> types = typeOverrides();
        TypeOverride type = types.getOrDefault(STDIN, types.get(TypeOverride.ALL_FILES));
        if (type == null) {
            throw new CommandLine.ParameterException(mixee.commandLine(),
                    "- reads an entity file from standard input: give its object type, e.g. --type DEAL");
        }
        return type;
    }

    /** A scanner of the bundle's files as the settings choose them; it remembers the files it skipped. */
    BundleScanner scanner() {
        scanner = new BundleScanner(typeOverrides(), settings().folderFilter());
        return scanner;
    }

    /**
     * Says, on {@code err}, which files a type given for every file (--type DEAL) reads as another type than
     * their names say: on a folder of several types that is most likely a mistake, and it shows only as
     * findings on every line.
     */
    void sayRetypedFiles(PrintWriter err) {
        List<String> retyped = scanner == null ? List.of() : scanner.retyped();
        if (!retyped.isEmpty()) {
            TypeOverride every = typeOverrides().get(TypeOverride.ALL_FILES);
            err.println("gongcrm: --type " + (every.userMapping() ? "USER_MAPPING" : every.objectType().name())
                    + " applies to every file, also to "
                    + String.join(", ", retyped.subList(0, Math.min(3, retyped.size())))
                    + (retyped.size() > 3 ? " and " + (retyped.size() - 3) + " more" : "")
                    + ", whose names say another type; for one file give --type FILE=TYPE");
        }
    }

    Validator.Builder validator() {
        return Validator.builder(settings());
    }

    /**
     * Each requested format with its file, or null for standard output (at most one). A file that
     * cannot be one (no name, a folder) is an IllegalArgumentException now, before any work.
     */
    Map<ReportFormat, Path> reports() {
        // a mistake in the configuration file's list is said as that file's: the user typed no --format
        boolean fromFile = formats.isEmpty() && !settings().reports().isEmpty();
        String asking = fromFile ? "the \"formats\" of " + settings().source().map(Path::toString)
                .orElse(BundleConfig.FILE_NAME) : "--format";
        Map<ReportFormat, Path> reports = new LinkedHashMap<>();
        for (ReportRequest request : requestedReports()) {
            if (reports.containsKey(request.format())) {
                throw new IllegalArgumentException(asking + " asks for the " + request.format().id()
                        + " report twice; name each format once");
            }
            Path file = request.file() != null ? request.file() : output;
            reports.put(request.format(), checkFile(file, request.format()));
        }
        if (output != null && !reports.containsValue(output)) {
            throw new IllegalArgumentException("-o " + output + " would be ignored: " + (fromFile ? asking
                    + " name a file for every report; drop -o, or add the format it is for to them (e.g. \"text\")"
                    : "every --format names its own file; drop -o, or add the format it is for (e.g. --format text)"));
        }
        long toStdout = reports.values().stream().filter(Objects::isNull).count();
        long files = reports.values().stream().filter(Objects::nonNull).count();
        long distinctFiles = reports.values().stream().filter(Objects::nonNull)
                .map(file -> file.toAbsolutePath().normalize()).distinct().count();
        if (toStdout > 1 || distinctFiles < files) {
            throw new IllegalArgumentException("several formats of " + asking + " would share one output; give each "
                    + "its file" + (fromFile ? " (FORMAT=FILE, FILE relative to that file)" : " with --format FORMAT=FILE"));
        }
        reports.forEach((format, file) -> {
            if (statistics && file == null && format != ReportFormat.TEXT) {
                throw new IllegalArgumentException("--statistics prints its counts on standard output, where the "
                        + format.id() + " report would go; write that report to a file (--format " + format.id()
                        + "=FILE)");
            }
        });
        return reports;
    }

    /** What --format asks for, else what the configuration file's "formats" do, else a text report. */
    private List<ReportRequest> requestedReports() {
        if (formats.isEmpty()) {
            List<ReportRequest> configured = settings().reports();
            return configured.isEmpty() ? List.of(new ReportRequest(ReportFormat.TEXT, null)) : configured;
        }
        List<ReportRequest> requests = new ArrayList<>();
        for (String format : formats) {
            try {
                requests.add(ReportRequest.parse(format.replace("\\,", ","), null));
            } catch (ReportRequest.EmptyFileName e) {
                throw new IllegalArgumentException("--format " + format + ": " + e.getMessage());
            }
        }
        return requests;
    }

    /**
     * The files this run reads, which no output may land on: the bundle's files (standard input aside) and the
     * configuration file; a command adds its own (the ledger, a mapping file...).
     */
    OutputGuard inputs(List<BundleFile> files) {
        OutputGuard inputs = new OutputGuard();
        for (BundleFile file : files) {
            if (!file.name().equals(STDIN_NAME)) {
                inputs.protect(Path.of(file.name()));
            }
        }
        settings().source().ifPresent(file -> inputs.protect("the configuration file", file));
        return inputs;
    }

    /** Refuses, before anything is written, a report file that would land on a file the run reads. */
    static void refuseReportsOver(OutputGuard inputs, Map<ReportFormat, Path> reports)
            throws OutputOverwritesInputException {
        inputs.checkReports(reports, "name another file");
    }

    private static Path checkFile(Path file, ReportFormat format) {
        if (file != null && file.toString().isBlank()) {
            throw new IllegalArgumentException("--output: name the report file, e.g. -o " + format.defaultFileName());
        }
        if (file != null && Files.isDirectory(file)) {
            throw new IllegalArgumentException("'" + file + "' is a folder; name the report file, e.g. "
                    + file.resolve(format.defaultFileName()));
        }
        return file;
    }

    /**
     * Writes the result in every requested format; a summary line goes to {@code out} when no report does.
     * A report that cannot be written does not stop the others; the IOException that follows names it and
     * the outputs that are complete.
     */
    void write(Map<ReportFormat, Path> reports, ValidationResult checked, PrintWriter out) throws IOException {
        Path base = Path.of(""); // the working directory: reports name files relative to it
        ValidationResult result = (scanner == null ? checked : checked.withSkipped(scanner.skippedNames()))
                .relativeTo(base);
        List<String> complete = new ArrayList<>();
        Map<ReportFormat, Path> files = new LinkedHashMap<>();
        for (Map.Entry<ReportFormat, Path> report : reports.entrySet()) {
            String name = "the " + report.getKey().id() + " report";
            if (report.getValue() != null) {
                files.put(report.getKey(), report.getValue());
            } else if (statistics) {
                continue; // the counts take the text report's place, below
            } else if (quiet && report.getKey() == ReportFormat.TEXT) {
                ReportFormat.writeTextFindings(result, out, colour());
                out.flush();
                complete.add(name + " on standard output");
            } else {
                (report.getKey() == ReportFormat.TEXT && colour() ? ReportFormat.colouredText()
                        : report.getKey().writer(base)).write(result, out);
                out.flush();
                complete.add(name + " on standard output");
            }
        }
        Map<ReportFormat, String> failed = ReportFiles.writeAll(files, result, base);
        files.forEach((format, file) -> {
            if (!failed.containsKey(format)) {
                complete.add("the " + format.id() + " report in '" + file + "'");
            }
        });
        if (statistics) {
            printStatistics(result, out, !quiet);
            complete.add("the statistics on standard output");
        } else if (!quiet && reports.values().stream().allMatch(Objects::nonNull)) {
            out.println(ReportFormat.summary(result));
            out.flush();
        }
        if (!failed.isEmpty()) {
            throw new IOException(String.join("; ", failed.values()) + (complete.isEmpty() ? "; no report is complete"
                    : "; complete: " + String.join(", ", complete)));
        }
    }

    /**
     * After a result of which 'gongcrm fix' repairs some findings, the command that does it on the same bundle,
     * printed where people read (not among a JSON or SARIF document on standard output, not when quiet).
     */
    void printFixCommand(Map<ReportFormat, Path> reports, ValidationResult result, List<Path> paths,
                         PrintWriter out) {
        boolean forPeople = !quiet && reports.entrySet().stream()
                .noneMatch(report -> report.getValue() == null && report.getKey() != ReportFormat.TEXT);
        if (!forPeople || result.fixable() == 0 || paths.stream().anyMatch(path -> path.toString().equals(STDIN))) {
            return;
        }
        List<String> words = new ArrayList<>(List.of("gongcrm", "fix"));
        paths.forEach(path -> words.add(path.toString()));
        if (config != null) {
            words.add("--config=" + config);
        }
        types.forEach(type -> words.add("--type=" + type));
        if (Boolean.TRUE.equals(recursive)) {
            words.add("--recursive");
        }
        if (includes != null) {
            words.add("--include=" + String.join(",", includes));
        }
        if (excludes != null) {
            words.add("--exclude=" + String.join(",", excludes));
        }
        if (profile != null) {
            words.add("--profile=" + profile);
        }
        out.println("To repair them: " + ShellWords.command(words) + " --out DIR (or --diff to see the changes first)");
        out.flush();
    }

    /**
     * One line per rule that raised findings: the count, the rule, how many of them 'gongcrm fix' repairs;
     * then what the id index held, for sizing a runner's heap.
     */
    private static void printStatistics(ValidationResult result, PrintWriter out, boolean withSummary) {
        result.ruleCounts().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(rule -> {
                    long fixable = result.fixableCounts().getOrDefault(rule.getKey(), 0L);
                    out.printf("%8s  %s%s%n", Thousands.grouped(rule.getValue()), rule.getKey(),
                            fixable == 0 ? "" : "  (" + Thousands.grouped(fixable) + " fixable)");
                });
        IndexSize index = result.index();
        out.printf("id index: %s ids, %s of heap (%s bytes an id)%s%n", Thousands.grouped(index.keys()),
                megabytes(index.heapBytes()), Thousands.grouped(index.heapBytesPerKey()), index.fileBytes() == 0 ? ""
                        : " and " + megabytes(index.fileBytes()) + " in temporary files");
        if (withSummary) {
            // no findings are shown: the summary says how many there are, not how many a report left out
            out.println(ReportFormat.countsSummary(result));
        }
        out.flush();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MB", bytes / 1e6);
    }
}
