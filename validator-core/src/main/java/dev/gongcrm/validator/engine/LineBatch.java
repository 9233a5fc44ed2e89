package dev.gongcrm.validator.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A run of consecutive whole lines of one file: their bytes (a copy, so that the reader can go on),
 * and once a worker has split and checked them, what the ordered part of the run needs: how many
 * lines there were, the findings of the line-local rules, the facts of each object, and the
 * references that must wait. Line numbers in a batch count from 1 at its first line; the ordered
 * part, which knows how many lines came before, makes them the file's.
 */
final class LineBatch implements FindingTarget {

    static final int BYTES = 256 * 1024;

    byte[] bytes = new byte[BYTES];
    /** The batch's own bytes while {@link #bytes} is a line it borrowed. */
    private byte[] own;
    int from;
    int to;
    /** How many lines the worker found, once it has split them. */
    int lines;

    final List<Raised> findings = new ArrayList<>();
    final List<ReferenceCheck> deferred = new ArrayList<>();
    final List<ObjectFacts> objects = new ArrayList<>();
    private int objectsUsed;

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
        /** The values of the type's unique fields, in {@code TypeSpec.uniqueFields} order; null where absent or deleted. */
        String[] uniqueValues;
    }

    boolean isEmpty() {
        return to == from;
    }

    /** How many more bytes fit without growing. */
    int room() {
        return bytes.length - to;
    }

    /** Adds whole lines, {@code source[start, end)}, growing the batch when they do not fit. */
    void append(byte[] source, int start, int end) {
        int length = end - start;
        if (length > room()) {
            bytes = Arrays.copyOf(bytes, to + length);
        }
        System.arraycopy(source, start, bytes, to, length);
        to += length;
    }

    /**
     * Takes one long line where it lies, in the reader's buffer, instead of copying it: the batch is
     * then valid only until the reader goes on, so it is checked at once.
     */
    void borrow(byte[] source, int start, int end) {
        own = bytes;
        bytes = source;
        from = start;
        to = end;
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

    /** Keeps a finding until the batch's turn comes. */
    @Override
    public void add(Raised finding) {
        findings.add(finding);
    }

    void clear() {
        from = 0;
        to = 0;
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
