package dev.gongcrm.validator.config;

import dev.gongcrm.validator.Validator;
import dev.gongcrm.validator.ObjectType;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.report.ReportFormat;
import dev.gongcrm.validator.report.ReportRequest;
import dev.gongcrm.validator.ValidationResult;
import dev.gongcrm.validator.bundle.TypeOverride;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundleConfigTest {

    private static final Path BROKEN = Path.of("..", "examples", "broken-bundle");

    @TempDir
    Path folder;

    private Path write(String name, String json) throws Exception {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        return file;
    }

    @Test
    void everySettingOfTheFileReachesTheValidation() throws Exception {
        BundleConfig config = BundleConfig.read(write("gongcrm.json", """
                {
                  "$schema": "https://example.invalid/gongcrm.schema.json",
                  "profile": "legacy",
                  "select": ["url-format", "domain-format"],
                  "severities": {"domain-format": "error"},
                  "types": {"export.ldjson": "deal", "*": "ACCOUNT"},
                  "initial": true, "dialer": true,
                  "include": ["*.ldjson"], "exclude": ["old-*"], "recursive": true,
                  "failOn": "never", "maxFindings": 5
                }
                """));
        assertEquals(Map.of("export.ldjson", TypeOverride.of(ObjectType.DEAL), "*", TypeOverride.of(ObjectType.ACCOUNT)),
                config.typeOverrides());
        assertEquals(Optional.empty(), config.failLevel());
        assertTrue(config.initial());
        assertEquals(5, config.maxFindings());
        assertEquals(List.of("*.ldjson"), config.folderFilter().includes());
        assertTrue(config.folderFilter().recursive());

        ValidationResult result = Validator.builder(config).build().validate(List.of(BROKEN.resolve("accounts.ldjson")));
        assertEquals(Map.of("url-format", 1L, "domain-format", 1L), result.ruleCounts());
        assertEquals(1, result.count(Severity.ERROR), "domain-format raised to error");
    }

    @Test
    void whatTheUserSaysOverTheFileWinsAndWhatTheyLeaveUnsaidComesFromIt() throws Exception {
        BundleConfig file = BundleConfig.read(write("gongcrm.json", """
                {"ignore": ["url-format"], "severities": {"domain-format": "info", "blank-line": "error"},
                 "failOn": "warning", "dialer": true}
                """));
        BundleConfig flags = BundleConfig.builder().failOn("error").severity("domain-format", "error").build();
        BundleConfig merged = file.overriddenBy(flags);
        assertEquals(Optional.of(Severity.ERROR), merged.failLevel());
        ValidationResult result = Validator.builder(merged).build().validate(List.of(BROKEN.resolve("accounts.ldjson")));
        assertEquals(null, result.ruleCounts().get("url-format"), "ignored by the file");
        assertEquals(3, result.count(Severity.ERROR), "domain-format error from the flag, and two errors of the data");
        assertEquals(Optional.of(Severity.ERROR), BundleConfig.NONE.failLevel(), "error unless said");

        BundleConfig typed = BundleConfig.read(write("typed.json", "{\"types\": {\"export.ldjson\": \"ACCOUNT\"}}"));
        assertEquals(Map.of("*", TypeOverride.of(ObjectType.DEAL)),
                typed.overriddenBy(BundleConfig.builder().type("*", "DEAL").build()).typeOverrides(),
                "a type given now replaces the file's, per-name entries too");
        assertEquals(Map.of("export.ldjson", TypeOverride.of(ObjectType.ACCOUNT)), typed.overriddenBy(BundleConfig.NONE).typeOverrides());
    }

    @Test
    void theFileNextToTheBundleIsFoundAndTwoDifferentOnesAreRefused() throws Exception {
        write("a/gongcrm.json", "{}");
        write("a/deals.ldjson", "");
        write("b/gongcrm.json", "{}");
        write("c/deals.ldjson", "");
        assertEquals(Optional.of(folder.resolve("a/gongcrm.json").toAbsolutePath()),
                BundleConfig.find(List.of(folder.resolve("a"))));
        assertEquals(Optional.of(folder.resolve("a/gongcrm.json").toAbsolutePath()),
                BundleConfig.find(List.of(folder.resolve("a/deals.ldjson"), folder.resolve("c"))),
                "a file's folder counts, a folder without one adds nothing");
        ConfigException two = assertThrows(ConfigException.class,
                () -> BundleConfig.find(List.of(folder.resolve("a"), folder.resolve("b"))));
        assertTrue(two.getMessage().contains("different configuration files"), two.getMessage());
        assertEquals(BundleConfig.NONE.failLevel(), BundleConfig.load(null, List.of(folder.resolve("c"))).failLevel());
    }

    @Test
    void eachMistakeIsReportedAtItsLineAndColumnWithWhatToWrite() throws Exception {
        assertProblem("{\n  \"ignroe\": []\n}", "gongcrm.json:2:13: unknown setting 'ignroe'; did you mean 'ignore'?");
        assertProblem("{\"color\": true}", "unknown setting 'color'; the settings are profile, select, ignore");
        assertProblem("{\"select\": \"url-format\"}", ":1:12: 'select' must be an array of rule names");
        assertProblem("{\"select\": [\"url-fromat\"]}", ":1:13: 'select': unknown rule 'url-fromat'; did you mean 'url-format'?");
        assertProblem("{\"severities\": {\"blank-line\": \"fatal\"}}", "'severities.blank-line': unknown severity 'fatal'");
        assertProblem("{\"types\": {\"x.ldjson\": \"OPPORTUNITY\"}}", "'types.x.ldjson': unknown type 'OPPORTUNITY'; use ACCOUNT");
        assertProblem("{\"failOn\": \"sometimes\"}", "'failOn': unknown level 'sometimes': use error, warning, info or never");
        assertProblem("{\"profile\": \"curent\"}", ":1:13: 'profile': unknown profile 'curent'");
        assertProblem("{\"maxFindings\": -1}", "'maxFindings' must be a whole number of at least 0");
        assertProblem("{\"initial\": \"yes\"}", "'initial' must be true or false");
        assertProblem("{\"include\": [\"[a-\"]}", "'include': '[a-' is not a glob pattern");
        assertProblem("{\"formats\": [\"jsno\"]}", ":1:14: 'formats': unknown report format 'jsno'; use one of text, json");
        assertProblem("{\"formats\": [\"csv=\"]}", "'formats': name the report file after '=', e.g. csv=reports/gongcrm.csv");
        assertProblem("{\"formats\": \"json\"}", "'formats' must be an array of strings");
        assertProblem("{\"maxFindings\": 99999999999999999999999}", "'maxFindings' must be a whole number of at least 0");
        ConfigException folderGiven = assertThrows(ConfigException.class, () -> BundleConfig.read(folder));
        assertTrue(folderGiven.getMessage().endsWith("is a folder; name the file, e.g. " + folder.resolve("gongcrm.json")),
                folderGiven.getMessage());
        assertProblem("[]", "the configuration must be a JSON object");
        assertProblem("{\"ignore\": [],}", "gongcrm.json:1:15: not valid JSON");
        assertProblem("{\"ignore\": [], \"ignore\": []}", "not valid JSON: Duplicate Object property \"ignore\"");
        ConfigException missing = assertThrows(ConfigException.class, () -> BundleConfig.read(folder.resolve("none.json")));
        assertTrue(missing.getMessage().startsWith("cannot read the configuration file '"), missing.getMessage());
    }

    /** "formats": each FORMAT or FORMAT=FILE, a relative FILE from the configuration file's folder, wherever the run is. */
    @Test
    void theReportsOfTheFileNameTheirFilesFromItsFolder() throws Exception {
        Path file = write("gongcrm.json", "{\"formats\": [\"text\", \"sarif=reports/gongcrm.sarif\", \"html="
                + folder.resolve("elsewhere/gongcrm.html").toString().replace("\\", "\\\\") + "\"]}");
        List<ReportRequest> reports = BundleConfig.read(file).reports();
        assertEquals(List.of(new ReportRequest(ReportFormat.TEXT, null),
                new ReportRequest(ReportFormat.SARIF, file.toAbsolutePath().getParent().resolve("reports/gongcrm.sarif")),
                new ReportRequest(ReportFormat.HTML, folder.resolve("elsewhere/gongcrm.html"))), reports);
        assertEquals(List.of(), BundleConfig.NONE.reports());
        assertEquals(new ReportRequest(ReportFormat.JSON, null), ReportRequest.parse("json=-", folder),
                "- is standard output, not a file named '-'");
        BundleConfig flags = BundleConfig.builder().formats(List.of("json")).build();
        assertEquals(List.of(new ReportRequest(ReportFormat.JSON, null)), BundleConfig.read(file).overriddenBy(flags)
                .reports(), "the user's formats replace the file's");
        assertNotEquals(BundleConfig.read(file).describe(), BundleConfig.read(file).overriddenBy(flags).describe());
    }

    private void assertProblem(String json, String expected) throws Exception {
        Path file = write("gongcrm.json", json);
        ConfigException problem = assertThrows(ConfigException.class, () -> BundleConfig.read(file));
        assertTrue(problem.getMessage().startsWith(file.toString()), problem.getMessage());
        assertTrue(problem.getMessage().contains(expected), problem.getMessage());
    }
}
