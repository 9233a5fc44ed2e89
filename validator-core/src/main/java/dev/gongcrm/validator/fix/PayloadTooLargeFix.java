package dev.gongcrm.validator.fix;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code payload-too-large}: a file over the limit is split at line boundaries into parts below it, in
 * order, named {@code deals.part-001.ldjson}: the name keeps the type's word (so the bundle scanner gives
 * each part the file's type) and the number sorts the parts in upload order.
 */
final class PayloadTooLargeFix {

    static final String RULE = "payload-too-large";

    private final long maxPartBytes;

    PayloadTooLargeFix(long maxPartBytes) {
        this.maxPartBytes = maxPartBytes;
    }

    boolean needsSplit(Path file) throws IOException {
        return Files.size(file) > maxPartBytes;
    }

    /** {@code deals.ldjson}, part 1 as {@code deals.part-001.ldjson}. */
    static String partName(String fileName, int part) {
        int dot = fileName.lastIndexOf('.');
        String stem = dot < 0 ? fileName : fileName.substring(0, dot);
        String extension = dot < 0 ? "" : fileName.substring(dot);
        return String.format(Locale.ROOT, "%s.part-%03d%s", stem, part, extension);
    }

    /**
     * Copies {@code file} into temporary parts in {@code folder}, each at most the limit (a single longer
     * line makes a part of its own, which the validation then reports), returned in order.
     */
    List<Path> split(Path file, Path folder) throws IOException {
        List<Path> parts = new ArrayList<>();
        boolean complete = false;
        try {
            copyIntoParts(file, folder, parts);
            complete = true;
            return parts;
        } finally {
            if (!complete) {
                // each part is as large as the limit: none may stay behind when the split fails
                for (Path part : parts) {
                    Files.deleteIfExists(part);
                }
            }
        }
    }

    private void copyIntoParts(Path file, Path folder, List<Path> parts) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            OutputStream out = null;
            long partBytes = 0;
            try {
                while (readLine(in, line)) {
                    if (out == null || partBytes + line.size() > maxPartBytes) {
                        if (out != null) {
                            out.close();
                        }
                        Path part = LineFiles.temporary(folder);
                        parts.add(part);
                        out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16);
                        partBytes = 0;
                    }
                    line.writeTo(out);
                    partBytes += line.size();
                }
            } finally {
                if (out != null) {
                    out.close();
                }
            }
        }
    }

    /** Reads one line with its {@code \n} (the last may have none) into {@code line}; false at the end. */
    private static boolean readLine(InputStream in, ByteArrayOutputStream line) throws IOException {
        line.reset();
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.size() > 0;
    }
}
