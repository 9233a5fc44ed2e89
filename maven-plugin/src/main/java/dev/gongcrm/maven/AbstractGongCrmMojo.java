package dev.gongcrm.maven;

import dev.gongcrm.validator.bundle.BundleException;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleScanner;
import dev.gongcrm.validator.bundle.TypeOverride;
import dev.gongcrm.validator.config.BundleConfig;
import dev.gongcrm.validator.config.ConfigException;
import dev.gongcrm.validator.report.OutputGuard;
import dev.gongcrm.validator.report.OutputOverwritesInputException;
import dev.gongcrm.validator.report.ReportFiles;
import dev.gongcrm.validator.report.ReportFormat;
import dev.gongcrm.validator.report.ReportRequest;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code gongcrm:validate} and {@code gongcrm:upload} share: which files make the bundle, how it
 * is validated, how findings are printed and reports written. Both goals read the same parameters
 * (and user properties), so a project configures its bundle once for both.
 */
abstract class AbstractGongCrmMojo extends AbstractMojo {

    private static final String DEFAULT_BUNDLE = "src/main/gongcrm";

    /** The project's base directory; relative paths are resolved against it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /**
     * Folders (bundles) and files to validate together, relative to the project. A folder
     * contributes its {@code *.ldjson}, {@code *.jsonl}, {@code *.ndjson} and {@code *.schema.json}
     * files (not those of its subfolders, as on the command line), filtered by {@code includes} and
     * {@code excludes}. Default: {@code src/main/gongcrm}.
     */
    @Parameter(property = "gongcrm.bundles")
    List<File> bundles;

    /**
     * The bundle's settings file (select, ignore, severities, types, profile, initial, dialer, include,
     * exclude, recursive, failOn, maxFindings), the same file the command line reads. Default: the
     * {@code gongcrm.json} of the bundle folder, when there is one. Parameters set here take precedence.
     */
    @Parameter(property = "gongcrm.config")
    File config;

    /** Glob patterns, relative to each bundle folder, of the files to take (default: every entity and schema file). */
    @Parameter(property = "gongcrm.includes")
    List<String> includes;

    /** Glob patterns, relative to each bundle folder, of the files to leave out. */
    @Parameter(property = "gongcrm.excludes")
    List<String> excludes;

    /** Fail when no file is found (the message says where it looked); otherwise skip quietly. */
    @Parameter(property = "gongcrm.failIfNoFiles", defaultValue = "true")
    boolean failIfNoFiles;

    /**
     * The least severity that counts as a violation: {@code error} (default), {@code warning}, {@code info}
     * or {@code never}. For {@code upload}, a finding at this severity means nothing is sent.
     */
    @Parameter(property = "gongcrm.violationSeverity")
    String violationSeverity;

    /** Run only these rules (names as listed by {@code gongcrm:rules}); empty runs all. */
    @Parameter(property = "gongcrm.select")
    List<String> select;

    /** Rules not to run. */
    @Parameter(property = "gongcrm.ignore")
    List<String> ignore;

    /** Severity per rule, replacing its default, e.g. {@code <unknown-field>error</unknown-field>}. */
    @Parameter
    Map<String, String> severities;

    /**
     * Object type per file name for files whose name does not tell it, e.g.
     * {@code <export.ldjson>DEAL</export.ldjson>}, or {@code USER_MAPPING} for a {@code /v2/crm/map/users}
     * file ({@code <crm-users.ldjson>USER_MAPPING</crm-users.ldjson>}); the key {@code *} applies to every file.
     */
    @Parameter
    Map<String, String> types;

    /**
     * The API profile: {@code legacy} (the seed's {@code /v2/crm/object/entities} family; the default) or
     * {@code current} (the {@code /v2/crm/entities} family). Its rules validate the bundle, and
     * {@code upload} sends it through that family's endpoints.
     */
    @Parameter(property = "gongcrm.profile")
    String profile;

    /** An initial upload of the integration: deleted objects must not be sent (default: false). */
    @Parameter(property = "gongcrm.initialUpload")
    Boolean initialUpload;

    /** Gong imports dialer calls: contacts and leads need a phoneNumber (default: false). */
    @Parameter(property = "gongcrm.dialer")
    Boolean dialer;

    /**
     * The encoding of the data files. Gong's API reads UTF-8 only, so files are always checked as
     * UTF-8; another encoding here is reported as a warning.
     */
    @Parameter(property = "gongcrm.encoding", defaultValue = "${project.build.sourceEncoding}")
    String encoding;

    /**
     * Reports to write, one file each: {@code text}, {@code json}, {@code sarif}, {@code junit},
     * {@code github}, {@code csv}, {@code html}, each into {@code outputDirectory}, or FORMAT=FILE (from the
     * project's folder). Default: the configuration file's "formats", else none.
     */
    @Parameter(property = "gongcrm.formats")
    List<String> formats;

    /** Where report files go. */
    @Parameter(property = "gongcrm.outputDirectory", defaultValue = "${project.build.directory}/gongcrm")
    File outputDirectory;

    /** The most findings printed and kept in reports; counts include all (default: 10000). */
    @Parameter(property = "gongcrm.maxFindings")
    Integer maxFindings;

    /** The scanner of the last bundle read, which remembers the files of its folders that it skipped. */
    private BundleScanner scanner;

    /**
     * The settings: the configuration file with the parameters laid over it; a mistake in either stops the
     * goal. Read anew each time, as a build (or a test) may change the parameters between executions.
     */
    BundleConfig settings() throws MojoExecutionException {
        BundleConfig.Builder parameters = BundleConfig.builder()
                .profile(profile)
                .select(emptyAsUnsaid(select))
                .ignore(emptyAsUnsaid(ignore))
                .include(emptyAsUnsaid(includes))
                .exclude(emptyAsUnsaid(excludes))
                .initial(initialUpload)
                .dialer(dialer)
                .failOn(violationSeverity)
                .maxFindings(maxFindings);
        if (severities != null) {
            severities.forEach(parameters::severity);
        }
        if (types != null) {
            types.forEach(parameters::type);
        }
        try {
            return BundleConfig.load(config == null ? null : resolve(config), bundleRoots())
                    .overriddenBy(parameters.build());
        } catch (ConfigException e) {
            throw new MojoExecutionException("Invalid gongcrm configuration: " + e.getMessage(), e);
        }
    }

    /** The validation the settings ask for, checked now so that mistakes stop the goal before any work. */
    Validator.Builder validation() throws MojoExecutionException {
        try {
            Validator.Builder builder = Validator.builder(settings());
            builder.build();
            return builder;
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid gongcrm configuration: " + e.getMessage(), e);
        }
    }

    /** The least severity that counts as a violation, or null when none does ({@code never}). */
    Severity threshold() throws MojoExecutionException {
        try {
            return settings().failLevel().orElse(null);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid gongcrm configuration: violationSeverity: " + e.getMessage(), e);
        }
    }

    /** What the files of each name are; an unknown type stops the goal with a message that names it. */
    Map<String, TypeOverride> typeOverrides() throws MojoExecutionException {
        try {
            return settings().typeOverrides();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid gongcrm configuration: types: " + e.getMessage(), e);
        }
    }

    /**
     * Each report to write with its file: what {@code formats} says (a format alone goes to
     * {@code outputDirectory}, FORMAT=FILE to FILE from the project's folder), else what the configuration
     * file's "formats" say (a format alone to {@code outputDirectory} as well); none when neither says.
     */
    Map<ReportFormat, Path> reports() throws MojoExecutionException {
        List<ReportRequest> requests = new ArrayList<>();
        try {
            if (formats == null || formats.isEmpty()) {
                requests.addAll(settings().reports());
            } else {
                for (String format : formats) {
                    requests.add(ReportRequest.parse(format, basedir.toPath()));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid gongcrm configuration: formats: " + e.getMessage(), e);
        }
        Map<ReportFormat, Path> reports = new LinkedHashMap<>();
        for (ReportRequest request : requests) {
            if (request.file() != null && Files.isDirectory(request.file())) {
                throw new MojoExecutionException("Invalid gongcrm configuration: formats: "
                        + ReportFiles.folderGiven(request.file(), request.format()));
            }
            if (reports.put(request.format(), request.file() != null ? request.file()
                    : reportFile(request.format())) != null) {
                throw new MojoExecutionException("Invalid gongcrm configuration: formats: the " + request.format().id()
                        + " report is asked for twice; name each format once");
            }
        }
        if (reports.values().stream().map(file -> file.toAbsolutePath().normalize()).distinct().count()
                < reports.size()) {
            throw new MojoExecutionException("Invalid gongcrm configuration: formats: several formats would share "
                    + "one file " + reports + "; give each its own with FORMAT=FILE");
        }
        return reports;
    }

    void checkEncoding() {
        if (encoding == null || encoding.isBlank()) {
            return;
        }
        try {
            Charset charset = Charset.forName(encoding);
            if (!charset.equals(StandardCharsets.UTF_8) && !charset.equals(StandardCharsets.US_ASCII)) {
                getLog().warn("encoding is " + encoding + ", but Gong's API reads UTF-8 only: the files are "
                        + "checked as UTF-8, and invalid-encoding reports bytes that are not");
            }
        } catch (IllegalArgumentException e) {
            getLog().warn("encoding '" + encoding + "' is unknown; the files are checked as UTF-8");
        }
    }

    /**
     * The files of the bundle, read once per goal. None is an error saying where it looked when
     * {@code failIfNoFiles}, else an empty list after a line saying there is nothing to {@code verb}. The
     * default folder may be missing (nothing to do); a folder or file the POM names must exist.
     */
    List<BundleFile> bundleFiles(String verb) throws MojoExecutionException {
        List<BundleFile> files = scan();
        if (files.isEmpty()) {
            String looked = String.join(", ", bundleRoots().stream().map(Path::toString).toList());
            if (failIfNoFiles) {
                throw new MojoExecutionException("No Gong CRM data found: looked for *.ldjson, *.jsonl, *.ndjson and "
                        + "*.schema.json in " + looked + ". Put the bundle there, point <bundles> at it, or set "
                        + "failIfNoFiles=false (-Dgongcrm.failIfNoFiles=false).");
            }
            getLog().info("No Gong CRM data in " + looked + "; nothing to " + verb);
        }
        return files;
    }

    /** The bundle's files, nothing said: a folder without data (or the default one missing) adds none. */
    private List<BundleFile> scan() throws MojoExecutionException {
        boolean named = bundles != null && !bundles.isEmpty();
        List<Path> roots = bundleRoots().stream().filter(root -> named || Files.exists(root)).toList();
        scanner = new BundleScanner(typeOverrides(), settings().folderFilter());
        try {
            return scanner.scanAllowingEmptyFolders(roots);
        } catch (BundleException e) {
            throw new MojoExecutionException("gongcrm could not read the bundle" + (named ? " (<bundles>)" : "")
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether the goal has something to work on, or a failure to report: without data it does nothing at
     * all only when failIfNoFiles is off.
     */
    boolean hasWork() {
        try {
            return failIfNoFiles || !scan().isEmpty();
        } catch (MojoExecutionException e) {
            return true; // the goal itself says what is wrong
        }
    }

    private List<Path> bundleRoots() {
        List<Path> roots = new ArrayList<>();
        if (bundles == null || bundles.isEmpty()) {
            roots.add(basedir.toPath().resolve(DEFAULT_BUNDLE));
        } else {
            for (File bundle : bundles) {
                roots.add(resolve(bundle));
            }
        }
        return roots;
    }

    private Path resolve(File file) {
        return file.isAbsolute() ? file.toPath() : basedir.toPath().resolve(file.toPath());
    }

    /**
     * The result as reports show it: files relative to the project's base directory (as code-scanning tools
     * resolve them), with the bundle folders' files that were skipped.
     */
    ValidationResult forReports(ValidationResult result) {
        return (scanner == null ? result : result.withSkipped(scanner.skippedNames())).relativeTo(basedir.toPath());
    }

    /** Every finding as {@code file:line:col: [rule] message} at its severity's log level, then the summary. */
    void print(ValidationResult checked) {
        ValidationResult result = forReports(checked);
        printFindings(result);
        String summary = "gongcrm: " + ReportFormat.summary(result);
        if (result.hasAtLeast(Severity.ERROR)) {
            getLog().error(summary);
        } else {
            getLog().info(summary);
        }
    }

    /** Each finding at its severity's log level, control characters from the data escaped. */
    void printFindings(ValidationResult result) {
        for (Finding finding : result.findings()) {
            String line = ReportFormat.logLine(finding);
            switch (finding.severity()) {
                case ERROR -> getLog().error(line);
                case WARNING -> getLog().warn(line);
                case INFO -> getLog().info(line);
            }
        }
    }

    /** The files the goal reads, which no report may land on: the bundle's files and its configuration file. */
    OutputGuard inputs(List<BundleFile> files) throws MojoExecutionException {
        OutputGuard inputs = new OutputGuard().protectAll(files.stream().map(file -> Path.of(file.name())).toList());
        settings().source().ifPresent(file -> inputs.protect("the configuration file", file));
        return inputs;
    }

    /** Stops the goal, before anything is written, when a report file would land on a file the goal reads. */
    void refuseReportsOver(OutputGuard inputs, Map<ReportFormat, Path> reports) throws MojoExecutionException {
        try {
            inputs.checkReports(reports, "set another outputDirectory");
        } catch (OutputOverwritesInputException e) {
            throw new MojoExecutionException("Invalid gongcrm configuration: " + e.getMessage(), e);
        }
    }

    private Path reportFile(ReportFormat format) {
        return outputDirectory.toPath().resolve(format.defaultFileName());
    }

    void writeReports(ValidationResult checked, Map<ReportFormat, Path> reports) throws MojoExecutionException {
        Map<ReportFormat, String> failed = ReportFiles.writeAll(reports, forReports(checked), basedir.toPath());
        reports.forEach((format, target) -> {
            if (!failed.containsKey(format)) {
                getLog().info("gongcrm " + format.id() + " report: " + target);
            }
        });
        if (!failed.isEmpty()) {
            throw new MojoExecutionException(String.join("; ", failed.values()));
        }
    }

    /** A list parameter that is absent or empty leaves the setting to the configuration file. */
    private static <T> List<T> emptyAsUnsaid(List<T> list) {
        return list == null || list.isEmpty() ? null : list;
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
