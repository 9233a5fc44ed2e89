package dev.gongcrm.validator.fix;

import dev.gongcrm.validator.Thousands;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a fix run repaired (per rule), the files it wrote, and, for {@code --diff}, the changed lines. */
public final class FixSummary {

    /** At most this many changes are kept for the diff; the count says how many were left out. */
    public static final int MAX_CHANGES = 200;

    /**
     * One change: a line replaced ({@code before} and {@code after}), dropped ({@code after} null), or a note
     * on the whole file such as a sort or a split ({@code line} 0, {@code before} null, the note in {@code after}).
     */
    public record Change(String file, long line, String rule, String before, String after) {
    }

    private final Map<String, Integer> fixed = new LinkedHashMap<>();
    private final List<Change> changes = new ArrayList<>();
    private final List<Path> written = new ArrayList<>();
    private long changesLeftOut;

    void count(String rule, int problems) {
        if (problems > 0) {
            fixed.merge(rule, problems, Integer::sum);
        }
    }

    void record(Change change) {
        if (changes.size() < MAX_CHANGES) {
            changes.add(change);
        } else {
            changesLeftOut++;
        }
    }

    void wrote(Path file) {
        written.add(file);
    }

    /** Problems fixed per rule, in the order first met. */
    public Map<String, Integer> fixed() {
        return Collections.unmodifiableMap(fixed);
    }

    public int total() {
        return fixed.values().stream().mapToInt(Integer::intValue).sum();
    }

    public List<Change> changes() {
        return Collections.unmodifiableList(changes);
    }

    public long changesLeftOut() {
        return changesLeftOut;
    }

    /** The files of the fixed bundle, as written (or, in-place, as they are now). */
    public List<Path> written() {
        return Collections.unmodifiableList(written);
    }

    /** "fixed 12 problems: 5 datetime-format, 7 unsorted-modified-date". */
    public String describe() {
        if (fixed.isEmpty()) {
            return "fixed 0 problems";
        }
        List<String> parts = new ArrayList<>();
        fixed.forEach((rule, count) -> parts.add(Thousands.grouped(count) + " " + rule));
        int total = total();
        return "fixed " + Thousands.grouped(total) + " problem" + (total == 1 ? "" : "s") + ": "
                + String.join(", ", parts);
    }
}
