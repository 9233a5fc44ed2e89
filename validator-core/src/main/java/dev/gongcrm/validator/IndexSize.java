package dev.gongcrm.validator;

/**
 * What the id index of a validation held at its end: enough for a user to size the heap of a runner for
 * a bundle of that many objects.
 *
 * @param keys the ids (and stage internalNames) it held
 * @param heapBytes the bytes of heap it held
 * @param fileBytes the bytes of ids it kept in a temporary file instead, past its share of the heap
 */
public record IndexSize(long keys, long heapBytes, long fileBytes) {

    /** A result no bundle was read for (a conversion, a read-back). */
    public static final IndexSize NONE = new IndexSize(0, 0, 0);

    /** Heap bytes a key, rounded to the nearest; 0 without keys. */
    public long heapBytesPerKey() {
        return keys == 0 ? 0 : Math.round((double) heapBytes / keys);
    }
}
