package dev.gongcrm.validator.fix;

import dev.gongcrm.validator.bundle.LinesByInstant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * The temporary files of a fix that was killed: nothing of a process runs after kill -9 or a power cut to
 * remove them, and each is as large as the file it was fixing, hidden ({@code .gongcrm-fix.*.tmp}, and the
 * sort's {@code .runs} folder beside one), so every killed run of a nightly job would leave another. A later
 * fix removes them from the folders it writes to: entries of those names only, never another program's, and
 * only when nothing in them was written for {@link #MINIMUM_AGE}, since a fix running at the same time
 * keeps writing its own.
 */
public final class StaleTemporaryFiles {

    /** A live fix writes its temporary files from start to end; one untouched this long belongs to no run. */
    public static final Duration MINIMUM_AGE = Duration.ofHours(1);

    private final Clock clock;

    /** @param clock what "now" is when telling the age of a file (tests fix it; runs use the system's) */
    public StaleTemporaryFiles(Clock clock) {
        this.clock = clock;
    }

    /** What a cleanup removed: how many files, their bytes, and the folders (as given) that held them. */
    public record Removed(int count, long bytes, List<Path> folders) {
        public Removed {
            folders = List.copyOf(folders);
        }
    }

    /**
     * Removes the stale temporary files of earlier fixes from these folders. A folder that does not exist or
     * cannot be read, and a file that cannot be removed, are left to the fix that follows, which writes there
     * and says what is wrong if anything is.
     */
    public Removed removeFrom(Collection<Path> folders) {
        Instant writtenBefore = clock.instant().minus(MINIMUM_AGE);
        int files = 0;
        long bytes = 0;
        List<Path> where = new ArrayList<>();
        for (Path folder : folders) {
            Removed removed = removeFrom(folder, writtenBefore);
            if (removed.count() > 0) {
                files += removed.count();
                bytes += removed.bytes();
                where.add(folder);
            }
        }
        return new Removed(files, bytes, where);
    }

    private static Removed removeFrom(Path folder, Instant writtenBefore) {
        int files = 0;
        long bytes = 0;
        for (Path entry : entries(folder)) {
            for (Path stale : stale(entry, writtenBefore)) {
                BasicFileAttributes attributes = attributes(stale);
                if (attributes == null || !delete(stale)) {
                    break; // a run folder goes only after all its runs
                }
                if (attributes.isRegularFile()) {
                    files++;
                    bytes += attributes.size();
                }
            }
        }
        return new Removed(files, bytes, List.of(folder));
    }

    /** What of a folder's entry is to be removed, in that order: nothing unless it is a stale leftover of a fix. */
    private static List<Path> stale(Path entry, Instant writtenBefore) {
        String name = entry.getFileName().toString();
        if (LineFiles.isTemporaryName(name)) {
            return staleFile(entry, writtenBefore);
        }
        if (LinesByInstant.isRunFolderName(name) && LineFiles.isTemporaryName(LinesByInstant.outputOfRunFolder(name))) {
            return staleRunFolder(entry, writtenBefore);
        }
        return List.of();
    }

    /** The file itself when it is a regular file untouched since {@code writtenBefore}; else nothing. */
    private static List<Path> staleFile(Path file, Instant writtenBefore) {
        BasicFileAttributes attributes = attributes(file);
        return attributes != null && attributes.isRegularFile()
                && attributes.lastModifiedTime().toInstant().isBefore(writtenBefore) ? List.of(file) : List.of();
    }

    /**
     * A sort's run folder with its run files, the folder last, when it holds nothing else and nothing in it was
     * written since {@code writtenBefore}; else nothing.
     */
    private static List<Path> staleRunFolder(Path folder, Instant writtenBefore) {
        BasicFileAttributes folderAttributes = attributes(folder);
        if (folderAttributes == null || !folderAttributes.isDirectory()
                || !folderAttributes.lastModifiedTime().toInstant().isBefore(writtenBefore)) {
            return List.of();
        }
        List<Path> runs = new ArrayList<>();
        for (Path run : entries(folder)) {
            if (!LinesByInstant.isRunFileName(run.getFileName().toString()) || staleFile(run, writtenBefore).isEmpty()) {
                return List.of();
            }
            runs.add(run);
        }
        runs.add(folder);
        return runs;
    }

    private static List<Path> entries(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList();
        } catch (IOException | UncheckedIOException | DirectoryIteratorException e) {
            return List.of();
        }
    }

    private static BasicFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean delete(Path path) {
        try {
            Files.deleteIfExists(path);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
