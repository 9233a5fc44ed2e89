package dev.gongcrm.maven;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleScanner;
import dev.gongcrm.validator.report.ReportFiles;
import dev.gongcrm.validator.report.ReportFormat;
import dev.gongcrm.validator.rules.RuleConfig;
import dev.gongcrm.validator.schema.ProfileSchemas;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
     * The least severity that counts as a violation: {@code error}, {@code warning} or {@code info}.
     * For {@code upload}, a finding at this severity means nothing is sent.
     */
    @Parameter(property = "gongcrm.violationSeverity", defaultValue = "error")
    String violationSeverity;

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

    /**
     * The API profile: {@code legacy} (the seed's {@code /v2/crm/object/entities} family; the default) or
     * {@code current} (the {@code /v2/crm/entities} family). Its rules validate the bundle, and
     * {@code upload} sends it through that family's endpoints.
     */
    @Parameter(property = "gongcrm.profile", defaultValue = ProfileSchemas.DEFAULT_PROFILE)
    String profile;

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

    /** The validation the parameters ask for, checked now so that mistakes stop the goal before any work. */
    Validator.Builder validation() throws MojoExecutionException {
        try {
            Map<String, Severity> levels = new HashMap<>();
            if (severities != null) {
                for (Map.Entry<String, String> entry : severities.entrySet()) {
                    levels.put(entry.getKey(), parseSeverity(entry.getValue(), "severities/" + entry.getKey()));
                }
            }
            Validator.Builder builder = Validator.builder()
                    .profile(ProfileSchemas.requireKnown(profile))
                    .rules(new RuleConfig(new LinkedHashSet<>(orEmpty(select)), new LinkedHashSet<>(orEmpty(ignore)),
                            levels))
                    .initialUpload(initialUpload)
                    .dialer(dialer)
                    .maxFindings(maxFindings);
            typeOverrides().forEach(builder::type);
            builder.build();
            return builder;
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid gongcrm configuration: " + e.getMessage(), e);
        }
    }

    /** {@code types} as object types per file name; an unknown type is an IllegalArgumentException that names it. */
    Map<String, ObjectType> typeOverrides() {
        Map<String, ObjectType> overrides = new LinkedHashMap<>();
        if (types != null) {
            for (Map.Entry<String, String> type : types.entrySet()) {
                overrides.put(type.getKey(), ObjectType.parseLenient(type.getValue()).orElseThrow(() ->
                        new IllegalArgumentException("types/" + type.getKey() + ": unknown object type '"
                                + type.getValue() + "'; use ACCOUNT, CONTACT, DEAL, LEAD, BUSINESS_USER or STAGE")));
            }
        }
        return overrides;
    }

    List<ReportFormat> reportFormats() throws MojoExecutionException {
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
     * The files of the bundle. None is an error saying where it looked when {@code failIfNoFiles},
     * else an empty list after a line saying there is nothing to {@code verb}.
     */
    List<Path> bundleFiles(String verb) throws MojoExecutionException {
        List<Path> files = files();
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
        try {
            return BundleScanner.filesIn(folder, new BundleScanner.FolderFilter(orEmpty(includes), orEmpty(excludes), false));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot list '" + folder + "': " + e.getMessage(), e);
        }
    }

    /** Every finding as {@code file:line:col: [rule] message} at its severity's log level, then the summary. */
    void print(ValidationResult result) {
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

    void writeReports(ValidationResult result, List<ReportFormat> reportFormats) throws MojoExecutionException {
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

    /** How many findings reach the threshold (the counts include findings past {@code maxFindings}). */
    static long violations(ValidationResult result, Severity threshold) {
        long violations = 0;
        for (Severity severity : Severity.values()) {
            if (severity.atLeast(threshold)) {
                violations += result.count(severity);
            }
        }
        return violations;
    }

    static Severity parseSeverity(String text, String parameter) throws MojoExecutionException {
        try {
            return Severity.parse(text);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid gongcrm configuration: " + parameter + ": " + e.getMessage(), e);
        }
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
