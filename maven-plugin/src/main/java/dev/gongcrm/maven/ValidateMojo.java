package dev.gongcrm.maven;

import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.report.ReportFormat;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Validates the Gong CRM bundles of the project (LDJSON entity files and schema files) and fails the
 * build when findings reach {@code violationSeverity}. Every finding is printed with its file, line,
 * column and rule; reports are written in the formats asked for.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractGongCrmMojo {

    /** Skips the goal: nothing is read or written. */
    @Parameter(property = "gongcrm.skip", defaultValue = "false")
    boolean skip;

    /** Fail the build when more than {@code maxAllowedViolations} findings reach {@code violationSeverity}. */
    @Parameter(property = "gongcrm.failOnViolation", defaultValue = "true")
    boolean failOnViolation;

    /** How many violations are tolerated before the build fails. */
    @Parameter(property = "gongcrm.maxAllowedViolations", defaultValue = "0")
    int maxAllowedViolations;

    /**
     * Validates even when the bundle's files, the settings and gongcrm are those of the last passing run
     * (which a build otherwise skips, saying so in one line).
     */
    @Parameter(property = "gongcrm.force", defaultValue = "false")
    boolean force;

    /** Where the record of the last passing run goes. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    File buildDirectory;

    /** One record per execution, as two executions may validate different bundles. */
    @Parameter(defaultValue = "${mojoExecution.executionId}", readonly = true)
    String executionId;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping gongcrm:validate (gongcrm.skip=true)");
            return;
        }
        Severity threshold = threshold();
        Validator validator = validation().build();
        Map<ReportFormat, Path> reports = reports();
        checkEncoding();
        List<BundleFile> files = bundleFiles("validate");
        if (files.isEmpty()) {
            return;
        }
        refuseReportsOver(inputs(files), reports);
        ValidationStamp stamp = stamp(files, threshold, reports);
        if (!force && stamp.holds()) {
            getLog().info("gongcrm: the bundle (" + files.size() + (files.size() == 1 ? " file" : " files")
                    + ") and its settings are those of the last passing validation; skipped (-Dgongcrm.force "
                    + "validates anyway)");
            return;
        }
        try {
            stamp.forget();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot remove the record of the last passing validation, "
                    + stamp.file() + ": " + e.getMessage(), e);
        }
        ValidationResult result;
        try {
            result = validator.validateFiles(files);
        } catch (IOException e) {
            throw new MojoExecutionException("gongcrm could not read the bundle: " + e.getMessage(), e);
        }
        print(result);
        writeReports(result, reports);
        long violations = result.countAtLeast(threshold);
        if (failOnViolation && violations > maxAllowedViolations) {
            throw new MojoFailureException("gongcrm found " + violations + " violation(s) at or above '"
                    + threshold.id() + "'" + (maxAllowedViolations > 0 ? " (" + maxAllowedViolations + " allowed)" : "")
                    + "; each is listed above with its file, line and rule. Fix the data (the rule catalog, "
                    + "also in the SARIF report's rule descriptions, explains each rule with an example).");
        }
        record(stamp);
    }

    private ValidationStamp stamp(List<BundleFile> files, Severity threshold, Map<ReportFormat, Path> reports)
            throws MojoExecutionException {
        String settings = settings().describe() + "\nthreshold=" + threshold + "\nfailOnViolation=" + failOnViolation
                + "\nmaxAllowedViolations=" + maxAllowedViolations + "\nbasedir=" + basedir
                + "\nreports=" + reports; // each format with its file: FORMAT=FILE may change one, not the other
        Path directory = buildDirectory != null ? buildDirectory.toPath() : basedir.toPath().resolve("target");
        Path file = directory.resolve("gongcrm-validate" + (executionId == null ? "" : "-" + executionId)
                + ".stamp");
        try {
            return new ValidationStamp(file, settings, files.stream().map(bundleFile -> Path.of(bundleFile.name())).toList(),
                    List.copyOf(reports.values()));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read the bundle: " + e.getMessage(), e);
        }
    }

    /** A stamp that cannot be written costs the next build a validation, not this one its result. */
    private void record(ValidationStamp stamp) {
        try {
            stamp.record();
        } catch (IOException e) {
            getLog().debug("gongcrm: cannot record the passing run in " + stamp.file() + ": " + e.getMessage());
        }
    }
}
