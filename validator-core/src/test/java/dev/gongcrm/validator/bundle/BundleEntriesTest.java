package dev.gongcrm.validator.bundle;

import dev.gongcrm.validator.IoFailures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An entry of a bundle folder that is named like a bundle file but cannot be read as one is an error, never skipped. */
class BundleEntriesTest {

    private static final String GOOD = "{\"objectId\": \"a\", \"modifiedDate\": \"2024-01-01T00:00:00Z\"}\n";

    @TempDir
    Path folder;

    private String scanError() throws IOException {
        Files.writeString(folder.resolve("accounts.ldjson"), GOOD);
        BundleException e = assertThrows(BundleException.class,
                () -> new BundleScanner(Map.of()).scan(List.of(folder)));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aDanglingSymbolicLink() throws IOException {
        Files.createSymbolicLink(folder.resolve("deals.ldjson"), folder.resolve("gone.ldjson"));
        String message = scanError();
        assertTrue(message.startsWith("'" + folder.resolve("deals.ldjson") + "' is a symbolic link to '"
                + folder.resolve("gone.ldjson") + "', which does not exist"), message);
    }

    @Test
    void aLoopOfSymbolicLinks() throws IOException {
        Files.createSymbolicLink(folder.resolve("deals.ldjson"), folder.resolve("contacts.ldjson"));
        Files.createSymbolicLink(folder.resolve("contacts.ldjson"), folder.resolve("deals.ldjson"));
        String message = scanError();
        assertTrue(message.contains("cannot be read: ") && message.toLowerCase().contains("symbolic links"), message);
    }

    @Test
    void aFolderNamedLikeAnEntityFile() throws IOException {
        Files.createDirectory(folder.resolve("deals.ldjson"));
        assertTrue(scanError().startsWith("'" + folder.resolve("deals.ldjson") + "' is a folder; "), scanError());
    }

    @Test
    void aNamedPipe() throws Exception {
        Path fifo = folder.resolve("deals.ldjson");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        assertTrue(scanError().startsWith("'" + fifo + "' is a named pipe (FIFO), not a regular file"), scanError());
    }

    @Test
    void aSchemaFileThatIsAFolder() throws IOException {
        Files.createDirectory(folder.resolve("deal.schema.json"));
        assertTrue(scanError().contains("deal.schema.json' is a folder"), scanError());
    }

    @Test
    void entriesNamedLikeNoBundleFileAreStillIgnored() throws Exception {
        Files.createSymbolicLink(folder.resolve("notes.txt"), folder.resolve("gone"));
        Files.createDirectory(folder.resolve("archive"));
        Files.writeString(folder.resolve("accounts.ldjson"), GOOD);
        assertEquals(1, new BundleScanner(Map.of()).scan(List.of(folder)).size());
    }

    @Test
    void aPathGivenByNameThatIsADanglingLinkSaysSo() throws IOException {
        Path link = folder.resolve("deals.ldjson");
        Files.createSymbolicLink(link, folder.resolve("gone.ldjson"));
        BundleException e = assertThrows(BundleException.class, () -> new BundleScanner(Map.of()).scan(List.of(link)));
        assertTrue(e.getMessage().contains("is a symbolic link to"), e.getMessage());
    }

    @Test
    void aFolderThatCannotBeListedSaysWhy() throws IOException {
        Path file = folder.resolve("plain");
        Files.writeString(file, "x");
        // a folder that vanished between the check and the listing, or one without permission
        assertEquals("permission denied", IoFailures.why(new AccessDeniedException(folder.toString())));
        assertEquals("no such file or folder", IoFailures.why(new NoSuchFileException(folder.toString())));
        assertEquals("IOException: disk on fire", IoFailures.why(new IOException("disk on fire")));
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root) {
            Path locked = Files.createDirectory(folder.resolve("locked"));
            Files.writeString(locked.resolve("deals.ldjson"), GOOD);
            assertTrue(locked.toFile().setReadable(false));
            try {
                BundleException e = assertThrows(BundleException.class,
                        () -> new BundleScanner(Map.of()).scan(List.of(locked)));
                assertEquals("cannot list '" + locked + "': permission denied", e.getMessage());
            } finally {
                locked.toFile().setReadable(true);
            }
        }
    }
}
