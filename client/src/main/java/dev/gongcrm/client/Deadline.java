package dev.gongcrm.client;

import java.time.Duration;

/**
 * When a piece of work must be over, every attempt, retry and wait of it included: a push step's
 * {@code --timeout}. Measured on the monotonic clock, as the stalls it bounds happen in real time.
 */
public final class Deadline {

    /** No deadline: each attempt is bounded by the client's own timeouts only. */
    public static final Deadline NONE = new Deadline(null, Long.MAX_VALUE);

    private final Duration budget;
    private final long endNanos;

    private Deadline(Duration budget, long endNanos) {
        this.budget = budget;
        this.endNanos = endNanos;
    }

    /** A deadline {@code budget} from now. */
    public static Deadline after(Duration budget) {
        if (budget.isNegative()) {
            throw new IllegalArgumentException("a deadline cannot be in the past: " + budget);
        }
        long now = System.nanoTime();
        long budgetNanos = budget.compareTo(Duration.ofDays(365 * 100L)) > 0 ? Long.MAX_VALUE / 2 : budget.toNanos();
        return new Deadline(budget, now + budgetNanos);
    }

    /** The time left, zero when it has passed; {@code null} for {@link #NONE}. */
    public Duration remaining() {
        return this == NONE ? null : Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    public boolean expired() {
        return this != NONE && System.nanoTime() - endNanos >= 0;
    }

    boolean expiredAt(long nanoTime) {
        return this != NONE && nanoTime - endNanos >= 0;
    }

    /** {@code wait} shortened to the time left. */
    Duration cap(Duration wait) {
        Duration left = remaining();
        return left == null || wait.compareTo(left) <= 0 ? wait : left;
    }

    /** How long the whole work was given, as people read it: "5 s", "30 min". */
    String describe() {
        if (budget == null) {
            return "no deadline";
        }
        return budget.toSeconds() < 1 ? budget.toMillis() + " ms"
                : budget.toSeconds() < 120 ? budget.toSeconds() + " s" : budget.toMinutes() + " min";
    }
}
