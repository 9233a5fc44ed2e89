package dev.gongcrm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static dev.gongcrm.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FixCommandTest {

    private static final Path VALID = Path.of("..", "examples", "valid-bundle");
    private static final Path BROKEN = Path.of("..", "examples", "broken-bundle");
    private static final String UNSORTED = """
            {"objectId": "a2", "modifiedDate": "2019-01-05T00:00:00Z", "name": "Acme", "domains": ["acme.com"]}
            {"objectId": "a1", "modifiedDate": "2019-01-04T00:00:00.000Z", "name": "PBR", "domains": ["pbr.com"]}
            """;

    @TempDir
    Path folder;



    private Path accounts() throws Exception {
        Path bundle = Files.createDirectories(folder.resolve("bundle"));
        return Files.writeString(bundle.resolve("accounts.ldjson"), UNSORTED);
    }

    @Test
    void theBrokenBundleIsFixedAndWhatIsLeftIsReported() throws Exception {
        Path out = folder.resolve("fixed");
        Run run = run("fix", BROKEN, "--out", out, "--keep", "latest");
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.out().contains("Found 7 errors, 3 warnings, 0 info (6 files, 13 objects checked)."), run.out());
        assertTrue(run.out().contains("error[unresolved-reference]"), run.out());
        for (String fixed : new String[] {"unsorted-modified-date", "datetime-format", "wrong-type", "duplicate-object",
                "deprecated-field"}) {
            assertFalse(run.out().contains("[" + fixed + "]"), run.out());
        }
        assertTrue(run.out().strip().endsWith("fixed 7 problems: 2 datetime-format, 2 unsorted-modified-date, "
                + "1 wrong-type, 1 deprecated-field, 1 duplicate-object; 10 left (run gongcrm validate)"), run.out());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(6, files.count(), "the output is the whole bundle");
        }
    }

    @Test
    void aDashFixesStandardInputToStandardOutputAndReportsTheRestOnStandardError() {
        String deals = """
                {"objectId": "d2", "modifiedDate": "2024-01-02T00:00:00.000Z", "accountId": "a1", "ownerId": "u1", "name": "B", "createdDate": "2024-01-01T00:00:00Z", "closeDate": "2024-02-01", "isOpen": true, "isWon": false, "stage": "s", "amount": "7000"}
                {"objectId": "d1", "modifiedDate": "2024-01-01T00:00:00Z", "accountId": "a1", "ownerId": "u1", "name": "A", "createdDate": "2024-01-01T00:00:00Z", "closeDate": "2024-02-01", "isOpen": true, "isWon": false, "stage": "s"}
                """;
        Run run = Run.runWithInput(deals, "fix", "-", "--type", "DEAL");
        assertEquals(1, run.exit(), run.err());
        List<String> fixed = run.out().lines().toList();
        assertEquals(2, fixed.size(), run.out());
        assertTrue(fixed.get(0).startsWith("{\"objectId\": \"d1\""), "sorted: " + fixed.get(0));
        assertTrue(fixed.get(1).contains("\"modifiedDate\": \"2024-01-02T00:00:00Z\"")
                && fixed.get(1).contains("\"amount\": 7000"), fixed.get(1));
        assertTrue(run.err().startsWith("<stdin>:1: error[missing-mandatory-field] Mandatory field [amount]"), run.err());
        assertTrue(run.err().strip().endsWith("; 1 left"), run.err());

        Run untyped = Run.runWithInput(deals, "fix", "-");
        assertEquals(2, untyped.exit());
        assertTrue(untyped.err().contains("give its object type, e.g. --type DEAL"), untyped.err());
        Run withOut = Run.runWithInput(deals, "fix", "-", "--type", "DEAL", "--out", folder);
        assertEquals(2, withOut.exit());
        assertTrue(withOut.err().contains("- fixes standard input alone, to standard output"), withOut.err());
    }

    @Test
    void aValidBundleExitsZeroWithNothingFixed() {
        Run run = run("fix", VALID, "--out", folder.resolve("fixed"));
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("No problems found"), run.out());
        assertTrue(run.out().contains("fixed 0 problems; nothing left"), run.out());
    }

    @Test
    void fixedFilesValidateCleanAndTheInputIsUntouched() throws Exception {
        Path input = accounts();
        Run run = run("fix", input, "--out", folder.resolve("fixed"));
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("fixed 2 problems: 1 datetime-format, 1 unsorted-modified-date; nothing left"),
                run.out());
        assertEquals(UNSORTED, Files.readString(input));
        assertEquals(List.of("a1", "a2"), Files.readAllLines(folder.resolve("fixed/accounts.ldjson")).stream()
                .map(line -> line.substring(14, 16)).toList());
    }

    @Test
    void inPlaceReplacesTheInput() throws Exception {
        Path input = accounts();
        assertEquals(0, run("fix", "--in-place", input).exit());
        assertTrue(Files.readString(input).startsWith("{\"objectId\": \"a1\", \"modifiedDate\": \"2019-01-04T00:00:00Z\""));
    }

    /** A file as large as {@code size}, last written {@code age} ago. */
    private static Path leftover(Path file, int size, Duration age) throws Exception {
        Files.write(file, new byte[size]);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }

    @Test
    void theTemporaryFilesOfAKilledFixInPlaceAreRemovedByTheNextRunWhichSaysSo() throws Exception {
        Path input = accounts();
        Path bundle = input.getParent();
        Path killed = leftover(bundle.resolve(".gongcrm-fix.k1ll3d.tmp"), 2048, Duration.ofHours(2));
        Path running = leftover(bundle.resolve(".gongcrm-fix.runn1ng.tmp"), 100, Duration.ofMinutes(1));
        Path someoneElses = leftover(bundle.resolve(".accounts.ldjson.k1ll3d.tmp"), 100, Duration.ofDays(2));

        Run run = run("fix", bundle, "--in-place");

        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(List.of("gongcrm: removed 1 temporary file (2.0 KB) that an interrupted fix left in '" + bundle + "'"),
                run.err().lines().toList());
        assertFalse(Files.exists(killed));
        assertTrue(Files.exists(running), "a fix running beside this one keeps its file");
        assertTrue(Files.exists(someoneElses), "only fix's own names");
        Run again = run("fix", bundle, "--in-place");
        assertEquals("", again.err(), "nothing left to remove, nothing said");
    }

    @Test
    void theOutputFolderIsCleanedTooAndTheDiffRemovesNothing() throws Exception {
        Path input = accounts();
        Path out = Files.createDirectories(folder.resolve("fixed"));
        Path killed = leftover(out.resolve(".gongcrm-fix.0.tmp"), 10, Duration.ofHours(2));
        Path inBundle = leftover(input.resolveSibling(".gongcrm-fix.1.tmp"), 10, Duration.ofHours(2));

        assertEquals(0, run("fix", input, "--diff").exit());
        assertTrue(Files.exists(inBundle), "--diff writes nothing, and removes nothing");

        Run run = run("fix", input, "--out", out);
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(List.of("gongcrm: removed 1 temporary file (10 B) that an interrupted fix left in '" + out + "'"),
                run.err().lines().toList());
        assertFalse(Files.exists(killed));
        assertTrue(Files.exists(inBundle), "a fix into another folder does not write beside its input");
    }

    @Test
    void theDiffShowsTheChangesAndWritesNothing() throws Exception {
        Path input = accounts();
        Run run = run("fix", "--diff", input);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains(input + ":2: datetime-format\n- {\"objectId\": \"a1\", \"modifiedDate\": "
                + "\"2019-01-04T00:00:00.000Z\""), run.out());
        assertTrue(run.out().contains("+ {\"objectId\": \"a1\", \"modifiedDate\": \"2019-01-04T00:00:00Z\""), run.out());
        assertTrue(run.out().contains(input + ": unsorted-modified-date: lines sorted by modifiedDate"), run.out());
        assertTrue(run.out().contains("would have fixed 2 problems"), run.out());
        assertEquals(UNSORTED, Files.readString(input));
    }

    @Test
    void aDatetimeWithoutZoneIsFixedOnlyWithTheZoneTheUserNames() throws Exception {
        Path bundle = Files.createDirectories(folder.resolve("bundle"));
        Path input = Files.writeString(bundle.resolve("accounts.ldjson"),
                "{\"objectId\": \"a1\", \"modifiedDate\": \"2019-07-04T10:00:00\", \"name\": \"PBR\", \"domains\": [\"pbr.com\"]}\n");
        Path out = folder.resolve("fixed");
        Run guessed = run("fix", input, "--out", out);
        assertEquals(1, guessed.exit());
        assertTrue(guessed.out().contains("error[datetime-format]"), guessed.out());
        Run oslo = run("fix", input, "--out", out, "--assume-zone", "Europe/Oslo");
        assertEquals(0, oslo.exit(), oslo.out());
        assertTrue(Files.readString(out.resolve("accounts.ldjson")).contains("\"2019-07-04T10:00:00+02:00\""));
    }

    @Test
    void usageProblemsExitTwoWithOneLineAndWriteNothing() throws Exception {
        Path input = accounts();
        Path bundle = input.getParent();
        for (Object[] args : new Object[][] {
                {"fix", bundle},
                {"fix", bundle, "--out", folder.resolve("x"), "--in-place"},
                {"fix", bundle, "--out", bundle},
                {"fix", bundle, "--out", folder.resolve("x"), "--assume-zone", "Mars/Olympus"},
                {"fix", bundle, "--out", folder.resolve("x"), "--keep", "first"},
                {"fix", folder.resolve("missing"), "--out", folder.resolve("x")}}) {
            Run run = run(args);
            assertEquals(2, run.exit(), List.of(args).toString());
            assertTrue(run.err().startsWith("gongcrm: error: "), run.err());
            assertEquals(1, run.err().lines().filter(line -> !line.startsWith("Run 'gongcrm fix --help'")).count(),
                    run.err());
            assertEquals(UNSORTED, Files.readString(input));
        }
        assertFalse(Files.exists(folder.resolve("x")));
    }

    @Test
    void theValidationOptionsApplyToWhatIsLeft() {
        Path out = folder.resolve("fixed");
        assertEquals(0, run("fix", BROKEN, "--out", out, "--fail-on", "never").exit());
        Run initial = run("fix", BROKEN, "--out", out, "--initial", "--select", "deleted-on-initial-upload");
        assertEquals(0, initial.exit(), initial.out());
        assertTrue(initial.out().contains("1 deleted-on-initial-upload"), initial.out());
    }

    @Test
    void rulesSaysWhichRulesFixRepairs() {
        Run list = run("rules");
        assertTrue(list.out().lines().anyMatch(line -> line.matches("datetime-format +error +yes +.*")), list.out());
        assertTrue(list.out().lines().anyMatch(line -> line.matches("url-format +warning +no +.*")), list.out());
        assertTrue(run("rules", "unsorted-modified-date").out().contains("Fixable: yes, by 'gongcrm fix': Sorts"));
        assertTrue(run("rules", "unresolved-reference").out().contains("Fixable: no"));
        assertTrue(run("rules", "--markdown").out().contains("Fixable: yes. Drops fractional seconds"));
    }
}
