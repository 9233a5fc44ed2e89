package dev.gongcrm.validator.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** An output that resolves to an input of the run, by any name, is refused with one line naming both. */
class OutputGuardTest {

    @TempDir
    Path folder;

    private Path input() throws IOException {
        return Files.writeString(Files.createDirectories(folder.resolve("bundle")).resolve("accounts.ldjson"), "{}\n");
    }

    private static String refusal(OutputGuard guard, Path output) {
        return assertThrows(OutputOverwritesInputException.class,
                () -> guard.check("the json report", output, "name another file")).getMessage();
    }

    private static boolean link(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    @Test
    void theInputItselfIsRefusedWithOneLineNamingTheOutputAndTheInput() throws Exception {
        Path input = input();
        String message = refusal(new OutputGuard().protect(input), input);
        assertEquals("the json report '" + input + "' would overwrite the input '" + input + "'; name another file",
                message);
    }

    @Test
    void anotherNameOfTheSamePathIsTheSameFile() throws Exception {
        Path input = input();
        OutputGuard guard = new OutputGuard().protect(input);
        refusal(guard, input.toAbsolutePath());
        refusal(guard, input.getParent().resolve("..").resolve("bundle").resolve("./accounts.ldjson"));
    }

    @Test
    void aSymbolicLinkToTheInputOrThroughALinkedFolderIsTheInput() throws Exception {
        Path input = input();
        Path report = folder.resolve("bundle/report.txt");
        assumeTrue(link(report, Path.of("accounts.ldjson")), "symbolic links need a file system that has them");
        OutputGuard guard = new OutputGuard().protect(input);
        assertEquals("the json report '" + report + "' would overwrite the input '" + input + "' (a symbolic link to "
                + "it); name another file", refusal(guard, report));
        Path linkedFolder = folder.resolve("elsewhere");
        assumeTrue(link(linkedFolder, input.getParent()));
        refusal(guard, linkedFolder.resolve("accounts.ldjson"));
    }

    @Test
    void aHardLinkOfTheInputIsTheSameFileByItsInode() throws Exception {
        Path input = input();
        Path report = folder.resolve("report.json");
        try {
            Files.createLink(report, input);
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "hard links need a file system that has them");
        }
        assertEquals("the json report '" + report + "' would overwrite the input '" + input + "' (a hard link to it); "
                + "name another file", refusal(new OutputGuard().protect(input), report));
    }

    @Test
    void aFileNotWrittenYetIsMatchedByWhereItWouldBeCreated() throws Exception {
        Path out = Files.createDirectories(folder.resolve("out"));
        Path planned = out.resolve("new/deeper/accounts.ldjson");
        OutputGuard guard = new OutputGuard().protect("the fixed file", planned);
        assertEquals("the json report '" + planned + "' would overwrite the fixed file '" + planned + "'; name another "
                + "file", refusal(guard, planned));
        Path linkedOut = folder.resolve("linked-out");
        assumeTrue(link(linkedOut, out));
        refusal(guard, linkedOut.resolve("new/deeper/accounts.ldjson"));
        Path dangling = folder.resolve("dangling.json");
        assumeTrue(link(dangling, planned));
        refusal(guard, dangling);
    }

    @Test
    void otherFilesPassEvenWithTheSameNameOrContent() throws Exception {
        Path input = input();
        Path copy = Files.copy(input, folder.resolve("accounts.ldjson"));
        OutputGuard guard = new OutputGuard().protect(input).protect(null);
        assertDoesNotThrow(() -> guard.check("the json report", copy, "name another file"));
        assertDoesNotThrow(() -> guard.check("the json report", input.resolveSibling("gongcrm.json"), "x"));
        assertDoesNotThrow(() -> guard.check("the json report", folder.resolve("missing/accounts.ldjson"), "x"));
    }

    @Test
    void reportsAreNamedByTheirFormatAndStandardOutputIsNoFile() throws Exception {
        Path input = input();
        Map<ReportFormat, Path> reports = new LinkedHashMap<>();
        reports.put(ReportFormat.TEXT, null);
        reports.put(ReportFormat.SARIF, folder.resolve("gongcrm.sarif"));
        OutputGuard guard = new OutputGuard().protectAll(List.of(input));
        assertDoesNotThrow(() -> guard.checkReports(reports, "name another file"));
        reports.put(ReportFormat.CSV, input);
        assertEquals("the csv report '" + input + "' would overwrite the input '" + input + "'; name another file",
                assertThrows(OutputOverwritesInputException.class,
                        () -> guard.checkReports(reports, "name another file")).getMessage());
    }
}
