package dev.gongcrm.emulator;

import java.util.ArrayDeque;
import java.util.Deque;

/** Faults for the next requests, in order, one request each: deterministic, changeable while running. */
public final class Faults {

    private final Deque<Fault> queue = new ArrayDeque<>();

    /** The next {@code count} requests get this fault (after those already queued). */
    public synchronized Faults next(int count, Fault fault) {
        if (count < 0) {
            throw new IllegalArgumentException("a fault count cannot be negative");
        }
        for (int i = 0; i < count; i++) {
            queue.addLast(fault);
        }
        return this;
    }

    public synchronized void clear() {
        queue.clear();
    }

    synchronized Fault take() {
        return queue.pollFirst();
    }
}
