package dev.gongcrm.validator;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** File-system failures in words, for the one-line messages of every command and goal. */
public final class IoFailures {

    private IoFailures() {
    }

    /**
     * The kind of file-system failure in words, for the exceptions whose message is only a path
     * (NoSuchFileException and its kin); null for others. Shared by every message about a path.
     */
    public static String kind(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        } else if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        } else if (e instanceof NotDirectoryException) {
            return "not a folder";
        } else if (e instanceof FileSystemLoopException) {
            return "a loop of symbolic links";
        }
        return null;
    }

    /** Why an I/O operation failed, in a few words for a one-line message. */
    public static String why(IOException e) {
        String kind = kind(e);
        if (kind == null) {
            kind = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : e.getClass().getSimpleName();
        }
        if (e instanceof FileSystemException fs) {
            return fs.getReason() != null && !fs.getReason().equals(kind) ? kind + " (" + fs.getReason() + ")" : kind;
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? kind : kind + ": " + e.getMessage();
    }

    /**
     * The path an I/O operation failed on and why, in words: {@code NoSuchFileException} and its kin carry only
     * the path as their message.
     */
    public static String whereAndWhy(IOException e) {
        String why = kind(e);
        if (why == null) {
            why = e instanceof FileAlreadyExistsException ? "exists and is not a folder"
                    : e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        }
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            String where = fs.getOtherFile() != null ? fs.getFile() + " -> " + fs.getOtherFile() : fs.getFile();
            return why == null ? where : where + ": " + why;
        }
        return why == null ? e.getClass().getSimpleName() : why;
    }
}
