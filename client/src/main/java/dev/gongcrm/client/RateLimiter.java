package dev.gongcrm.client;

/** Spaces calls so that at most {@code callsPerSecond} start in any second (Gong's default limit is 3). */
final class RateLimiter {

    private final long intervalNanos;
    private long next;

    RateLimiter(double callsPerSecond) {
        this.intervalNanos = callsPerSecond <= 0 ? 0 : (long) (1_000_000_000L / callsPerSecond);
    }

    void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long start = Math.max(now, next);
            next = start + intervalNanos;
            wait = start - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
        }
    }
}
