package dev.gongcrm.maven;

import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.bundle.BundleFile;
import dev.gongcrm.validator.report.ReportFiles;
import dev.gongcrm.validator.report.ReportFormat;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Validates the bundle and puts the HTML report (the one {@code --format html} writes) into the project's
 * site: {@code mvn site} lists it under Project Reports as {@value #OUTPUT_NAME}.html; {@code mvn gongcrm:report}
 * writes it into the site folder on its own. Findings never fail the build here, as a report shows them;
 * {@code gongcrm:validate} is the gate.
 *
 * <p>A {@link MavenReport} rather than an {@code AbstractMavenReport}: this way the goal takes the very
 * parameters of {@code validate} (bundles, config, select, severities, types...) from their one declaration,
 * and the page it writes is the self-contained report, which the site links as an external report (like
 * JaCoCo's) instead of wrapping it in its skin.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class ReportMojo extends AbstractGongCrmMojo implements MavenReport {

    static final String OUTPUT_NAME = "gongcrm";

    /** Skips the report, as it skips {@code validate}: nothing is read or written. */
    @Parameter(property = "gongcrm.skip", defaultValue = "false")
    boolean skip;

    /** Where the report goes when the goal runs on its own; {@code mvn site} sets its own folder. */
    @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true, required = true)
    File reportOutputDirectory;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping gongcrm:report (gongcrm.skip=true)");
            return;
        }
        render();
    }

    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        try {
            render();
        } catch (MojoExecutionException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
    }

    private void render() throws MojoExecutionException {
        Validator validator = validation().build();
        checkEncoding();
        List<BundleFile> files = bundleFiles("report");
        if (files.isEmpty()) {
            return;
        }
        ValidationResult result;
        try {
            result = validator.validateFiles(files);
        } catch (IOException e) {
            throw new MojoExecutionException("gongcrm could not read the bundle: " + e.getMessage(), e);
        }
        Path target = reportOutputDirectory.toPath().resolve(OUTPUT_NAME + ".html");
        try {
            ReportFiles.write(ReportFormat.HTML, forReports(result), basedir.toPath(), target);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the gongcrm report to " + target + ": " + e.getMessage(), e);
        }
        getLog().info("gongcrm: " + ReportFormat.summary(forReports(result)) + " Report: " + target);
    }

    @Override
    public String getOutputName() {
        return OUTPUT_NAME;
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return "gongcrm";
    }

    @Override
    public String getDescription(Locale locale) {
        return "What gongcrm's rules find in the Gong CRM data of the bundle, by file and line, before Gong sees it.";
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        reportOutputDirectory = directory;
    }

    @Override
    public File getReportOutputDirectory() {
        return reportOutputDirectory;
    }

    /** The page is gongcrm's own self-contained report, which the site links rather than renders. */
    @Override
    public boolean isExternalReport() {
        return true;
    }

    /** Not without data (and failIfNoFiles off): the site would list a page that is never written. */
    @Override
    public boolean canGenerateReport() {
        return !skip && hasWork();
    }
}
