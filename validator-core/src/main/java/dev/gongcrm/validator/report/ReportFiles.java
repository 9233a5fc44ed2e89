package dev.gongcrm.validator.report;

import dev.gongcrm.validator.ValidationResult;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes output files whole or not at all: a crash never leaves half a report behind. */
public final class ReportFiles {

    private ReportFiles() {
    }

    /** Writes a report of the result in that format to the file, replacing it whole. */
    public static void write(ReportFormat format, ValidationResult result, Path target) throws IOException {
        StringWriter text = new StringWriter();
        format.writer().write(result, text);
        writeAtomically(target, text.toString());
    }

    static void writeAtomically(Path target, String content) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new IOException("'" + target + "' is a folder; name the report file, e.g. " + target.resolve("gongcrm.sarif"));
        }
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
