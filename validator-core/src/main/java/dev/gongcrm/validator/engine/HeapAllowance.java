package dev.gongcrm.validator.engine;

/**
 * What the arenas of one run may keep on the heap, together (past it, their regions are in files), and
 * whether their mapped regions may be unmapped when they close: not when a reader may still be running.
 */
final class HeapAllowance {

    private long left;
    private boolean keepMapped;

    HeapAllowance(long bytes) {
        left = bytes;
    }

    boolean take(long bytes) {
        if (bytes > left) {
            return false;
        }
        left -= bytes;
        return true;
    }

    void giveBack(long bytes) {
        left += bytes;
    }

    /** A thread that reads the arenas did not stop: their regions stay mapped until they are collected. */
    void keepMappedRegions() {
        keepMapped = true;
    }

    boolean keepsMappedRegions() {
        return keepMapped;
    }
}
