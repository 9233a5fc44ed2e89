package dev.gongcrm.validator.fix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What a killed fix left behind goes at the next run: its own names only, and only once nothing writes them. */
class StaleTemporaryFilesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
    private static final StaleTemporaryFiles CLEANUP = new StaleTemporaryFiles(Clock.fixed(NOW, ZoneOffset.UTC));

    @TempDir
    Path folder;

    /** A file of {@code size} bytes last written {@code age} before {@link #NOW}. */
    private Path file(String name, int size, Duration age) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[size]);
        Files.setLastModifiedTime(file, FileTime.from(NOW.minus(age)));
        return file;
    }

    private List<String> left() throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(path -> !path.equals(folder)).map(path -> folder.relativize(path).toString()).sorted().toList();
        }
    }

    @Test
    void fixTemporariesUntouchedForAnHourAreRemovedAndCounted() throws Exception {
        Path stale = file(".gongcrm-fix.3k9x0a7q1m2z.tmp", 1000, Duration.ofMinutes(61));
        file(".gongcrm-fix.1a.tmp", 24, Duration.ofDays(3));
        file("accounts.ldjson", 10, Duration.ofDays(3));

        StaleTemporaryFiles.Removed removed = CLEANUP.removeFrom(List.of(folder));

        assertEquals(new StaleTemporaryFiles.Removed(2, 1024, List.of(folder)), removed);
        assertEquals(List.of("accounts.ldjson"), left());
        assertTrue(Files.notExists(stale));
    }

    @Test
    void aTemporaryFileWrittenWithinTheHourBelongsToARunningFixAndStays() throws Exception {
        file(".gongcrm-fix.live.tmp", 1000, Duration.ofMinutes(59));
        assertEquals(new StaleTemporaryFiles.Removed(0, 0, List.of()), CLEANUP.removeFrom(List.of(folder)));
        assertEquals(List.of(".gongcrm-fix.live.tmp"), left());
    }

    @Test
    void namesThatAreNotFixsOwnAreLeftWhateverTheirAge() throws Exception {
        Duration old = Duration.ofDays(30);
        List<String> others = List.of(
                ".accounts.ldjson.3k9x0a7q1m2z.tmp",    // a report's or convert's temporary file, not fix's
                ".gongcrm-fix.3K9X.tmp",                // not how the random part is written
                ".gongcrm-fix..tmp",
                ".gongcrm-fix.3k9x0a7q1m2z0a.tmp",      // longer than a 64-bit number in base 36
                "gongcrm-fix.3k9x.tmp",                 // not hidden
                ".gongcrm-fix.3k9x.tmp.bak",
                "notes.tmp");
        for (String name : others) {
            file(name, 10, old);
        }
        assertEquals(0, CLEANUP.removeFrom(List.of(folder)).count());
        assertEquals(others.stream().sorted().toList(), left());
    }

    @Test
    void aSymbolicLinkNamedLikeATemporaryFileIsNotFollowedNorRemoved() throws Exception {
        Path data = file("accounts.ldjson", 10, Duration.ofDays(3));
        Path link = folder.resolve(".gongcrm-fix.abc.tmp");
        try {
            Files.createSymbolicLink(link, data.getFileName());
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "symbolic links need a file system that has them");
        }
        assertEquals(0, CLEANUP.removeFrom(List.of(folder)).count());
        assertEquals(List.of(".gongcrm-fix.abc.tmp", "accounts.ldjson"), left());
    }

    @Test
    void theRunsOfAKilledSortGoWithTheirFolderOnlyWhenNothingElseIsInIt() throws Exception {
        Duration old = Duration.ofHours(5);
        file(".gongcrm-fix.a1.tmp.runs/run-0.tmp", 300, old);
        file(".gongcrm-fix.a1.tmp.runs/run-1.tmp", 200, old);
        Files.setLastModifiedTime(folder.resolve(".gongcrm-fix.a1.tmp.runs"), FileTime.from(NOW.minus(old)));
        file(".gongcrm-fix.b2.tmp.runs/run-0.tmp", 300, old);
        file(".gongcrm-fix.b2.tmp.runs/mine.txt", 1, old);
        Files.setLastModifiedTime(folder.resolve(".gongcrm-fix.b2.tmp.runs"), FileTime.from(NOW.minus(old)));
        file(".gongcrm-fix.c3.tmp.runs/run-0.tmp", 300, old);
        file(".gongcrm-fix.c3.tmp.runs/run-1.tmp", 300, Duration.ofMinutes(1)); // a sort still spilling

        assertEquals(new StaleTemporaryFiles.Removed(2, 500, List.of(folder)), CLEANUP.removeFrom(List.of(folder)));
        assertEquals(List.of(".gongcrm-fix.b2.tmp.runs", ".gongcrm-fix.b2.tmp.runs/mine.txt",
                ".gongcrm-fix.b2.tmp.runs/run-0.tmp", ".gongcrm-fix.c3.tmp.runs", ".gongcrm-fix.c3.tmp.runs/run-0.tmp",
                ".gongcrm-fix.c3.tmp.runs/run-1.tmp"), left());
    }

    @Test
    void onlyTheFoldersGivenAreCleanedAndAMissingOneIsNothingToClean() throws Exception {
        file("out/.gongcrm-fix.x.tmp", 7, Duration.ofHours(2));
        file("elsewhere/.gongcrm-fix.y.tmp", 7, Duration.ofHours(2));
        Path out = folder.resolve("out");
        StaleTemporaryFiles.Removed removed = CLEANUP.removeFrom(List.of(out, folder.resolve("not-created-yet")));
        assertEquals(new StaleTemporaryFiles.Removed(1, 7, List.of(out)), removed);
        assertEquals(List.of("elsewhere", "elsewhere/.gongcrm-fix.y.tmp", "out"), left());
    }
}
