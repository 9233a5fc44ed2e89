package dev.gongcrm.validator.report;

import dev.gongcrm.validator.Finding;
import dev.gongcrm.validator.read.TextEncoding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text of the lines that findings point at, for a report a person reads: findings carry a file, line and
 * column but not the line, so the lines are read from the files when the report is written. Each file is read
 * once, as bytes, up to its last line with a finding; of a line only a window of {@value #WINDOW} characters
 * around the columns of its findings is kept, so memory stays bounded by the number of findings whatever the
 * size of the files or their lines. A file that cannot be shown as text (missing, not a regular file, binary or
 * UTF-16, unreadable) shows no line rather than failing the report.
 *
 * <p>Lines and columns are counted as the validator counts them: lines end at {@code \n} (a {@code \r} before it
 * is no part of the line), columns count characters (UTF-8 lead bytes), 1 for the first.
 */
final class SourceLines {

    /** The most characters of one line shown: an LDJSON line can be megabytes long. */
    static final int WINDOW = 500;
    /** Characters kept after the marked one when a line is cut before it, so that what follows is seen too. */
    static final int AFTER = 100;
    private static final int CHUNK = 1 << 16;

    /**
     * Part of a line.
     *
     * @param start the 0-based character offset of {@code text} in its line: more than 0 when the line is cut
     *              before it
     * @param text the characters shown, every control character replaced in place ({@link Printable#replace})
     * @param cutAfter whether the line goes on after {@code text}
     */
    record Excerpt(int start, String text, boolean cutAfter) {
    }

    /**
     * The lines of a list of findings.
     *
     * @param excerpts the parts of lines shown, each once however many findings point into it
     * @param excerptOf for each finding (by its index), the index of its excerpt, or -1 when none is shown
     * @param markOf for each finding, the UTF-16 offset in its excerpt's text of the character at its column (the
     *               text's length when the column lies past the line's end), or -1 when it has no column or excerpt
     */
    record Lines(List<Excerpt> excerpts, int[] excerptOf, int[] markOf) {
    }

    /** A window of one line being read: the characters {@code [start, start + WINDOW)} and the findings in it. */
    private static final class Window {
        final int start;
        final List<Integer> findings = new ArrayList<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        /** Whether the file has its line: a finding of a file changed since may point past its end. */
        boolean reached;
        boolean cutAfter;

        Window(int start) {
            this.start = start;
        }
    }

    private SourceLines() {
    }

    /** The lines the findings point at, their files' relative names resolved against {@code base}. */
    static Lines read(Path base, List<Finding> findings) {
        int[] excerptOf = new int[findings.size()];
        int[] markOf = new int[findings.size()];
        Arrays.fill(excerptOf, -1);
        Arrays.fill(markOf, -1);
        List<Excerpt> excerpts = new ArrayList<>();
        Map<String, List<Integer>> byFile = new LinkedHashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            if (findings.get(i).line() > 0) {
                byFile.computeIfAbsent(findings.get(i).file(), f -> new ArrayList<>()).add(i);
            }
        }
        for (Map.Entry<String, List<Integer>> file : byFile.entrySet()) {
            Path path = resolve(base, file.getKey());
            if (path == null) {
                continue;
            }
            TreeMap<Integer, List<Window>> wanted = windows(findings, file.getValue());
            if (!readWindows(path, wanted)) {
                continue;
            }
            for (List<Window> windows : wanted.values()) {
                for (Window window : windows) {
                    if (!window.reached) {
                        continue;
                    }
                    String text = Printable.replace(window.bytes.toString(StandardCharsets.UTF_8));
                    for (int finding : window.findings) {
                        excerptOf[finding] = excerpts.size();
                        markOf[finding] = mark(text, window.start, findings.get(finding).column());
                    }
                    excerpts.add(new Excerpt(window.start, text, window.cutAfter));
                }
            }
        }
        return new Lines(excerpts, excerptOf, markOf);
    }

    /** The file as the report names it, relative to {@code base}; null when it is no regular file there. */
    private static Path resolve(Path base, String file) {
        try {
            Path path = base.resolve(file);
            return Files.isRegularFile(path) ? path : null;
        } catch (InvalidPathException | SecurityException e) {
            return null; // a name that is no path here, such as one with a NUL: nothing to show
        }
    }

    /**
     * The windows to keep of each line, in order: the first that holds a finding's column takes the finding,
     * else a new one does, placed so that the column has {@value #AFTER} characters after it in the window.
     */
    private static TreeMap<Integer, List<Window>> windows(List<Finding> findings, List<Integer> indexes) {
        TreeMap<Integer, List<Window>> wanted = new TreeMap<>();
        List<Integer> sorted = new ArrayList<>(indexes);
        sorted.sort(Comparator.<Integer>comparingInt(i -> findings.get(i).line())
                .thenComparingInt(i -> findings.get(i).column()));
        for (int index : sorted) {
            Finding finding = findings.get(index);
            int at = Math.max(0, finding.column() - 1);
            List<Window> line = wanted.computeIfAbsent(finding.line(), l -> new ArrayList<>());
            Window last = line.isEmpty() ? null : line.get(line.size() - 1);
            if (last == null || at >= last.start + WINDOW) {
                int start = Math.max(0, at - (WINDOW - AFTER));
                last = new Window(last == null ? start : Math.max(start, last.start + WINDOW));
                line.add(last);
            }
            last.findings.add(index);
        }
        return wanted;
    }

    /**
     * Fills the windows from the file, reading it once and no further than the last line wanted; false when the
     * file cannot be shown (binary, UTF-16, unreadable), whatever was read of it.
     */
    private static boolean readWindows(Path path, TreeMap<Integer, List<Window>> wanted) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[CHUNK];
            int length = in.readNBytes(buffer, 0, buffer.length);
            if (TextEncoding.problem(buffer, length) != null) {
                return false;
            }
            LineScan scan = new LineScan(wanted);
            while (length > 0 && scan.accept(buffer, length)) {
                length = in.read(buffer);
            }
            scan.endOfLine();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The UTF-16 offset in {@code text} (which starts at character {@code start} of its line) of {@code column}. */
    private static int mark(String text, int start, int column) {
        if (column <= 0) {
            return -1;
        }
        int characters = column - 1 - start;
        return characters >= text.codePointCount(0, text.length()) ? text.length()
                : text.offsetByCodePoints(0, characters);
    }

    /** Walks the bytes of a file line by line, copying the bytes of the wanted windows. */
    private static final class LineScan {
        private final TreeMap<Integer, List<Window>> wanted;
        private int line = 1;
        /** The windows of this line, or null when the line is not wanted. */
        private List<Window> windows;
        /** The window of this line the next characters may fall in. */
        private int next;
        /** The 0-based character of the line that the current byte belongs to (a lead byte starts the next). */
        private int character = -1;
        /** A {@code \r} not copied yet: it is no part of the line when {@code \n} follows. */
        private boolean pendingReturn;
        /** Whether a byte of this line was seen (its {@code \n} at least): whether the file has the line. */
        private boolean seen;

        LineScan(TreeMap<Integer, List<Window>> wanted) {
            this.wanted = wanted;
            this.windows = wanted.get(line);
        }

        /** Takes the next bytes; false once nothing after them is wanted. */
        boolean accept(byte[] buffer, int length) {
            for (int i = 0; i < length; i++) {
                byte b = buffer[i];
                if (!seen) {
                    seen = true;
                    if (windows != null) {
                        windows.forEach(window -> window.reached = true);
                    }
                }
                if (b == '\n') {
                    endOfLine();
                    if (line > wanted.lastKey()) {
                        return false;
                    }
                } else if (windows != null) {
                    if (pendingReturn) {
                        pendingReturn = false;
                        take((byte) '\r');
                    }
                    if (b == '\r') {
                        pendingReturn = true;
                    } else {
                        take(b);
                    }
                    if (windows == null && line == wanted.lastKey()) {
                        return false; // past the last window of the last line wanted: the rest may be gigabytes
                    }
                }
            }
            return true;
        }

        /**
         * Copies a byte of a wanted line into the window its character falls in, if any; past the line's last
         * window (whose line is then known to go on), the rest of the line is not wanted.
         */
        private void take(byte b) {
            if ((b & 0xC0) != 0x80) {
                character++;
            }
            while (next < windows.size() && character >= windows.get(next).start + WINDOW) {
                windows.get(next++).cutAfter = true;
            }
            if (next == windows.size()) {
                windows = null;
            } else if (character >= windows.get(next).start) {
                windows.get(next).bytes.write(b);
            }
        }

        /** The line ends (at {@code \n} or the end of the file): a {@code \r} before it is dropped. */
        void endOfLine() {
            line++;
            windows = wanted.get(line);
            next = 0;
            character = -1;
            pendingReturn = false;
            seen = false;
        }
    }
}
