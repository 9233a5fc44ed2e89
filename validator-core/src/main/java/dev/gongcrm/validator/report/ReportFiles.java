package dev.gongcrm.validator.report;

import dev.gongcrm.validator.IoFailures;
import dev.gongcrm.validator.ValidationResult;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes output files. A regular file (or a new one) is replaced whole or not at all: a crash never
 * leaves half a report behind. Anything else at the path (a symbolic link, a device such as
 * {@code /dev/null} or {@code /dev/stdout}, a named pipe such as {@code >(gzip > r.gz)}) is written
 * through, never replaced.
 */
public final class ReportFiles {

    private static final String TEMPORARY_SUFFIX = ".tmp";
    /** Digits and lower-case letters, as {@link Long#toUnsignedString(long, int)} writes base 36. */
    private static final int RANDOM_RADIX = 36;
    /** Digits of a 64-bit number in base 36. */
    private static final int MAX_RANDOM_DIGITS = 13;

    private ReportFiles() {
    }

    /**
     * Writes a report of the result in that format to the file (see the class comment for how); the result names
     * its files relative to {@code base} ({@link ValidationResult#relativeTo}).
     */
    public static void write(ReportFormat format, ValidationResult result, Path base, Path target)
            throws IOException {
        if (Files.isDirectory(target.toAbsolutePath())) {
            throw new IOException(folderGiven(target, format));
        }
        StringWriter text = new StringWriter();
        format.writer(base).write(result, text);
        write(target, text.toString());
    }

    /** What to say of a report file that is a folder: the name the format would have in it. */
    public static String folderGiven(Path target, ReportFormat format) {
        return "'" + target + "' is a folder; name the report file, e.g. " + target.resolve(format.defaultFileName());
    }

    /**
     * Writes each report file; one that cannot be written does not stop the others. Returns, for each that
     * could not be, why ("cannot write the json report to 'F': permission denied"); empty when all were.
     */
    public static Map<ReportFormat, String> writeAll(Map<ReportFormat, Path> files, ValidationResult result,
                                                     Path base) {
        Map<ReportFormat, String> failed = new LinkedHashMap<>();
        files.forEach((format, target) -> {
            try {
                write(format, result, base, target);
            } catch (IOException e) {
                // the report is named already: a file-system failure says only why (its path may be the
                // temporary file beside the report)
                failed.put(format, "cannot write the " + format.id() + " report to '" + target + "': "
                        + (e instanceof java.nio.file.FileSystemException ? IoFailures.why(e) : e.getMessage()));
            }
        });
        return failed;
    }

    /**
     * Writes the content as UTF-8; a character UTF-8 cannot encode (a lone surrogate from a JSON escape
     * such as {@code "\}{@code ud800"}) is written as U+FFFD instead of failing the report.
     */
    static void write(Path target, String content) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new IOException("'" + target + "' is a folder; name the file");
        }
        byte[] bytes = utf8(content);
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
            try (OutputStream out = Files.newOutputStream(absolute)) {
                out.write(bytes);
            }
            return;
        }
        Path folder = absolute.getParent();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IOException("'" + folder + "' is not a folder");
        }
        Files.createDirectories(folder);
        Path temporary = temporaryBeside(absolute);
        try {
            Files.write(temporary, bytes);
            moveAtomically(temporary, absolute);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * A new, empty file next to {@code target}, to be renamed onto it: created with the permissions
     * new files get here (the umask's, not the owner-only ones of {@link Files#createTempFile}, which
     * would make a CI artifact unreadable), or the target's own when it exists.
     */
    public static Path temporaryBeside(Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        while (true) {
            Path candidate = folder.resolve("." + target.getFileName() + "." + Long.toUnsignedString(
                    java.util.concurrent.ThreadLocalRandom.current().nextLong(), RANDOM_RADIX) + TEMPORARY_SUFFIX);
            try {
                Path created = Files.createFile(candidate);
                if (Files.isRegularFile(target) && Files.getFileStore(created).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(created, Files.getPosixFilePermissions(target));
                }
                return created;
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // another writer's temporary file: draw another name
            }
        }
    }

    /**
     * Whether {@code name} is the name {@link #temporaryBeside} gives a temporary file for a target named
     * {@code targetName}: how a later run tells the leftovers of a killed one from anything else.
     */
    public static boolean isTemporaryName(String name, String targetName) {
        String prefix = "." + targetName + ".";
        if (!name.startsWith(prefix) || !name.endsWith(TEMPORARY_SUFFIX)) {
            return false;
        }
        String random = name.substring(prefix.length(), name.length() - TEMPORARY_SUFFIX.length());
        return !random.isEmpty() && random.length() <= MAX_RANDOM_DIGITS
                && random.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'z');
    }

    /** Renames a complete file onto its target in one step where the file system can (readers see old or new). */
    public static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static byte[] utf8(String content) throws CharacterCodingException {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith("\uFFFD".getBytes(StandardCharsets.UTF_8));
        ByteBuffer encoded = encoder.encode(CharBuffer.wrap(content));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }
}
