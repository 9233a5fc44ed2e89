package dev.gongcrm.validator.fix;

import dev.gongcrm.validator.report.ReportFiles;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lines of an LDJSON file, split at {@code \n} only: a {@code \r} before it stays part of the line, so
 * a line is written back with the bytes it was read with. Reading is strict UTF-8 (a file that is not
 * is copied as it is by the caller, never re-encoded).
 */
final class LineFiles {

    /** What the names of fix's temporary files are made from. */
    private static final String TEMPORARY_STEM = "gongcrm-fix";

    private LineFiles() {
    }

    static Reader open(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    }

    static Writer create(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    }

    /** The next line without its {@code \n}, or null at the end; a last line without {@code \n} counts. */
    static String next(Reader reader, StringBuilder buffer) throws IOException {
        buffer.setLength(0);
        int c;
        while ((c = reader.read()) >= 0) {
            if (c == '\n') {
                return buffer.toString();
            }
            buffer.append((char) c);
        }
        return buffer.length() == 0 ? null : buffer.toString();
    }

    static void write(Writer writer, String line) throws IOException {
        writer.write(line);
        writer.write('\n');
    }

    /** A fresh temporary file in {@code folder}, so that moving it over its target is one rename. */
    static Path temporary(Path folder) throws IOException {
        return ReportFiles.temporaryBeside(folder.resolve(TEMPORARY_STEM));
    }

    /** Whether {@code name} is that of a file {@link #temporary} makes (hidden: {@code .gongcrm-fix.*.tmp}). */
    static boolean isTemporaryName(String name) {
        return ReportFiles.isTemporaryName(name, TEMPORARY_STEM);
    }
}
