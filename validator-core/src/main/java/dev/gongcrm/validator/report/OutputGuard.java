package dev.gongcrm.validator.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The files a run reads, which none of its outputs may land on. An output replaces (or, through a symbolic
 * link, writes into) whatever its path resolves to, so a report named like an input, a link to one or a
 * hard link of one would destroy the data the run is about, and the run would still succeed. Callers
 * check every output before they write anything, so a refused run leaves every file as it was.
 *
 * <p>An output is an input when both are the same existing file (links followed; by device and inode where
 * the file system has them, else by real path), or, for a file not written yet, when both name the same
 * place: the real path of the nearest folder that exists, plus the rest of the name. Inputs that exist but
 * are no regular file (a pipe, a device) are not guarded: writing to them destroys nothing stored.
 */
public final class OutputGuard {

    /** As the kernel's own limit on links followed while resolving a name (Linux MAXSYMLINKS). */
    private static final int MAX_LINKS = 40;

    private final List<Guarded> inputs = new ArrayList<>();

    private record Guarded(String role, Path named, Location location) {
    }

    private enum Kind { REGULAR_FILE, OTHER, NOT_THERE }

    /** Where a name leads: the file's identity when it exists, its place in the file system, and what it is. */
    private record Location(Object fileKey, Path place, Kind kind) {
        boolean sameFileAs(Location other) {
            return fileKey != null && fileKey.equals(other.fileKey) || place.equals(other.place);
        }
    }

    /** Guards an input file of the run; null is ignored (an option not given). */
    public OutputGuard protect(Path input) {
        return protect("the input", input);
    }

    /**
     * Guards a file the run reads, or writes before it reads it again (a fixed or converted file that is then
     * validated), named in messages by its role, e.g. "the configuration file"; null is ignored.
     */
    public OutputGuard protect(String role, Path file) {
        if (file != null) {
            Location location = locate(file);
            if (location.kind != Kind.OTHER) {
                inputs.add(new Guarded(role, file, location));
            }
        }
        return this;
    }

    public OutputGuard protectAll(String role, Collection<Path> files) {
        files.forEach(file -> protect(role, file));
        return this;
    }

    public OutputGuard protectAll(Collection<Path> files) {
        return protectAll("the input", files);
    }

    /** {@link #check} for each report file; a report without one (standard output) lands on no file. */
    public void checkReports(Map<ReportFormat, Path> reports, String advice) throws OutputOverwritesInputException {
        for (Map.Entry<ReportFormat, Path> report : reports.entrySet()) {
            if (report.getValue() != null) {
                check("the " + report.getKey().id() + " report", report.getValue(), advice);
            }
        }
    }

    /**
     * Refuses an output that would land on a guarded file, with one line naming both.
     *
     * @param output what the output is, e.g. "the json report"
     * @param advice what to do instead, e.g. "name another file"
     */
    public void check(String output, Path target, String advice) throws OutputOverwritesInputException {
        Location location = locate(target);
        for (Guarded input : inputs) {
            if (input.location.sameFileAs(location)) {
                throw new OutputOverwritesInputException(output + " '" + target + "' would overwrite " + input.role
                        + " '" + input.named + "'" + how(target, location, input.location) + "; " + advice);
            }
        }
    }

    /** Why a name that differs is the same file, when that is not plain from the names. */
    private static String how(Path target, Location output, Location input) {
        if (Files.isSymbolicLink(target)) {
            return " (a symbolic link to it)";
        }
        return output.fileKey != null && !output.place.equals(input.place) ? " (a hard link to it)" : "";
    }

    private static Location locate(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return new Location(attributes.fileKey(), path.toRealPath(),
                    attributes.isRegularFile() ? Kind.REGULAR_FILE : Kind.OTHER);
        } catch (IOException e) {
            // not there (yet), or not to be looked at: where it would be created
            return new Location(null, placeOfNew(path.toAbsolutePath(), 0), Kind.NOT_THERE);
        }
    }

    /**
     * Where a file that does not exist would be created: a dangling symbolic link is followed (writing
     * through it creates its target), and the nearest folder that exists gives the real path.
     */
    private static Path placeOfNew(Path absolute, int linksFollowed) {
        if (linksFollowed < MAX_LINKS && Files.isSymbolicLink(absolute)) {
            try {
                Path target = absolute.resolveSibling(Files.readSymbolicLink(absolute));
                return placeOfNew(target.toAbsolutePath(), linksFollowed + 1);
            } catch (IOException | UnsupportedOperationException e) {
                // unreadable: the link's own place is the best answer left
            }
        }
        Path parent = absolute.getParent();
        if (parent == null || absolute.getFileName() == null) {
            return absolute.normalize();
        }
        Path folder;
        if (Files.exists(parent)) {
            try {
                folder = parent.toRealPath();
            } catch (IOException e) {
                folder = parent.normalize();
            }
        } else {
            folder = placeOfNew(parent, linksFollowed);
        }
        return folder.resolve(absolute.getFileName()).normalize();
    }
}
