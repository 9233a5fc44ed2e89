package dev.gongcrm.validator.bundle;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.regex.Pattern;

/**
 * Lines of an LDJSON file put in the order of an instant (their modifiedDate), stably: lines of one
 * instant keep the order they were added in. At most about {@code maxBufferedChars} of them are held in
 * memory; beyond that, sorted runs go to temporary files in {@code runFolder}, merged at the end (an
 * external merge sort), so that a file larger than the heap sorts too. Lines are split at {@code \n}
 * only: a {@code \r} or a tab in a line stays part of it.
 */
public final class LinesByInstant implements Closeable {

    /** About 16 MB of lines: a 500 MB file sorts in some thirty runs in a 256 MB heap. */
    public static final long DEFAULT_MAX_BUFFERED_CHARS = 8L << 20;

    private record Line(long instant, String text) {
    }

    private static final String RUN_FOLDER_SUFFIX = ".runs";
    private static final Pattern RUN_FILE = Pattern.compile("run-[0-9]+\\.tmp");

    private final Path runFolder;
    private final long maxBufferedChars;
    private final List<Line> buffer = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private long bufferedChars;

    /**
     * The run folder of a sort whose output is the fresh temporary file {@code output}: beside it, and as
     * unique as its name.
     */
    public static Path runFolderBeside(Path output) {
        return output.resolveSibling(output.getFileName() + RUN_FOLDER_SUFFIX);
    }

    /** Whether {@code name} is that of a {@link #runFolderBeside} folder. */
    public static boolean isRunFolderName(String name) {
        return name.endsWith(RUN_FOLDER_SUFFIX);
    }

    /** The name of the output a run folder was made for. */
    public static String outputOfRunFolder(String runFolderName) {
        return runFolderName.substring(0, runFolderName.length() - RUN_FOLDER_SUFFIX.length());
    }

    /** Whether {@code name} is that of a run file this class writes into its run folder. */
    public static boolean isRunFileName(String name) {
        return RUN_FILE.matcher(name).matches();
    }

    /**
     * @param runFolder where temporary runs are written: created with the first run, deleted by {@link #close}
     */
    public LinesByInstant(Path runFolder, long maxBufferedChars) {
        this.runFolder = runFolder;
        this.maxBufferedChars = Math.max(1, maxBufferedChars);
    }

    /** Adds a line (without its {@code \n}); {@code instant} orders it: Long.MAX_VALUE puts it last. */
    public void add(long instant, String line) throws IOException {
        buffer.add(new Line(instant, line));
        bufferedChars += line.length() + 32;
        if (bufferedChars >= maxBufferedChars) {
            spill();
        }
    }

    /** Writes every line added, in order, each followed by {@code \n}. */
    public void writeTo(Writer out) throws IOException {
        buffer.sort(Comparator.comparingLong(Line::instant));
        if (runs.isEmpty()) {
            for (Line line : buffer) {
                out.write(line.text());
                out.write('\n');
            }
            return;
        }
        spill();
        merge(out);
    }

    private void spill() throws IOException {
        if (buffer.isEmpty()) {
            return;
        }
        buffer.sort(Comparator.comparingLong(Line::instant));
        Files.createDirectories(runFolder);
        Path run = runFolder.resolve("run-" + runs.size() + ".tmp");
        runs.add(run);
        try (BufferedWriter writer = Files.newBufferedWriter(run, StandardCharsets.UTF_8)) {
            for (Line line : buffer) {
                writer.write(Long.toString(line.instant()));
                writer.write(' ');
                writer.write(line.text());
                writer.write('\n');
            }
        }
        buffer.clear();
        bufferedChars = 0;
    }

    /** A k-way merge; between equal instants the earlier run wins, which keeps the sort stable. */
    private void merge(Writer out) throws IOException {
        PriorityQueue<RunCursor> heads = new PriorityQueue<>(
                Comparator.comparingLong((RunCursor cursor) -> cursor.instant).thenComparingInt(cursor -> cursor.index));
        List<RunCursor> cursors = new ArrayList<>();
        try {
            for (int i = 0; i < runs.size(); i++) {
                RunCursor cursor = new RunCursor(i, Files.newBufferedReader(runs.get(i), StandardCharsets.UTF_8));
                cursors.add(cursor);
                if (cursor.advance()) {
                    heads.add(cursor);
                }
            }
            while (!heads.isEmpty()) {
                RunCursor head = heads.poll();
                out.write(head.text);
                out.write('\n');
                if (head.advance()) {
                    heads.add(head);
                }
            }
        } finally {
            for (RunCursor cursor : cursors) {
                cursor.reader.close();
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (Path run : runs) {
            Files.deleteIfExists(run);
        }
        Files.deleteIfExists(runFolder);
    }

    private static final class RunCursor {
        final int index;
        final Reader reader;
        final StringBuilder line = new StringBuilder();
        long instant;
        String text;

        RunCursor(int index, BufferedReader reader) {
            this.index = index;
            this.reader = reader;
        }

        /** Reads the next "instant line" of the run, split at {@code \n} only (readLine would split at {@code \r}). */
        boolean advance() throws IOException {
            line.setLength(0);
            int c;
            while ((c = reader.read()) >= 0 && c != '\n') {
                line.append((char) c);
            }
            if (c < 0 && line.length() == 0) {
                return false;
            }
            int space = line.indexOf(" ");
            instant = Long.parseLong(line, 0, space, 10);
            text = line.substring(space + 1);
            return true;
        }
    }
}
