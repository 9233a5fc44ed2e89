package dev.gongcrm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.gongcrm.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundle's gongcrm.json: found next to the bundle or named with --config, under the flags. */
class ConfigFileTest {

    private static final String ACCOUNT = "{\"objectId\": \"a1\", \"modifiedDate\": \"2024-01-01T00:00:00Z\", "
            + "\"name\": \"Acme\", \"domains\": [\"acme.com\"], \"url\": \"crm.example/a1\"}\n";

    @TempDir
    Path folder;

    private Path bundle(String config) throws Exception {
        Path bundle = folder.resolve("bundle");
        Files.createDirectories(bundle);
        Files.writeString(bundle.resolve("accounts.ldjson"), ACCOUNT);
        if (config != null) {
            Files.writeString(bundle.resolve("gongcrm.json"), config);
        }
        return bundle;
    }

    @Test
    void theFileNextToTheBundleDecidesWhatTheFlagsLeaveUnsaid() throws Exception {
        Path plain = bundle(null);
        assertEquals(0, run("validate", plain).exit(), "url-format is a warning");
        Files.writeString(plain.resolve("gongcrm.json"), "{\"severities\": {\"url-format\": \"error\"}}");
        Run configured = run("validate", plain);
        assertEquals(1, configured.exit(), configured.out());
        assertTrue(configured.out().contains("error[url-format]"), configured.out());
        assertFalse(configured.out().contains("skipped"), "the configuration file is not a skipped file");

        assertEquals(0, run("validate", "--severity", "url-format=warning", plain).exit(), "a flag wins");
        assertEquals(0, run("validate", "--fail-on", "never", plain).exit());
    }

    @Test
    void configNamesAFileAnywhere() throws Exception {
        Path bundle = bundle(null);
        Path config = folder.resolve("team.json");
        Files.writeString(config, "{\"failOn\": \"warning\"}");
        assertEquals(0, run("validate", bundle).exit());
        assertEquals(1, run("validate", "--config", config, bundle).exit());
    }

    @Test
    void aMistakeInTheFileIsOneLineNamingItsPlaceAndExitsTwo() throws Exception {
        Path bundle = bundle("{\"ignore\": [\"url-fromat\"]}");
        Run run = run("validate", bundle);
        assertEquals(2, run.exit());
        assertEquals("gongcrm: error: " + bundle.resolve("gongcrm.json") + ":1:13: 'ignore': unknown rule 'url-fromat'; "
                + "did you mean 'url-format'? (the rule catalog lists them all)", run.err().strip());
    }

    @Test
    void typesNamedByPathAreRelativeToTheConfigurationFile() throws Exception {
        Path bundle = folder.resolve("export");
        Files.createDirectories(bundle.resolve("2024"));
        Files.writeString(bundle.resolve("export.ldjson"), ACCOUNT);
        Files.writeString(bundle.resolve("2024/export.ldjson"), "{\"objectId\": \"u1\", \"modifiedDate\": "
                + "\"2024-01-01T00:00:00Z\", \"emailAddress\": \"u1@example.com\"}\n");
        Files.writeString(bundle.resolve("gongcrm.json"), "{\"recursive\": true, \"types\": "
                + "{\"2024/export.ldjson\": \"BUSINESS_USER\", \"export.ldjson\": \"ACCOUNT\"}}");
        Run run = run("validate", bundle);
        assertEquals(0, run.exit(), "each file its own type, whatever the working directory: " + run.out());
    }

    @Test
    void reportsNameFilesRelativeToTheWorkingDirectoryWhenTheyAreInsideIt() throws Exception {
        Path inside = Path.of("target", "config-file-test").toAbsolutePath();
        Files.createDirectories(inside);
        Files.writeString(inside.resolve("accounts.ldjson"), ACCOUNT);
        Files.writeString(inside.resolve("notes.txt"), "not data");
        Run run = run("validate", "--format", "json", inside);
        assertTrue(run.out().contains("\"file\":\"" + Path.of("target", "config-file-test", "accounts.ldjson") + "\""),
                run.out());
        Run outside = run("validate", bundle(null));
        assertTrue(outside.out().startsWith(folder.resolve("bundle/accounts.ldjson") + ":1:"), outside.out());
        Run text = run("validate", inside);
        assertTrue(text.out().strip().endsWith("1 file skipped, not LDJSON (.ldjson, .jsonl, .ndjson) or .schema.json: "
                + Path.of("target", "config-file-test", "notes.txt") + "."), text.out());
    }

    /** "formats" in the file: used when --format is not given, their files from the file's folder. */
    @Test
    void theFilesFormatsAreTheReportsWhenNoFormatIsGiven() throws Exception {
        Path bundle = bundle("{\"formats\": [\"text\", \"json=reports/gongcrm.json\"]}");
        Run run = run("validate", bundle);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("warning[url-format]"), "the text report on standard output: " + run.out());
        String json = Files.readString(bundle.resolve("reports/gongcrm.json"));
        assertTrue(json.contains("\"rule\":\"url-format\""), json);

        Files.delete(bundle.resolve("reports/gongcrm.json"));
        Run flag = run("validate", "--format", "sarif", bundle);
        assertTrue(flag.out().contains("\"$schema\""), "--format wins: " + flag.out());
        assertFalse(Files.exists(bundle.resolve("reports/gongcrm.json")), "the file's formats are not added to the flag's");

        Files.writeString(bundle.resolve("gongcrm.json"), "{\"formats\": [\"text\", \"json\"]}");
        Run shared = run("validate", bundle);
        assertEquals(2, shared.exit());
        assertTrue(shared.err().contains("would share one output"), shared.err());
    }

    /**
     * "formats" naming one format twice, each with its file (a team's report and an archive copy, say): both
     * are written, or the file is refused; never is one silently left unwritten while the run exits 0.
     */
    @Test
    void aFormatNamedTwiceInTheFileIsNotSilentlyDropped() throws Exception {
        Path bundle = bundle("{\"formats\": [\"json=reports/gongcrm.json\", \"json=archive/gongcrm.json\"]}");
        Run run = run("validate", bundle);
        boolean both = Files.isRegularFile(bundle.resolve("reports/gongcrm.json"))
                && Files.isRegularFile(bundle.resolve("archive/gongcrm.json"));
        boolean refused = run.exit() == 2 && run.err().contains("json");
        assertTrue(both || refused, "exit " + run.exit() + ", reports/gongcrm.json written: "
                + Files.exists(bundle.resolve("reports/gongcrm.json")) + "; " + run.out() + run.err());
    }

    /**
     * A mistake in the file's "formats" that only shows when the run puts them together (two formats for
     * standard output, -o beside formats that all name files) is said as the file's, not as if the user had
     * typed --format: they gave none, and the advice to give each its file "with --format" would replace
     * the file's list rather than fix it.
     */
    @Test
    void theFilesFormatsThatCannotBeWrittenAreBlamedOnTheFileNotOnFormatFlags() throws Exception {
        Path bundle = bundle("{\"formats\": [\"sarif\", \"html\"]}");
        Run shared = run("validate", bundle);
        assertEquals(2, shared.exit(), shared.err());
        assertTrue(shared.err().contains("gongcrm.json"), "which file to change: " + shared.err());

        Files.writeString(bundle.resolve("gongcrm.json"), "{\"formats\": [\"sarif=reports/gongcrm.sarif\"]}");
        Run output = run("validate", bundle, "-o", folder.resolve("findings.txt"));
        assertEquals(2, output.exit(), output.err());
        assertTrue(output.err().contains("gongcrm.json"), "-o meets the file's formats, not a --format: " + output.err());
    }

    /**
     * "json=" in the file's "formats" is refused with an example; the example must work when copied into
     * the file. FORMAT=FILE there is relative to the file's folder, and the json report's default name is
     * the configuration file's own: "e.g. json=gongcrm.json" leads straight to "would overwrite the
     * configuration file".
     */
    @Test
    void theExampleGivenForAFormatWithoutItsFileWorksInTheFile() throws Exception {
        Path bundle = bundle("{\"formats\": [\"json=\"]}");
        Run empty = run("validate", bundle);
        assertEquals(2, empty.exit(), empty.err());
        String example = empty.err().strip().replaceFirst("(?s).*e\\.g\\. ", "");
        Files.writeString(bundle.resolve("gongcrm.json"), "{\"formats\": [\"" + example + "\"]}");
        Run followed = run("validate", bundle);
        assertEquals(0, followed.exit(), "the advice '" + example + "' followed: " + followed.err());
    }
}
