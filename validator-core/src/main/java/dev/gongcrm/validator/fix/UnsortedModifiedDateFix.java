package dev.gongcrm.validator.fix;

import dev.gongcrm.validator.bundle.LinesByInstant;
import dev.gongcrm.validator.read.CrmRecord;
import dev.gongcrm.validator.read.LdjsonReader;
import dev.gongcrm.validator.read.LineProblem;
import dev.gongcrm.validator.time.IsoDates;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code unsorted-modified-date}: a stable sort of the lines by the instant of their modifiedDate (offsets
 * considered, as the rule compares). Lines without a modifiedDate that parses (no object, no such field, a
 * malformed date) cannot be placed in time; the rule skips them, and they go to the end in their own
 * order, so that every line that can be ordered is and the validation after still reports them.
 *
 * <p>A file up to {@code memoryBytes} is sorted in memory; a larger one by an external merge sort:
 * sorted runs of at most {@code memoryBytes} each are written next to the output (same file system,
 * deleted afterwards) and merged, so a file larger than the heap sorts too.
 */
final class UnsortedModifiedDateFix {

    static final String RULE = "unsorted-modified-date";

    private final long memoryBytes;

    UnsortedModifiedDateFix(long memoryBytes) {
        this.memoryBytes = Math.max(1, memoryBytes);
    }

    /** Reads modifiedDate as the validation does, so the sort puts lines where the rule wants them. */
    private final LdjsonReader reader = new LdjsonReader();

    /**
     * The instant a line sorts by: its modifiedDate, or after every date when it has none. Read like the
     * validation reads it, also from a line whose object is followed by a comment, which is not JSON.
     */
    long sortKey(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        long[] instant = {Long.MAX_VALUE};
        reader.parseLine(bytes, 0, bytes.length, 1, new LdjsonReader.Listener() {
            @Override
            public void record(CrmRecord record) {
                String modified = record.string("modifiedDate");
                long parsed = modified == null ? IsoDates.INVALID : IsoDates.parseDateTime(modified);
                instant[0] = parsed == IsoDates.INVALID ? Long.MAX_VALUE : parsed;
            }

            @Override
            public void problem(LineProblem problem, int line, int column, String message) {
                // the validation after the fix reports it
            }
        });
        return instant[0];
    }

    /**
     * How many lines the rule would report in {@code file}: those earlier than the last line before them
     * that has a valid modifiedDate.
     */
    int countUnsorted(Path file) throws IOException {
        int unsorted = 0;
        long previous = Long.MIN_VALUE;
        StringBuilder buffer = new StringBuilder();
        try (Reader reader = LineFiles.open(file)) {
            for (String line = LineFiles.next(reader, buffer); line != null; line = LineFiles.next(reader, buffer)) {
                long instant = sortKey(line);
                if (instant == Long.MAX_VALUE) {
                    continue;
                }
                if (instant < previous) {
                    unsorted++;
                }
                previous = instant;
            }
        }
        return unsorted;
    }

    /** Writes the lines of {@code input} sorted to {@code output}, a fresh temporary file; any runs go beside it. */
    void sort(Path input, Path output) throws IOException {
        try (LinesByInstant sorted = new LinesByInstant(LinesByInstant.runFolderBeside(output), memoryBytes)) {
            StringBuilder buffer = new StringBuilder();
            try (Reader reader = LineFiles.open(input)) {
                for (String line = LineFiles.next(reader, buffer); line != null; line = LineFiles.next(reader, buffer)) {
                    sorted.add(sortKey(line), line);
                }
            }
            try (Writer writer = LineFiles.create(output)) {
                sorted.writeTo(writer);
            }
        }
    }
}
