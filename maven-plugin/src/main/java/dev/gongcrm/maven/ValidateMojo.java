package dev.gongcrm.maven;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleException;
import dev.gongcrm.validator.bundle.FileKind;
import dev.gongcrm.validator.report.ReportFiles;
import dev.gongcrm.validator.report.ReportFormat;
import dev.gongcrm.validator.rules.RuleConfig;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Validates the Gong CRM bundles of the project (LDJSON entity files and schema files) and fails the
 * build when findings reach {@code violationSeverity}. Every finding is printed with its file, line,
 * column and rule; reports are written in the formats asked for.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractMojo {

    private static final String DEFAULT_BUNDLE = "src/main/gongcrm";

    /** The project's base directory; relative paths are resolved against it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /** Skips the goal: nothing is read or written. */
    @Parameter(property = "gongcrm.skip", defaultValue = "false")
    boolean skip;

    /**
     * Folders (bundles) and files to validate together, relative to the project. A folder
     * contributes its {@code *.ldjson}, {@code *.jsonl}, {@code *.ndjson} and {@code *.schema.json}
     * files (not those of its subfolders, as on the command line), filtered by {@code includes} and
     * {@code excludes}. Default: {@code src/main/gongcrm}.
     */
    @Parameter(property = "gongcrm.bundles")
    List<File> bundles;

    /** Glob patterns, relative to each bundle folder, of the files to take (default: every entity and schema file). */
    @Parameter(property = "gongcrm.includes")
    List<String> includes;

    /** Glob patterns, relative to each bundle folder, of the files to leave out. */
    @Parameter(property = "gongcrm.excludes")
    List<String> excludes;

    /** Fail when no file to validate is found (the message says where it looked); otherwise skip quietly. */
    @Parameter(property = "gongcrm.failIfNoFiles", defaultValue = "true")
    boolean failIfNoFiles;

    /** Fail the build when more than {@code maxAllowedViolations} findings reach {@code violationSeverity}. */
    @Parameter(property = "gongcrm.failOnViolation", defaultValue = "true")
    boolean failOnViolation;

    /** The least severity that counts as a violation: {@code error}, {@code warning} or {@code info}. */
    @Parameter(property = "gongcrm.violationSeverity", defaultValue = "error")
    String violationSeverity;

    /** How many violations are tolerated before the build fails. */
    @Parameter(property = "gongcrm.maxAllowedViolations", defaultValue = "0")
    int maxAllowedViolations;

    /** Run only these rules (names as listed by {@code gongcrm rules}); empty runs all. */
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
     * {@code <export.ldjson>DEAL</export.ldjson>}; the key {@code *} applies to every file.
     */
    @Parameter
    Map<String, String> types;

    /** An initial upload of the integration: deleted objects must not be sent. */
    @Parameter(property = "gongcrm.initialUpload", defaultValue = "false")
    boolean initialUpload;

    /** Gong imports dialer calls: contacts and leads need a phoneNumber. */
    @Parameter(property = "gongcrm.dialer", defaultValue = "false")
    boolean dialer;

    /**
     * The encoding of the data files. Gong's API reads UTF-8 only, so files are always checked as
     * UTF-8; another encoding here is reported as a warning.
     */
    @Parameter(property = "gongcrm.encoding", defaultValue = "${project.build.sourceEncoding}")
    String encoding;

    /** Report formats to write, one file each: {@code text}, {@code json}, {@code sarif}, {@code junit}, {@code github}, {@code csv}. */
    @Parameter(property = "gongcrm.formats")
    List<String> formats;

    /** Where report files go. */
    @Parameter(property = "gongcrm.outputDirectory", defaultValue = "${project.build.directory}/gongcrm")
    File outputDirectory;

    /** The most findings printed and kept in reports; counts include all. */
    @Parameter(property = "gongcrm.maxFindings", defaultValue = "10000")
    int maxFindings;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping gongcrm:validate (gongcrm.skip=true)");
            return;
        }
        Severity threshold = parseSeverity(violationSeverity, "violationSeverity");
        Validator validator = validator();
        List<ReportFormat> reportFormats = reportFormats();
        checkEncoding();
        List<Path> files = files();
        if (files.isEmpty()) {
            String looked = String.join(", ", bundleRoots().stream().map(Path::toString).toList());
            if (failIfNoFiles) {
                throw new MojoExecutionException("No Gong CRM data found: looked for *.ldjson, *.jsonl, *.ndjson and "
                        + "*.schema.json in " + looked + ". Put the bundle there, point <bundles> at it, or set "
                        + "failIfNoFiles=false (-Dgongcrm.failIfNoFiles=false).");
            }
            getLog().info("No Gong CRM data in " + looked + "; nothing to validate");
            return;
        }
        ValidationResult result;
        try {
            result = validator.validate(files);
        } catch (BundleException | IOException e) {
            throw new MojoExecutionException("gongcrm could not read the bundle: " + e.getMessage(), e);
        }
        print(result);
        writeReports(result, reportFormats);
        long violations = 0;
        for (Severity severity : Severity.values()) {
            if (severity.atLeast(threshold)) {
                violations += result.count(severity);
            }
        }
        if (failOnViolation && violations > maxAllowedViolations) {
            throw new MojoFailureException("gongcrm found " + violations + " violation(s) at or above '"
                    + threshold.id() + "'" + (maxAllowedViolations > 0 ? " (" + maxAllowedViolations + " allowed)" : "")
                    + "; each is listed above with its file and line. Fix the data, or run "
                    + "'gongcrm rules NAME' to learn about a rule.");
        }
    }

    private Validator validator() throws MojoExecutionException {
        try {
            Map<String, Severity> levels = new HashMap<>();
            if (severities != null) {
                for (Map.Entry<String, String> entry : severities.entrySet()) {
                    levels.put(entry.getKey(), parseSeverity(entry.getValue(), "severities/" + entry.getKey()));
                }
            }
            Validator.Builder builder = Validator.builder()
                    .rules(new RuleConfig(new LinkedHashSet<>(orEmpty(select)), new LinkedHashSet<>(orEmpty(ignore)),
                            levels))
                    .initialUpload(initialUpload)
                    .dialer(dialer)
                    .maxFindings(maxFindings);
            if (types != null) {
                for (Map.Entry<String, String> type : types.entrySet()) {
                    builder.type(type.getKey(), ObjectType.parseLenient(type.getValue()).orElseThrow(() ->
                            new IllegalArgumentException("types/" + type.getKey() + ": unknown object type '"
                                    + type.getValue() + "'; use ACCOUNT, CONTACT, DEAL, LEAD, BUSINESS_USER or STAGE")));
                }
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid gongcrm configuration: " + e.getMessage(), e);
        }
    }

    private List<ReportFormat> reportFormats() throws MojoExecutionException {
        List<ReportFormat> parsed = new ArrayList<>();
        for (String format : orEmpty(formats)) {
            try {
                parsed.add(ReportFormat.parse(format));
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("Invalid gongcrm configuration: formats: " + e.getMessage(), e);
            }
        }
        return parsed;
    }

    private void checkEncoding() {
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

    private List<Path> bundleRoots() {
        List<Path> roots = new ArrayList<>();
        if (bundles == null || bundles.isEmpty()) {
            roots.add(basedir.toPath().resolve(DEFAULT_BUNDLE));
        } else {
            for (File bundle : bundles) {
                roots.add(bundle.isAbsolute() ? bundle.toPath() : basedir.toPath().resolve(bundle.toPath()));
            }
        }
        return roots;
    }

    private List<Path> files() throws MojoExecutionException {
        List<Path> files = new ArrayList<>();
        boolean explicit = bundles != null && !bundles.isEmpty();
        for (Path root : bundleRoots()) {
            if (Files.isRegularFile(root)) {
                files.add(root);
            } else if (Files.isDirectory(root)) {
                files.addAll(filesIn(root));
            } else if (explicit) {
                throw new MojoExecutionException("bundles: '" + root + "' does not exist");
            }
        }
        return files;
    }

    private List<Path> filesIn(Path folder) throws MojoExecutionException {
        List<PathMatcher> include = matchers(includes);
        List<PathMatcher> exclude = matchers(excludes);
        try (Stream<Path> walk = Files.walk(folder, 1)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> FileKind.fromFileName(p.getFileName().toString()) != null)
                    .filter(p -> include.isEmpty() || include.stream().anyMatch(m -> m.matches(folder.relativize(p))))
                    .filter(p -> exclude.stream().noneMatch(m -> m.matches(folder.relativize(p))))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot list '" + folder + "': " + e.getMessage(), e);
        }
    }

    private static List<PathMatcher> matchers(List<String> patterns) {
        return orEmpty(patterns).stream().map(p -> FileSystems.getDefault().getPathMatcher("glob:" + p)).toList();
    }

    private void print(ValidationResult result) {
        for (Finding finding : result.findings()) {
            String line = location(finding) + ": [" + finding.rule() + "] " + finding.message();
            switch (finding.severity()) {
                case ERROR -> getLog().error(line);
                case WARNING -> getLog().warn(line);
                case INFO -> getLog().info(line);
            }
        }
        String summary = "gongcrm: " + ReportFormat.summary(result);
        if (result.hasAtLeast(Severity.ERROR)) {
            getLog().error(summary);
        } else {
            getLog().info(summary);
        }
    }

    private static String location(Finding finding) {
        if (finding.line() <= 0) {
            return finding.file();
        }
        return finding.file() + ":" + finding.line() + (finding.hasColumn() ? ":" + finding.column() : "");
    }

    private void writeReports(ValidationResult result, List<ReportFormat> reportFormats) throws MojoExecutionException {
        for (ReportFormat format : reportFormats) {
            Path target = outputDirectory.toPath().resolve(format.defaultFileName());
            try {
                ReportFiles.write(format, result, target);
                getLog().info("gongcrm " + format.id() + " report: " + target);
            } catch (IOException e) {
                throw new MojoExecutionException("cannot write the " + format.id() + " report to " + target + ": "
                        + e.getMessage(), e);
            }
        }
    }

    private static Severity parseSeverity(String text, String parameter) throws MojoExecutionException {
        try {
            return Severity.parse(text);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid gongcrm configuration: " + parameter + ": " + e.getMessage(), e);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
