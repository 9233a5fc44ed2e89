package dev.gongcrm.validator;

import dev.gongcrm.validator.bundle.BundleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paths and files that are not a proper bundle give a finding or a one-line error, never a crash. */
class BadInputTest {

    @TempDir
    Path folder;

    private ValidationResult validate(Path... paths) throws Exception {
        return Validator.builder().build().validate(List.of(paths));
    }

    @Test
    void aMissingPathIsAnError() {
        BundleException e = assertThrows(BundleException.class, () -> validate(folder.resolve("nope")));
        assertTrue(e.getMessage().contains("does not exist"));
    }

    @Test
    void aFolderWithNothingRecognisableIsAnError() throws Exception {
        Files.writeString(folder.resolve("README.md"), "hello");
        BundleException e = assertThrows(BundleException.class, () -> validate(folder));
        assertTrue(e.getMessage().contains("holds no .ldjson"), e.getMessage());
    }

    @Test
    void aFileWhoseTypeCannotBeToldIsAFindingAndItsSyntaxIsStillChecked() throws Exception {
        Path file = Files.writeString(folder.resolve("export.ldjson"), "{\"a\": 1}\n{bad\n");
        ValidationResult result = validate(file);
        assertEquals(List.of("unknown-object-type:0", "invalid-json:2"),
                result.findings().stream().map(f -> f.rule() + ":" + f.line()).toList());
    }

    @Test
    void truncatedJsonIsReportedInOurWordsWithoutTheParsersInternals() throws Exception {
        Files.writeString(folder.resolve("deal.schema.json"), "[{\"uniqueName\": \"x\", \"type\": \"STRING\"");
        Files.writeString(folder.resolve("deals.ldjson"), "{\"objectId\": \"d\", \"stage\": [1, 2\n");
        ValidationResult result = validate(folder);
        assertEquals(List.of("invalid-json:1:38", "invalid-json:1:33"),
                result.findings().stream().map(f -> f.rule() + ":" + f.line() + ":" + f.column()).toList());
        for (Finding finding : result.findings()) {
            assertTrue(finding.message().startsWith("Unexpected end-of-input")
                    || finding.message().startsWith("the line ends before"), finding.message());
            for (String internal : List.of("Source", "REDACTED", "StreamReadFeature", "start marker", "\n")) {
                assertTrue(!finding.message().contains(internal), finding.message());
            }
        }
    }

    @Test
    void theTypeCanBeGivenForAFile() throws Exception {
        Path file = Files.writeString(folder.resolve("export.ldjson"),
                "{\"objectId\": \"u\", \"modifiedDate\": \"2019-01-03T23:45:57Z\", \"emailAddress\": \"u@example.com\"}\n");
        ValidationResult result = Validator.builder().type("export.ldjson", ObjectType.BUSINESS_USER).build()
                .validate(List.of(file));
        assertEquals(List.of(), result.findings());
    }

    @Test
    void aFileOver200MegabytesIsReportedWithoutBeingLoaded() throws Exception {
        Path file = folder.resolve("deals.ldjson");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(201L * 1024 * 1024);
        }
        ValidationResult result = validate(file);
        assertEquals("payload-too-large", result.findings().get(0).rule());
        assertTrue(result.findings().get(0).message().contains("split it"));
    }

    @Test
    void anEmptyFileIsAWarning() throws Exception {
        ValidationResult result = validate(Files.writeString(folder.resolve("leads.ldjson"), ""));
        assertEquals("empty-file", result.findings().get(0).rule());
        assertEquals(Severity.WARNING, result.findings().get(0).severity());
    }
}
