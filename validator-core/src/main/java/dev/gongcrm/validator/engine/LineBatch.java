package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.rules.Rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A run of consecutive lines of one file: their bytes (a copy, so that the reader can go on), and
 * once a worker has checked them, what the ordered part of the run needs: the findings of the
 * line-local rules, the facts of each object, and the references that must wait.
 */
final class LineBatch implements FindingTarget {

    static final int MAX_LINES = 1024;
    private static final int BYTES = 256 * 1024;

    byte[] bytes = new byte[BYTES];
    /** The batch's own bytes while {@link #bytes} is a line it borrowed. */
    private byte[] own;
    int used;
    int lines;
    int[] lineNumbers = new int[MAX_LINES];
    int[] starts = new int[MAX_LINES];
    int[] lengths = new int[MAX_LINES];

    final List<Pending> findings = new ArrayList<>();
    final List<ReferenceCheck> deferred = new ArrayList<>();
    final List<ObjectFacts> objects = new ArrayList<>();
    private int objectsUsed;

    /** What a finding says, kept until the batch's turn comes. */
    record Pending(Class<? extends Rule> rule, String file, int line, int column, String objectId, String field,
                   String message) {
    }

    /** What the ordered checks need of one object. */
    static final class ObjectFacts {
        int line;
        int start;
        int length;
        String objectId;
        String referenceKey;
        int flags;
        String modifiedDate;
        long modifiedInstant;
    }

    /**
     * Adds a line (followed by a {@code '\n'}, so that the batch reads as LDJSON), or returns false
     * when the batch is full (an empty batch takes any line).
     */
    boolean add(byte[] source, int start, int length, int line) {
        if (lines == MAX_LINES || (lines > 0 && used + length + 1 > bytes.length)) {
            return false;
        }
        if (length + 1 > bytes.length) {
            bytes = Arrays.copyOf(bytes, length + 1);
        }
        System.arraycopy(source, start, bytes, used, length);
        bytes[used + length] = '\n';
        lineNumbers[lines] = line;
        starts[lines] = used;
        lengths[lines] = length;
        lines++;
        used += length + 1;
        return true;
    }

    /**
     * Takes one long line where it lies, in the reader's buffer, instead of copying it: the batch is
     * then valid only until the reader goes on, so it is checked at once.
     */
    void borrow(byte[] source, int start, int length, int line) {
        own = bytes;
        bytes = source;
        lineNumbers[0] = line;
        starts[0] = start;
        lengths[0] = length;
        lines = 1;
        used = 0;
    }

    ObjectFacts nextObject() {
        if (objectsUsed == objects.size()) {
            objects.add(new ObjectFacts());
        }
        return objects.get(objectsUsed++);
    }

    int objectCount() {
        return objectsUsed;
    }

    @Override
    public void add(Class<? extends Rule> rule, String file, int line, int column, String objectId, String field,
                    String message) {
        findings.add(new Pending(rule, file, line, column, objectId, field, Messages.shorten(message)));
    }

    void clear() {
        used = 0;
        lines = 0;
        findings.clear();
        deferred.clear();
        objectsUsed = 0;
        if (own != null) {
            bytes = own;
            own = null;
        }
        if (bytes.length > BYTES) {
            bytes = new byte[BYTES];
        }
    }
}
