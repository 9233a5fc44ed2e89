package dev.gongcrm.cli;

import dev.gongcrm.client.push.Sizes;
import dev.gongcrm.validator.Thousands;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.bundle.BundleScanner;
import dev.gongcrm.validator.bundle.TypeOverride;
import dev.gongcrm.validator.bundle.FileKind;
import dev.gongcrm.validator.fix.BundleFixer;
import dev.gongcrm.validator.fix.FixOptions;
import dev.gongcrm.validator.fix.FixPlan;
import dev.gongcrm.validator.fix.FixSummary;
import dev.gongcrm.validator.fix.StaleTemporaryFiles;
import dev.gongcrm.validator.report.ReportFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "fix",
        description = {"Repairs what needs no decision (see the FIXABLE column of 'gongcrm rules'): sorts lines by "
                + "modifiedDate, drops milliseconds, renames deprecated fields, drops exact duplicates, unquotes "
                + "numbers and booleans, splits files over 200 MB; with --initial drops deleted objects.",
                "Writes the whole bundle to --out DIR (files that need no fix are copied unchanged) or replaces "
                        + "the input files with --in-place, then validates the result and reports what is left."},
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class FixCommand implements Callable<Integer> {

    /** The diff shows at most this many characters of a line. */
    private static final int MAX_SHOWN_LINE = 400;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Bundle folders or files; - alone reads one "
            + "entity file from standard input (give its --type) and writes the fixed file to standard output, "
            + "what is left to standard error.")
    List<Path> paths;

    @Option(names = "--out", paramLabel = "DIR", description = "Write the fixed bundle into DIR (created if needed).")
    Path out;

    @Option(names = "--in-place", description = "Replace the input files with their fixed versions.")
    boolean inPlace;

    @Option(names = "--diff", description = "Print the lines a fix would change (at most "
            + FixSummary.MAX_CHANGES + " changes) and write nothing.")
    boolean diff;

    @Option(names = "--assume-zone", paramLabel = "ZONE",
            description = "Zone of datetimes written without one, e.g. Z, +01:00, Europe/Oslo (never guessed "
                    + "without this).")
    String assumeZone;

    @Option(names = "--keep", paramLabel = "latest",
            description = "'latest': of several versions of one objectId in a file keep only the one with the "
                    + "latest modifiedDate (without it they are reported).")
    String keep;

    @CommandLine.Mixin
    ValidationOptions options;

    @Override
    public Integer call() throws Exception {
        options.load(paths);
        if (paths.stream().anyMatch(path -> path.toString().equals(ValidationOptions.STDIN))) {
            return fixStandardInput();
        }
        FixOptions fixOptions = fixOptions();
        options.failLevel(); // an unknown level is a usage error before any work
        Map<ReportFormat, Path> reports = options.reports();
        PrintWriter stdout = spec.commandLine().getOut();
        BundleFixer fixer = new BundleFixer(fixOptions);
        if (diff) {
            FixSummary summary = fixer.preview(paths);
            printDiff(summary, stdout);
            stdout.println("would have " + summary.describe());
            return 0;
        }
        FixPlan plan = inPlace ? fixer.planInPlace(paths) : fixer.planInto(paths, out);
        ValidationOptions.refuseReportsOver(options.inputs(plan.files()).protectAll("the fixed file", plan.targets()),
                reports);
        removeStaleTemporaryFiles(plan);
        FixSummary summary = fixer.fix(plan);
        ValidationResult result = options.validator().build().validate(summary.written());
        options.write(reports, result, stdout);
        if (!options.quiet) {
            stdout.println(summary.describe() + (result.total() == 0 ? "; nothing left"
                    : "; " + Thousands.grouped(result.total()) + " left (run gongcrm validate)"));
        }
        return options.exitCode(result);
    }

    /** Removes what killed fixes left in the folders this one writes to, and says so: the space comes back. */
    private void removeStaleTemporaryFiles(FixPlan plan) {
        StaleTemporaryFiles.Removed removed = new StaleTemporaryFiles(Clock.systemUTC()).removeFrom(plan.folders());
        if (removed.count() > 0) {
            spec.commandLine().getErr().println("gongcrm: removed " + Sizes.count(removed.count(), "temporary file")
                    + " (" + Sizes.human(removed.bytes()) + ") that an interrupted fix left in " + String.join(", ",
                    removed.folders().stream().map(folder -> "'" + folder + "'").toList()));
        }
    }

    /**
     * {@code fix -}: standard input is fixed as one entity file of the --type, in a temporary folder, the
     * fixed lines go to standard output and the report of what is left to standard error, so that the
     * command sits in a pipe. A file split for its size comes out as its parts one after the other.
     */
    private int fixStandardInput() throws Exception {
        if (paths.size() > 1 || out != null || inPlace || diff) {
            throw new CommandLine.ParameterException(spec.commandLine(), "- fixes standard input alone, to standard "
                    + "output: give no other path, --out, --in-place or --diff");
        }
        TypeOverride type = options.stdinType();
        options.failLevel(); // an unknown level is a usage error before any work
        Map<ReportFormat, Path> reports = options.reports();
        ValidationOptions.refuseReportsOver(options.inputs(List.of()), reports);
        PrintWriter stderr = spec.commandLine().getErr();
        Path work = Files.createTempDirectory("gongcrm-fix-");
        try {
            Path input = work.resolve("in").resolve(type.fileName());
            Files.createDirectories(input.getParent());
            Files.copy(((GongCrm) spec.root().userObject()).stdin, input);
            FixSummary summary = new BundleFixer(fixOptions().withTypeOverrides(Map.of(TypeOverride.ALL_FILES, type)))
                    .fixInto(List.of(input), work.resolve("out"));
            List<BundleFile> fixed = new ArrayList<>();
            for (Path written : summary.written()) {
                copyTo(written, spec.commandLine().getOut(), ((GongCrm) spec.root().userObject()).stdoutBytes);
                fixed.add(BundleFile.ofStream(ValidationOptions.STDIN_NAME, type.kind(FileKind.ENTITIES), type.objectType(),
                        Files.newInputStream(written)));
            }
            ValidationResult result = options.validator().build().validateFiles(fixed);
            options.write(reports, result, stderr);
            if (!options.quiet) {
                stderr.println(summary.describe() + (result.total() == 0 ? "; nothing left"
                        : "; " + Thousands.grouped(result.total()) + " left"));
            }
            return options.exitCode(result);
        } finally {
            deleteTree(work);
        }
    }

    /** The file's bytes as they are when there is a byte stream under the writer, else its text through it. */
    private static void copyTo(Path file, PrintWriter out, OutputStream bytes) throws IOException {
        out.flush();
        if (bytes != null) {
            Files.copy(file, bytes);
            bytes.flush();
            return;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.transferTo(out);
        }
        out.flush();
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The options as the fixer takes them; a combination that cannot work is a usage error, before any work. */
    private FixOptions fixOptions() {
        boolean stdin = paths.contains(Path.of(ValidationOptions.STDIN));
        if (!diff && !stdin && (out == null) == !inPlace) {
            throw new IllegalArgumentException(inPlace ? "give either --out DIR or --in-place, not both"
                    : "say where the fixed files go: --out DIR, or --in-place to replace the input files");
        }
        if (keep != null && !keep.equals("latest")) {
            throw new IllegalArgumentException("--keep takes 'latest', got '" + keep + "'");
        }
        ZoneId zone = null;
        if (assumeZone != null) {
            try {
                zone = ZoneId.of(assumeZone);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("--assume-zone: '" + assumeZone + "' is not a zone; use Z, an "
                        + "offset like +01:00 or a region like Europe/Oslo");
            }
        }
        return FixOptions.defaults().withAssumeZone(zone).withKeepLatest(keep != null).withInitial(options.settings().initial())
                .withProfile(options.settings().profile()).withTypeOverrides(options.typeOverrides());
    }

    /** {@code file:line: rule}, then {@code - old} and {@code + new} (a dropped line has no {@code +}). */
    private static void printDiff(FixSummary summary, PrintWriter out) {
        for (FixSummary.Change change : summary.changes()) {
            if (change.line() == 0) {
                out.println(change.file() + ": " + change.rule() + ": " + change.after());
                continue;
            }
            out.println(change.file() + ":" + change.line() + ": " + change.rule());
            out.println("- " + shortened(change.before()));
            if (change.after() != null) {
                out.println("+ " + shortened(change.after()));
            }
        }
        if (summary.changesLeftOut() > 0) {
            out.println("... and " + summary.changesLeftOut() + " more changes not shown");
        }
    }

    private static String shortened(String line) {
        return line.length() <= MAX_SHOWN_LINE ? line : line.substring(0, MAX_SHOWN_LINE) + "... ("
                + line.length() + " characters)";
    }
}
