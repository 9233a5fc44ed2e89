package dev.gongcrm.validator.bundle;

import java.nio.file.FileSystems;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/** Which files of a folder belong to the bundle: globs relative to the folder, and whether subfolders count. */
public record FolderFilter(List<String> includes, List<String> excludes, boolean recursive) {
    /** Every entity and schema file directly in the folder. */
    public static final FolderFilter DEFAULT = new FolderFilter(List.of(), List.of(), false);

    public FolderFilter {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        includes.forEach(FolderFilter::checkGlob);
        excludes.forEach(FolderFilter::checkGlob);
    }

    /**
     * Whether this is {@link #DEFAULT}. Not {@code equals}: a record's first {@code equals} links its
     * generated method at run time, some 30 ms of every command's start.
     */
    public boolean isDefault() {
        return includes.isEmpty() && excludes.isEmpty() && !recursive;
    }

    /** A pattern that is no glob is an IllegalArgumentException that says why, before any folder is read. */
    public static void checkGlob(String glob) {
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + glob + "' is not a glob pattern (" + e.getDescription()
                    + "); e.g. '*.ldjson', '**/2024-*/*'");
        }
    }
}
