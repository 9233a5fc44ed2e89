package dev.gongcrm.validator.report;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.Severity;
import dev.gongcrm.validator.ValidationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Report files: a regular file is replaced whole, anything else at the path is written through, never replaced. */
class ReportFilesTest {

    @TempDir
    Path folder;

    static final ValidationResult RESULT = new ValidationResult(
            List.of(new Finding("url-format", Severity.WARNING, "accounts.ldjson", 1, 5, "a1", "/url", "bad url")),
            Map.of(Severity.WARNING, 1L), List.of("accounts.ldjson"), 1);

    private static boolean run(String... command) throws Exception {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private List<Path> leftovers() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void aDeviceNodeStaysADevice() throws Exception {
        Path device = folder.resolve("dn");
        assumeTrue(run("mknod", device.toString(), "c", "1", "3"), "mknod needs root");
        ReportFiles.write(ReportFormat.TEXT, RESULT, Path.of(""), device);
        BasicFileAttributes attributes = Files.readAttributes(device, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        assertTrue(attributes.isOther(), "still a device node, not a regular file");
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aSymbolicLinkIsWrittenThroughNotReplaced() throws Exception {
        Path real = Files.writeString(folder.resolve("real.txt"), "an old, longer report that must go entirely");
        Path link = Files.createSymbolicLink(folder.resolve("link.txt"), real.getFileName());
        ReportFiles.write(ReportFormat.TEXT, RESULT, Path.of(""), link);
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals(TextReport.summary(RESULT) + "\n", Files.readString(real).lines().reduce((a, b) -> b).get() + "\n");
        assertTrue(Files.readString(real).startsWith("accounts.ldjson:1:5: warning[url-format] bad url\n"));
        assertFalse(Files.readString(real).contains("old"));

        Path dangling = Files.createSymbolicLink(folder.resolve("dangling.txt"), folder.resolve("target.txt"));
        ReportFiles.write(ReportFormat.TEXT, RESULT, Path.of(""), dangling);
        assertTrue(Files.isSymbolicLink(dangling));
        assertTrue(Files.readString(folder.resolve("target.txt")).contains("bad url"));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aNamedPipeReceivesTheReport() throws Exception {
        Path fifo = folder.resolve("report.fifo");
        assumeTrue(run("mkfifo", fifo.toString()), "mkfifo is missing");
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        ReportFiles.write(ReportFormat.JSON, RESULT, Path.of(""), fifo);
        assertTrue(read.get(10, TimeUnit.SECONDS).contains("\"rule\":\"url-format\""));
        assertTrue(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther(),
                "still a pipe");
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aRegularFileIsReplacedWholeAndAFolderIsCreated() throws Exception {
        Path existing = Files.writeString(folder.resolve("r.txt"), "x".repeat(10_000));
        ReportFiles.write(ReportFormat.TEXT, RESULT, Path.of(""), existing);
        assertTrue(Files.readString(existing).startsWith("accounts.ldjson:1:5"));
        assertFalse(Files.readString(existing).contains("xxx"));
        Path fresh = folder.resolve("sub/folder/r.csv");
        ReportFiles.write(ReportFormat.CSV, RESULT, Path.of(""), fresh);
        assertTrue(Files.isRegularFile(fresh, LinkOption.NOFOLLOW_LINKS));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aLoneSurrogateIsWrittenReplacedInEveryFormat() throws Exception {
        ValidationResult surrogate = new ValidationResult(List.of(new Finding("url-format", Severity.WARNING,
                "accounts.ldjson", 1, 5, "a\ud800", "/url", "field 'url' is 'bad\ud800 url' \uD83D\uDE00")),
                Map.of(Severity.WARNING, 1L), List.of("accounts.ldjson"), 1);
        for (ReportFormat format : ReportFormat.values()) {
            Path file = folder.resolve(format.defaultFileName());
            ReportFiles.write(format, surrogate, Path.of(""), file);
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString(); // strict: throws on anything that is not UTF-8
            assertTrue(text.contains("bad"), format + ": " + text);
            assertTrue(text.contains("\uD83D\uDE00"), format + ": a valid pair is kept: " + text);
            assertFalse(text.replace("\uD83D\uDE00", "").chars().anyMatch(c -> Character.isSurrogate((char) c)),
                    format + ": no lone surrogate: " + text);
        }
    }

    @Test
    void aNewReportGetsThePermissionsOfNewFilesHereAndAReplacedOneKeepsItsOwn() throws Exception {
        assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path probe = Files.createFile(folder.resolve("probe"));
        Path report = folder.resolve("new.sarif");
        ReportFiles.write(ReportFormat.SARIF, RESULT, Path.of(""), report);
        assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(report),
                "the umask's permissions, not owner-only");

        Path shared = Files.writeString(folder.resolve("shared.txt"), "old");
        Set<PosixFilePermission> groupWritable = PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(shared, groupWritable);
        ReportFiles.write(ReportFormat.TEXT, RESULT, Path.of(""), shared);
        assertEquals(groupWritable, Files.getPosixFilePermissions(shared));
        assertEquals(List.of(), leftovers());
    }
}
