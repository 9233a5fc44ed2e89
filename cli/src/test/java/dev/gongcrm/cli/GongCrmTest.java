package dev.gongcrm.cli;

import dev.gongcrm.validator.rules.RuleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.gongcrm.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GongCrmTest {

    private static final String VALID = Path.of("..", "examples", "valid-bundle").toString();
    private static final String BROKEN = Path.of("..", "examples", "broken-bundle").toString();
    private static final String CURRENT = Path.of("..", "examples", "current-bundle").toString();
    private static final String CURRENT_BROKEN = Path.of("..", "examples", "current-broken-bundle").toString();

    @TempDir
    Path folder;



    @Test
    void aValidBundleExitsZero() {
        Run run = run("validate", VALID);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("No problems found (8 files, 12 objects checked)."), run.out());
    }

    @Test
    void aBrokenBundleExitsOneWithEveryFinding() {
        Run run = run("validate", BROKEN);
        assertEquals(1, run.exit());
        assertEquals(17, run.out().lines().filter(l -> l.contains("error[") || l.contains("warning[")).count());
    }

    @Test
    void aCurrentStyleBundleExitsZeroInTheCurrentProfileOnly() {
        Run current = run("validate", "--profile", "current", CURRENT);
        assertEquals(0, current.exit(), current.out() + current.err());
        assertTrue(current.out().startsWith("No problems found (8 files, 14 objects checked)."), current.out());
        assertEquals(1, run("validate", CURRENT).exit(), "legacy wants internalName, isOpen, isWon...");
    }

    @Test
    void theCurrentBrokenBundleReportsEachCurrentOnlyMistake() {
        Run run = run("validate", "--profile", "current", CURRENT_BROKEN);
        assertEquals(1, run.exit());
        assertTrue(run.out().contains(Path.of(CURRENT_BROKEN, "users.ldjson").toAbsolutePath().normalize() + ":2:2: error[string-format] field "
                + "'objectId' is 'John Doe (sales)'"), run.out());
        assertTrue(run.out().strip().endsWith("Found 8 errors, 5 warnings, 0 info (5 files, 10 objects checked). "
                        + "'gongcrm fix' repairs 2 of them.\nTo repair them: gongcrm fix " + CURRENT_BROKEN
                        + " --profile=current --out DIR (or --diff to see the changes first)"),
                run.out());
    }

    @Test
    void anUnknownProfileIsAUsageErrorNamingTheProfiles() {
        Run run = run("validate", "--profile", "curent", CURRENT);
        assertEquals(2, run.exit());
        assertEquals("gongcrm: error: unknown profile 'curent'; available: legacy, current; did you mean 'current'?",
                run.err().strip());
        assertTrue(run("validate", "--help").out().contains("API profile whose rules apply: legacy, current"));
    }

    @Test
    void theReadmeShowsTheOutputUsersReallySee() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String shown = readme.split("```text\n", 2)[1].split("```", 2)[0];
        String actual = run("validate", BROKEN).out()
                .replace(Path.of(BROKEN).toAbsolutePath().normalize().toString(), Path.of("examples", "broken-bundle").toString())
                .replace("gongcrm fix " + BROKEN, "gongcrm fix " + Path.of("examples", "broken-bundle"));
        assertEquals(shown.strip(), actual.strip());
    }

    @Test
    void failOnDecidesTheExitCode() {
        assertEquals(0, run("validate", "--fail-on", "never", BROKEN).exit());
        assertEquals(0, run("validate", "--select", "url-format", BROKEN).exit());
        assertEquals(1, run("validate", "--select", "url-format", "--fail-on", "warning", BROKEN).exit());
        assertEquals(1, run("validate", "--select", "url-format", "--severity", "url-format=error", BROKEN).exit());
    }

    @Test
    void severalFormatsGoToTheirOwnFiles() throws Exception {
        Path sarif = folder.resolve("out/report.sarif");
        Path json = folder.resolve("report.json");
        Run run = run("validate", BROKEN, "--format", "sarif=" + sarif, "--format", "json=" + json);
        assertEquals(1, run.exit());
        assertTrue(Files.readString(sarif).contains("\"version\":\"2.1.0\""));
        assertTrue(Files.readString(json).contains("\"errors\":13"));
        assertTrue(run.out().startsWith("Found 13 errors"), run.out());
        try (var leftovers = Files.list(folder.resolve("out"))) {
            assertEquals(1, leftovers.count(), "no temporary file is left behind");
        }
    }

    @Test
    void usageAndIoProblemsExitTwoWithOneLine() {
        for (String[] args : new String[][] {
                {"validate", folder.resolve("missing").toString()},
                {"validate", "--format", "yaml", VALID},
                {"validate", "--select", "no-such-rule", VALID},
                {"validate", "--type", "OPPORTUNITY", VALID},
                {"validate", "--fail-on", "sometimes", VALID},
                {"validate", "--format", "json", "--format", "sarif", VALID},
                {"validate", "--bogus", VALID},
                {"validate"},
                {"rules", "no-such-rule"}}) {
            Run run = run(args);
            assertEquals(2, run.exit(), String.join(" ", args));
            assertFalse(run.err().isBlank(), String.join(" ", args));
            assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        }
    }

    @Test
    void aBadFlagIsOneLineAndAHintNotTheWholeUsage() {
        Run run = run("validate", "--max-findings", "abc", VALID);
        assertEquals(2, run.exit());
        assertEquals(2, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("'abc' is not an int") && run.err().contains("gongcrm validate --help"), run.err());
    }

    @Test
    void anOutputThatIsAFolderIsAClearError() {
        Run run = run("validate", "--output", folder.toString(), VALID);
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("gongcrm: error: '" + folder + "' is a folder"), run.err());
    }

    @Test
    void anEmptyFolderIsAClearError() {
        Run run = run("validate", folder.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("gongcrm: error: '" + folder + "' holds no .ldjson"), run.err());
    }

    @Test
    void typeOverrideAppliesToFilesWithoutATypeInTheirName() throws Exception {
        Path file = Files.writeString(folder.resolve("export.ldjson"),
                "{\"objectId\": \"s\", \"modifiedDate\": \"2019-01-03T23:45:57Z\", \"internalName\": \"s\", "
                        + "\"name\": \"S\", \"isActive\": true, \"sortOrder\": 1}\n");
        assertEquals(1, run("validate", file.toString()).exit());
        assertEquals(0, run("validate", "--type", "STAGE", file.toString()).exit());
        assertEquals(0, run("validate", "--type", "export.ldjson=stage", file.toString()).exit());
    }

    @Test
    void rulesListsTheCatalogAndExplainsOneRule() {
        Run list = run("rules");
        assertEquals(0, list.exit());
        assertTrue(list.out().contains("unsorted-modified-date"));
        assertEquals(RuleCatalog.all().size(), list.out().lines().filter(l -> l.matches("[a-z-]+ +(error|warning|info) .*")).count());
        Run one = run("rules", "datetime-format");
        assertTrue(one.out().contains("without milliseconds"));
        assertTrue(one.out().contains("Bad:") && one.out().contains("Good:"));
    }

    /** `rules --profile` lists the severities a SARIF report of that profile describes the rules with. */
    @Test
    void rulesShowsTheSeveritiesOfAProfileAsItsSarifReportDescribesThem() {
        assertTrue(run("rules").out().lines().anyMatch(l -> l.matches("dropped-schema-field +warning .*")));
        Run current = run("rules", "--profile", "current");
        assertEquals(0, current.exit(), current.err());
        assertTrue(current.out().lines().anyMatch(l -> l.matches("dropped-schema-field +error .*")), current.out());
        assertTrue(run("rules", "dropped-schema-field", "--profile", "current").out()
                .startsWith("dropped-schema-field (error in the current profile)"));
        String sarif = run("validate", "--profile", "current", "--format", "sarif", CURRENT).out();
        assertTrue(sarif.matches("(?s).*\\{\"id\":\"dropped-schema-field\",.*?\"defaultConfiguration\":\\{\"level\":"
                + "\"error\"\\}.*"), sarif);
        Run unknown = run("rules", "--profile", "currnet");
        assertEquals(2, unknown.exit());
        assertEquals("gongcrm: error: unknown profile 'currnet'; available: legacy, current; did you mean 'current'?",
                unknown.err().strip());
    }

    @Test
    void helpExplainsTheOptions() {
        Run help = run("validate", "--help");
        assertEquals(0, help.exit());
        for (String option : new String[] {"--format", "--output", "--fail-on", "--select", "--ignore", "--type",
                "--initial", "--dialer", "--max-findings"}) {
            assertTrue(help.out().contains(option), option);
        }
    }

    @Test
    void aMisspeltRuleOrFormatGetsASuggestion() {
        Run rule = run("validate", "--ignore", "url-fromat", VALID);
        assertEquals(2, rule.exit());
        assertEquals("gongcrm: error: unknown rule 'url-fromat'; did you mean 'url-format'? (the rule catalog lists "
                + "them all)", rule.err().strip());
        Run explain = run("rules", "datetime-fromat");
        assertEquals(2, explain.exit());
        assertEquals("gongcrm: error: no rule named 'datetime-fromat'; did you mean 'datetime-format'?",
                explain.err().strip());
        Run format = run("validate", "--format", "sarf", VALID);
        assertEquals(2, format.exit());
        assertEquals("gongcrm: error: unknown report format 'sarf'; use one of text, json, sarif, junit, github, csv, html; "
                + "did you mean 'sarif'?", format.err().strip());
    }

    @Test
    void aMisspeltCommandGetsASuggestion() {
        Run run = run("valdate", VALID);
        assertEquals(2, run.exit());
        assertEquals("gongcrm: error: unknown command 'valdate'; did you mean 'validate'?\n"
                + "Run 'gongcrm --help' for the options.", run.err().strip().replace("\r", ""));
        assertTrue(run("frobnicate").err().startsWith("gongcrm: error: unknown command 'frobnicate'\n"),
                "no suggestion when nothing is close");
    }

    /** A type for every file that contradicts what the files' names say is pointed out, once, on stderr. */
    @Test
    void aTypeForEveryFileThatContradictsTheirNamesIsSaid() {
        Run retyped = run("validate", "--type", "DEAL", VALID);
        assertTrue(retyped.err().startsWith("gongcrm: --type DEAL applies to every file, also to "), retyped.err());
        assertTrue(retyped.err().contains("accounts.ldjson") && retyped.err().contains(" more, whose names say "
                + "another type; for one file give --type FILE=TYPE"), retyped.err());
        Run deals = run("validate", "--type", "DEAL", VALID + "/deals.ldjson");
        assertEquals("", deals.err(), "the name says DEAL too: nothing to point out");
        Run one = run("validate", "--type", "export.ldjson=DEAL", VALID);
        assertEquals("", one.err(), "a type for one file is said for that file");
    }

    /** Below the top level too: a misspelt subcommand or option is named, with the closest one. */
    @Test
    void aMisspeltSubcommandOrOptionGetsASuggestion() {
        Run option = run("validate", "--fromat", "json", VALID);
        assertEquals(2, option.exit());
        assertTrue(option.err().startsWith("gongcrm: error: unknown option '--fromat'; did you mean '--format'?\n"),
                option.err());
        Run subcommand = run("integration", "regster");
        assertEquals(2, subcommand.exit());
        assertTrue(subcommand.err().startsWith("gongcrm: error: unknown command 'gongcrm integration regster'; the "
                + "commands are "), subcommand.err());
        assertTrue(subcommand.err().contains("did you mean 'register'?"), subcommand.err());
        assertTrue(run("convert", "x.csv", "--type", "DEAL").err().startsWith(
                "gongcrm: error: unknown command 'gongcrm convert x.csv'; the commands are csv"), "convert's one command");
    }

    @Test
    void aDashReadsAnEntityFileFromStandardInputOfTheTypeGiven() {
        String stage = "{\"objectId\": \"s1\", \"modifiedDate\": \"2024-01-02T03:04:05Z\", \"name\": \"Won\"}\n";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = GongCrm.run(new String[] {"validate", "--type", "STAGE", "-"},
                new java.io.ByteArrayInputStream(stage.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(1, exit, err.toString());
        assertTrue(out.toString().startsWith("<stdin>:1: error[missing-mandatory-field] Mandatory field [internalName]"),
                out.toString());

        Run untyped = run("validate", "-");
        assertEquals(2, untyped.exit());
        assertTrue(untyped.err().startsWith("gongcrm: error: - reads an entity file from standard input: give its "
                + "object type, e.g. --type DEAL"), untyped.err());
    }

    @Test
    void typeUserMappingValidatesStandardInputAsAMapUsersFile() {
        String mapping = "{\"crmUserId\": \"crm-7\"}\n{\"crmUserId\": \"crm-8\", \"isDeleted\": true}\n";
        Run asMapping = Run.runWithInput(mapping, "validate", "--type", "user-mapping", "-");
        assertEquals(1, asMapping.exit(), asMapping.err());
        assertTrue(asMapping.out().startsWith("<stdin>:1: error[missing-mandatory-field]")
                && asMapping.out().contains("emailAddress") && !asMapping.out().contains("<stdin>:2:"), asMapping.out());

        Run help = run("validate", "--help");
        assertTrue(help.out().replaceAll("\\s+", " ").contains("USER_MAPPING for a /v2/crm/map/users file"), help.out());
        Run unknown = run("validate", "--type", "mapping", "-");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown type 'mapping'; use ACCOUNT, CONTACT, DEAL, LEAD, BUSINESS_USER, "
                + "STAGE, or USER_MAPPING"), unknown.err());
    }

    @Test
    void recursiveIncludeAndExcludeChooseTheFilesOfBundleFolders() {
        String examples = Path.of("..", "examples").toString();
        Run flat = run("validate", examples);
        assertEquals(2, flat.exit(), "examples/ itself holds no bundle file");
        Run valid = run("validate", "--recursive", "--exclude", "broken-bundle/**,csv-export/**,current-*/**", examples);
        assertEquals(0, valid.exit(), valid.out() + valid.err());
        assertEquals(run("validate", VALID).out(), valid.out(), "the valid bundle, found one level down");
    }
}
