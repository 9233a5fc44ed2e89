package dev.gongcrm.validator.fix;

import dev.gongcrm.validator.schema.TypeSpec;
import dev.gongcrm.validator.time.IsoDates;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Fixes one entity file in passes over temporary files next to its target, so that no pass holds more
 * than one line (the sort, more than its memory budget): line fixes and drops, then (with
 * {@code --keep latest}) older versions dropped, then the sort, then the split. Returns the fixed file
 * (a temporary file for the caller to move into place), or null when nothing needed fixing, in which case
 * the caller copies the input byte for byte.
 */
final class EntityFileFixer {

    private final FixOptions options;
    private final List<LineFix> lineFixes;
    private final FixSummary summary;

    EntityFileFixer(FixOptions options, FixSummary summary) {
        this.options = options;
        this.summary = summary;
        this.lineFixes = List.of(new DatetimeFormatFix(options.assumeZone()), new DeprecatedFieldFix(),
                new WrongTypeFix());
    }

    /**
     * @param name the file's name in summaries and diffs
     * @param scratch the folder of the temporary files (the target's, so the result is moved by a rename)
     */
    Path fix(Path input, String name, TypeSpec type, Path scratch) throws IOException {
        List<Path> temporaries = new ArrayList<>();
        boolean done = false;
        try {
            Path current = LineFiles.temporary(scratch);
            temporaries.add(current);
            DuplicateObjectFix duplicates = new DuplicateObjectFix(options.keepLatest());
            LineNumbers kept = new LineNumbers();
            boolean changed = fixLines(input, current, name, type, duplicates, kept);
            if (duplicates.hasSeveralVersions()) {
                Path latest = LineFiles.temporary(scratch);
                temporaries.add(latest);
                changed |= keepLatest(current, latest, name, type.idField(), duplicates, kept);
                current = latest;
            }
            UnsortedModifiedDateFix sorter = new UnsortedModifiedDateFix(options.sortMemoryBytes());
            int unsorted = sorter.countUnsorted(current);
            if (unsorted > 0) {
                Path sorted = LineFiles.temporary(scratch);
                temporaries.add(sorted);
                sorter.sort(current, sorted);
                summary.count(UnsortedModifiedDateFix.RULE, unsorted);
                summary.record(new FixSummary.Change(name, 0, UnsortedModifiedDateFix.RULE, null,
                        "lines sorted by modifiedDate (" + unsorted + (unsorted == 1 ? " line was" : " lines were")
                                + " earlier than a line before it)"));
                current = sorted;
                changed = true;
            }
            done = changed;
            return changed ? current : null;
        } finally {
            for (Path temporary : temporaries) {
                if (!done || temporary != temporaries.get(temporaries.size() - 1)) {
                    Files.deleteIfExists(temporary);
                }
            }
        }
    }

    /** Pass 1: each line fixed field by field, deleted objects (initial upload) and exact repeats dropped. */
    private boolean fixLines(Path input, Path output, String name, TypeSpec type, DuplicateObjectFix duplicates,
                             LineNumbers kept) throws IOException {
        boolean changed = false;
        StringBuilder buffer = new StringBuilder();
        try (Reader reader = LineFiles.open(input); Writer writer = LineFiles.create(output)) {
            long number = 0;
            for (String line = LineFiles.next(reader, buffer); line != null; line = LineFiles.next(reader, buffer)) {
                number++;
                JsonLine json = JsonLine.parse(line);
                if (json == null) {
                    LineFiles.write(writer, line);
                    kept.add(number);
                    continue;
                }
                Set<String> rules = new LinkedHashSet<>();
                for (LineFix fix : lineFixes) {
                    for (List<JsonLine.Edit> edits = fix.edits(json, type); !edits.isEmpty(); edits = fix.edits(json, type)) {
                        json = reparse(json.apply(edits), name, number);
                        summary.count(fix.rule(), edits.size());
                        rules.add(fix.rule());
                    }
                }
                if (!rules.isEmpty()) {
                    summary.record(new FixSummary.Change(name, number, String.join(", ", rules), line, json.text()));
                    changed = true;
                }
                if (options.initial() && DeletedOnInitialUploadFix.drops(json)) {
                    drop(name, number, DeletedOnInitialUploadFix.RULE, line);
                    changed = true;
                    continue;
                }
                JsonLine.Member id = json.member(type.idField());
                if (id != null && id.isString()
                        && duplicates.isExactRepeat(id.text(), json.text(), instant(json))) {
                    drop(name, number, DuplicateObjectFix.RULE, line);
                    changed = true;
                    continue;
                }
                LineFiles.write(writer, json.text());
                kept.add(number);
            }
        }
        return changed;
    }

    /** Pass 2, with {@code --keep latest}: of an object's versions only the latest stays. */
    private boolean keepLatest(Path input, Path output, String name, String idField, DuplicateObjectFix duplicates,
                               LineNumbers kept)
            throws IOException {
        boolean changed = false;
        StringBuilder buffer = new StringBuilder();
        try (Reader reader = LineFiles.open(input); Writer writer = LineFiles.create(output)) {
            int index = 0;
            for (String line = LineFiles.next(reader, buffer); line != null; line = LineFiles.next(reader, buffer)) {
                long number = kept.get(index++);
                JsonLine json = JsonLine.parse(line);
                JsonLine.Member id = json == null ? null : json.member(idField);
                if (id != null && id.isString() && duplicates.isSuperseded(id.text(), line)) {
                    drop(name, number, DuplicateObjectFix.RULE, line);
                    changed = true;
                    continue;
                }
                LineFiles.write(writer, line);
            }
        }
        return changed;
    }

    /** The input line number of each line pass 1 kept, so later passes name lines as the user knows them. */
    private static final class LineNumbers {
        private long[] numbers = new long[1024];
        private int size;

        void add(long number) {
            if (size == numbers.length) {
                numbers = Arrays.copyOf(numbers, size * 2);
            }
            numbers[size++] = number;
        }

        long get(int index) {
            return numbers[index];
        }
    }

    private void drop(String name, long number, String rule, String line) {
        summary.count(rule, 1);
        summary.record(new FixSummary.Change(name, number, rule, line, null));
    }

    /** A fixed line, which must still be an object: a fix that broke one would lose data. */
    private static JsonLine reparse(String fixed, String name, long number) {
        JsonLine json = JsonLine.parse(fixed);
        if (json == null) {
            throw new IllegalStateException(name + ":" + number + ": a fix made the line invalid: " + fixed);
        }
        return json;
    }

    private static long instant(JsonLine json) {
        JsonLine.Member modified = json.member("modifiedDate");
        return modified == null || !modified.isString() ? IsoDates.INVALID : IsoDates.parseDateTime(modified.text());
    }
}
