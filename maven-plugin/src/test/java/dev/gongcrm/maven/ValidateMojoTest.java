package dev.gongcrm.maven;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parameter wiring: the POM configuration reaches the mojo, and the mojo turns it into a validation. */
@MojoTest
class ValidateMojoTest {

    private static final String CONFIGURED = "src/test/resources/unit/configured/pom.xml";

    @TempDir
    Path folder;

    /**
     * The project in the test's folder, its bundle in the default src/main/gongcrm, every setting the POM
     * gives left to the bundle's gongcrm.json (or its default), reports in target/gongcrm.
     */
    private void onTheDefaultBundle(ValidateMojo mojo) {
        mojo.basedir = folder.toFile();
        mojo.bundles = null;
        mojo.select = null;
        mojo.severities = null;
        mojo.types = null;
        mojo.outputDirectory = folder.resolve("target/gongcrm").toFile();
    }

    @Test
    @InjectMojo(goal = "validate", pom = CONFIGURED)
    void readsEveryParameterFromThePom(ValidateMojo mojo) {
        assertEquals(1, mojo.bundles.size());
        assertTrue(mojo.bundles.get(0).isAbsolute(), "Maven resolves File parameters against the project");
        assertTrue(mojo.bundles.get(0).getPath().endsWith("examples" + File.separator + "broken-bundle"));
        assertEquals("warning", mojo.violationSeverity);
        assertEquals(3, mojo.maxAllowedViolations);
        assertEquals(List.of("url-format", "domain-format"), mojo.select);
        assertEquals(Map.of("domain-format", "info"), mojo.severities);
        assertEquals(Map.of("export.ldjson", "deal"), mojo.types);
        assertEquals("current", mojo.profile);
        assertTrue(mojo.initialUpload);
        assertTrue(mojo.dialer);
        assertEquals(List.of("sarif"), mojo.formats);
    }

    @Test
    @InjectMojo(goal = "validate", pom = CONFIGURED)
    void countsOnlyViolationsAtTheConfiguredSeverity(ValidateMojo mojo) throws Exception {
        mojo.basedir = new File(".").getAbsoluteFile();
        mojo.profile = "legacy";
        mojo.bundles = List.of(new File("../examples/broken-bundle"));
        mojo.outputDirectory = folder.toFile();
        // url-format is a warning (one finding), domain-format was lowered to info: 1 <= 3 allowed
        mojo.execute();
        assertTrue(Files.isRegularFile(folder.resolve("gongcrm.sarif")));
        mojo.maxAllowedViolations = 0;
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(failure.getMessage().contains("1 violation(s) at or above 'warning'"), failure.getMessage());
        assertFalse(failure.getMessage().contains("run 'gongcrm"), "a Maven user may have no command line to run");
    }

    @Test
    @InjectMojo(goal = "validate", pom = CONFIGURED)
    void skipReturnsBeforeAnyWork(ValidateMojo mojo) throws Exception {
        mojo.skip = true;
        mojo.bundles = List.of(new File("/does/not/exist"));
        mojo.execute();
    }

    @Test
    @InjectMojo(goal = "validate", pom = CONFIGURED)
    void configurationMistakesAreExecutionExceptionsThatSayWhatToChange(ValidateMojo mojo) {
        mojo.basedir = folder.toFile();
        mojo.bundles = null;
        MojoExecutionException noData = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(noData.getMessage().contains(folder.resolve("src/main/gongcrm").toString()), noData.getMessage());
        mojo.violationSeverity = "fatal";
        MojoExecutionException badSeverity = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(badSeverity.getMessage().contains("violationSeverity"), badSeverity.getMessage());
        mojo.violationSeverity = "error";
        mojo.select = List.of("no-such-rule");
        MojoExecutionException badRule = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(badRule.getMessage().contains("unknown rule 'no-such-rule'"), badRule.getMessage());
        mojo.select = List.of();
        mojo.profile = "curent";
        MojoExecutionException badProfile = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(badProfile.getMessage().contains("unknown profile 'curent'; available: legacy, current; did you mean 'current'?"),
                badProfile.getMessage());
    }

    @Test
    @InjectMojo(goal = "validate", pom = CONFIGURED)
    void theProfileDecidesWhichRulesApply(ValidateMojo mojo) throws Exception {
        mojo.basedir = new File(".").getAbsoluteFile();
        mojo.bundles = List.of(new File("../examples/current-broken-bundle"));
        mojo.outputDirectory = folder.toFile();
        mojo.select = List.of("string-format");
        mojo.maxAllowedViolations = 0;
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(failure.getMessage().contains("1 violation(s)"), failure.getMessage());
        mojo.profile = "legacy"; // the seed sets no limit on objectIds
        mojo.execute();
    }

    @Test
    @InjectMojo(goal = "validate", pom = CONFIGURED)
    void aTypesEntryCanSayThatAFileIsAUserMappingFile(ValidateMojo mojo) throws Exception {
        Path bundle = Files.createDirectories(folder.resolve("bundle"));
        Files.writeString(bundle.resolve("crm-users.ldjson"),
                "{\"crmUserId\": \"crm-7\", \"emailAddress\": \"seven@example.com\"}\n");
        mojo.basedir = folder.toFile();
        mojo.bundles = List.of(bundle.toFile());
        mojo.profile = "legacy";
        mojo.select = null;
        mojo.severities = null;
        mojo.violationSeverity = "error";
        mojo.maxAllowedViolations = 0;
        mojo.outputDirectory = folder.resolve("target").toFile();

        mojo.types = null;
        assertThrows(MojoFailureException.class, mojo::execute, "as entities of no known type it fails");
        mojo.types = Map.of("crm-users.ldjson", "USER_MAPPING");
        mojo.execute();
    }

    @Test
    @InjectMojo(goal = "validate", pom = CONFIGURED)
    void aReportThatWouldOverwriteAFileTheGoalReadsStopsItBeforeAnythingIsWritten(ValidateMojo mojo) throws Exception {
        Path bundle = Files.createDirectories(folder.resolve("src/main/gongcrm"));
        Path accounts = Files.copy(Path.of("../examples/valid-bundle/accounts.ldjson"), bundle.resolve("accounts.ldjson"));
        Path config = Files.writeString(bundle.resolve("gongcrm.json"), "{\"ignore\": [\"unknown-field\"]}");
        byte[] data = Files.readAllBytes(accounts);
        mojo.basedir = folder.toFile();
        mojo.bundles = null;
        mojo.profile = "legacy";
        mojo.select = null;
        mojo.types = null;
        mojo.maxAllowedViolations = 0;
        // reports beside the data: the json report's name is that of the configuration file
        mojo.outputDirectory = bundle.toFile();
        mojo.formats = List.of("sarif", "json");

        MojoExecutionException overConfig = assertThrows(MojoExecutionException.class, mojo::execute);

        assertEquals("Invalid gongcrm configuration: the json report '" + config + "' would overwrite the "
                + "configuration file '" + config + "'; set another outputDirectory", overConfig.getMessage());
        assertEquals("{\"ignore\": [\"unknown-field\"]}", Files.readString(config));
        assertFalse(Files.exists(bundle.resolve("gongcrm.sarif")), "no report is written, not even the ones that could be");

        Path reports = Files.createDirectories(folder.resolve("target/gongcrm"));
        Files.createSymbolicLink(reports.resolve("gongcrm.sarif"), accounts);
        mojo.outputDirectory = reports.toFile();
        MojoExecutionException throughLink = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(throughLink.getMessage().contains("the sarif report '" + reports.resolve("gongcrm.sarif")
                + "' would overwrite the input '" + accounts + "' (a symbolic link to it)"), throughLink.getMessage());
        assertArrayEquals(data, Files.readAllBytes(accounts));
    }

    @Test
    @InjectMojo(goal = "validate", pom = CONFIGURED)
    void theBundlesConfigurationFileAppliesUnderThePomsParameters(ValidateMojo mojo) throws Exception {
        Path bundle = folder.resolve("src/main/gongcrm");
        Files.createDirectories(bundle);
        Files.copy(Path.of("../examples/broken-bundle/accounts.ldjson"), bundle.resolve("accounts.ldjson"));
        Files.writeString(bundle.resolve("gongcrm.json"), "{\"select\": [\"unsorted-modified-date\", \"url-format\", \"domain-format\"], "
                + "\"failOn\": \"warning\"}");
        Files.writeString(bundle.resolve("notes.txt"), "not data");
        onTheDefaultBundle(mojo);
        mojo.violationSeverity = null;
        mojo.maxAllowedViolations = 0;
        mojo.formats = List.of("json");
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(failure.getMessage().contains("3 violation(s) at or above 'warning'"), failure.getMessage());

        String report = Files.readString(folder.resolve("target/gongcrm/gongcrm.json"));
        assertTrue(report.contains("\"file\":\"src/main/gongcrm/accounts.ldjson\""),
                "files relative to the project's base directory: " + report);
        assertTrue(report.contains("\"skipped\":[\"src/main/gongcrm/notes.txt\"]"), report);

        mojo.violationSeverity = "error";
        MojoFailureException errorsOnly = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(errorsOnly.getMessage().contains("1 violation(s) at or above 'error'"), "the POM wins: "
                + errorsOnly.getMessage());
        Files.writeString(bundle.resolve("gongcrm.json"), "{\"slect\": []}");
        MojoExecutionException mistake = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(mistake.getMessage().contains("gongcrm.json:1:11: unknown setting 'slect'; did you mean 'select'?"),
                mistake.getMessage());
    }

    /**
     * Without {@code <formats>}, gongcrm.json's "formats" decide the reports: a format alone into
     * outputDirectory, FORMAT=FILE from the configuration file's folder; {@code <formats>} entries may name
     * their file too, from the project's folder.
     */
    @Test
    @InjectMojo(goal = "validate", pom = CONFIGURED)
    void theConfigurationFilesFormatsAreTheReportsWhenThePomNamesNone(ValidateMojo mojo) throws Exception {
        Path bundle = Files.createDirectories(folder.resolve("src/main/gongcrm"));
        Files.copy(Path.of("../examples/valid-bundle/stages.ldjson"), bundle.resolve("stages.ldjson"));
        Files.writeString(bundle.resolve("gongcrm.json"), "{\"formats\": [\"sarif\", \"html=reports/gongcrm.html\"]}");
        onTheDefaultBundle(mojo);
        mojo.formats = null;
        mojo.execute();
        assertTrue(Files.isRegularFile(folder.resolve("target/gongcrm/gongcrm.sarif")));
        assertTrue(Files.isRegularFile(bundle.resolve("reports/gongcrm.html")));

        mojo.formats = List.of("json=site/gongcrm.json");
        mojo.force = true;
        mojo.execute();
        assertTrue(Files.isRegularFile(folder.resolve("site/gongcrm.json")), "the POM's FORMAT=FILE, from basedir");

        mojo.formats = List.of("json=site/gongcrm.json", "json=archive/gongcrm.json");
        MojoExecutionException twice = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(twice.getMessage().contains("the json report is asked for twice"), twice.getMessage());

        Files.createDirectories(folder.resolve("site/reports"));
        mojo.formats = List.of("html=site/reports");
        MojoExecutionException aFolder = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(aFolder.getMessage().endsWith("is a folder; name the report file, e.g. "
                + folder.resolve("site/reports/gongcrm.html")), aFolder.getMessage());
    }

    @Test
    @InjectMojo(goal = "validate", pom = CONFIGURED)
    void anUnchangedBundleThatPassedIsSkippedUntilItsFilesOrSettingsChange(ValidateMojo mojo) throws Exception {
        Path bundle = Files.createDirectories(folder.resolve("src/main/gongcrm"));
        for (String name : List.of("accounts.ldjson", "contacts.ldjson")) {
            Files.copy(Path.of("../examples/valid-bundle").resolve(name), bundle.resolve(name));
        }
        List<String> printed = new java.util.ArrayList<>();
        mojo.setLog(new org.apache.maven.plugin.logging.SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                printed.add(content.toString());
            }
        });
        mojo.basedir = folder.toFile();
        mojo.bundles = null;
        mojo.profile = "legacy";
        mojo.select = null;
        mojo.severities = null;
        mojo.types = null;
        mojo.violationSeverity = "error";
        mojo.maxAllowedViolations = 0;
        mojo.outputDirectory = folder.resolve("target/gongcrm").toFile();
        mojo.buildDirectory = folder.resolve("target").toFile();
        mojo.executionId = "default-cli";
        mojo.formats = List.of("sarif");
        String skipped = "gongcrm: the bundle (2 files) and its settings are those of the last passing validation; "
                + "skipped (-Dgongcrm.force validates anyway)";

        mojo.execute();
        assertTrue(Files.isRegularFile(folder.resolve("target/gongcrm-validate-default-cli.stamp")));
        printed.clear();
        mojo.execute();
        assertEquals(List.of(skipped), printed, "nothing changed: one line, no validation");

        mojo.force = true;
        printed.clear();
        mojo.execute();
        assertTrue(printed.stream().anyMatch(line -> line.startsWith("gongcrm: Found 0 errors, 2 warnings")), printed.toString());
        mojo.force = false;

        Files.delete(folder.resolve("target/gongcrm/gongcrm.sarif"));
        printed.clear();
        mojo.execute();
        assertTrue(Files.isRegularFile(folder.resolve("target/gongcrm/gongcrm.sarif")), "a report that is gone is written again");

        mojo.select = List.of("url-format");
        printed.clear();
        mojo.execute();
        assertFalse(printed.contains(skipped), "other settings: validated");

        Path contacts = bundle.resolve("contacts.ldjson");
        Files.writeString(contacts, Files.readString(contacts).replace("\"modifiedDate\": \"", "\"modifiedDate\": \"x"));
        mojo.select = null;
        assertThrows(MojoFailureException.class, mojo::execute, "a changed file is validated, and fails");
        assertFalse(Files.exists(folder.resolve("target/gongcrm-validate-default-cli.stamp")),
                "a failing run leaves no record of the earlier pass");
        assertThrows(MojoFailureException.class, mojo::execute, "and fails again, not skipped");
    }

    @Test
    @InjectMojo(goal = "validate", pom = CONFIGURED)
    void theHtmlReportShowsTheLinesOfTheFilesItNamesRelativeToTheProjectNotTheWorkingDirectory(ValidateMojo mojo)
            throws Exception {
        Path bundle = Files.createDirectories(folder.resolve("src/main/gongcrm"));
        Files.copy(Path.of("../examples/broken-bundle/accounts.ldjson"), bundle.resolve("accounts.ldjson"));
        mojo.basedir = folder.toFile(); // not the working directory, as in a module of a multi-module build
        mojo.bundles = null;
        mojo.select = List.of("url-format");
        mojo.severities = null;
        mojo.types = null;
        mojo.failOnViolation = false;
        mojo.outputDirectory = folder.resolve("target/gongcrm").toFile();
        mojo.formats = List.of("html");
        mojo.execute();

        String report = Files.readString(folder.resolve("target/gongcrm/gongcrm.html"));
        assertTrue(report.contains("\"src/main/gongcrm/accounts.ldjson\""), report);
        assertTrue(report.contains("// account with additional field"), "the finding's line: " + report);
    }

    /**
     * A bundle folder that holds no entity or schema file (only notes, or nothing yet) is "no data": with
     * failIfNoFiles=false the goal skips quietly, as it did before it read the bundle through the scanner;
     * otherwise it fails with the message that says where it looked and how to skip.
     */
    @Test
    @InjectMojo(goal = "validate", pom = CONFIGURED)
    void aBundleFolderWithNoDataFileIsNoDataNotAnUnreadableBundle(ValidateMojo mojo) throws Exception {
        Path bundle = Files.createDirectories(folder.resolve("src/main/gongcrm"));
        Files.writeString(bundle.resolve("notes.txt"), "the export lands here on Mondays");
        onTheDefaultBundle(mojo);

        mojo.failIfNoFiles = true;
        MojoExecutionException noData = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(noData.getMessage().startsWith("No Gong CRM data found"), noData.getMessage());
        assertTrue(noData.getMessage().contains("failIfNoFiles=false"), noData.getMessage());

        mojo.failIfNoFiles = false;
        mojo.execute(); // skips quietly
        assertFalse(Files.exists(folder.resolve("target/gongcrm/gongcrm.sarif")));
    }

    /**
     * A {@code <formats>} entry may now name its file, so the report files alone no longer tell the formats:
     * a build that changes json=FILE to sarif=FILE must write the SARIF report, not skip as unchanged and
     * leave the JSON one a code-scanning upload then rejects.
     */
    @Test
    @InjectMojo(goal = "validate", pom = CONFIGURED)
    void anUnchangedBundleIsValidatedAgainWhenAReportChangesItsFormatButNotItsFile(ValidateMojo mojo) throws Exception {
        Path bundle = Files.createDirectories(folder.resolve("src/main/gongcrm"));
        Files.copy(Path.of("../examples/valid-bundle/stages.ldjson"), bundle.resolve("stages.ldjson"));
        onTheDefaultBundle(mojo);
        mojo.profile = "legacy";
        mojo.buildDirectory = folder.resolve("target").toFile();
        mojo.executionId = "default-cli";
        Path report = folder.resolve("target/code-scanning/gongcrm.out");

        mojo.formats = List.of("json=target/code-scanning/gongcrm.out");
        mojo.execute();
        assertFalse(Files.readString(report).contains("\"$schema\""), "a json report first");

        mojo.formats = List.of("sarif=target/code-scanning/gongcrm.out");
        mojo.execute();
        assertTrue(Files.readString(report).contains("\"$schema\""), "the sarif report asked for now: "
                + Files.readString(report));
    }

    /**
     * Two {@code <formats>} entries (or gongcrm.json "formats", which the command line refuses for this) that
     * name one file: the goal must refuse them before any work, as the command line does, not write one
     * report over the other and log both as written.
     */
    @Test
    @InjectMojo(goal = "validate", pom = CONFIGURED)
    void twoReportsThatNameOneFileAreRefusedBeforeAnythingIsWritten(ValidateMojo mojo) throws Exception {
        Path bundle = Files.createDirectories(folder.resolve("src/main/gongcrm"));
        Files.copy(Path.of("../examples/valid-bundle/stages.ldjson"), bundle.resolve("stages.ldjson"));
        onTheDefaultBundle(mojo);
        mojo.profile = "legacy";
        mojo.formats = List.of("json=target/reports/gongcrm.out", "sarif=target/reports/../reports/gongcrm.out");

        MojoExecutionException shared = assertThrows(MojoExecutionException.class, mojo::execute,
                "the json report is silently replaced by the sarif one");
        assertTrue(shared.getMessage().contains("share"), shared.getMessage());
        assertFalse(Files.exists(folder.resolve("target/reports/gongcrm.out")));
    }
}
