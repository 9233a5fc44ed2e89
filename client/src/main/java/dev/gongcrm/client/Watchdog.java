package dev.gongcrm.client;

import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Cancels an attempt that outlives its deadline, whose body stalls (the server takes no byte for a
 * while), or whose answer does not come in time. A socket's read timeout catches none of these alone:
 * a blocked write has no timeout, a server that drips a byte a second restarts it at every byte, and
 * a large upload may rightly take far longer than any fixed bound, as long as its bytes keep moving.
 */
final class Watchdog implements AutoCloseable {

    private static final long TICK_MILLIS = 100;

    /** Why an attempt was cancelled. */
    enum Reason { DEADLINE, STALLED, NO_ANSWER }

    private final Set<Attempt> attempts = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "gongcrm-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    Watchdog() {
        ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Watches one attempt until it is closed.
     *
     * @param answerTimeout the longest from the end of the request (or its start, for one without a
     *     body) to the last byte of the answer
     * @param stallTimeout the longest the body may go without the server taking a byte
     */
    Attempt watch(Cancellable request, Deadline deadline, Duration answerTimeout, Duration stallTimeout) {
        Attempt attempt = new Attempt(request, deadline, answerTimeout.toNanos(), stallTimeout.toNanos());
        attempts.add(attempt);
        return attempt;
    }

    private void tick() {
        long now = System.nanoTime();
        attempts.forEach(attempt -> attempt.check(now));
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    /** One attempt of a call in flight. */
    final class Attempt implements AutoCloseable {
        private final Cancellable request;
        private final Deadline deadline;
        private final long answerNanos;
        private final long stallNanos;
        private volatile boolean sending;
        private volatile long lastProgress;
        private volatile long answerSince;
        private volatile Reason cancelled;

        private Attempt(Cancellable request, Deadline deadline, long answerNanos, long stallNanos) {
            this.request = request;
            this.deadline = deadline;
            this.answerNanos = answerNanos;
            this.stallNanos = stallNanos;
            this.answerSince = System.nanoTime();
        }

        /** The body, reporting each write as progress: a write the server does not take never returns. */
        HttpEntity watching(HttpEntity body) {
            return new HttpEntityWrapper(body) {
                @Override
                public void writeTo(OutputStream out) throws IOException {
                    lastProgress = System.nanoTime();
                    sending = true;
                    super.writeTo(new FilterOutputStream(out) {
                        @Override
                        public void write(byte[] bytes, int offset, int length) throws IOException {
                            out.write(bytes, offset, length);
                            lastProgress = System.nanoTime();
                        }
                    });
                    answerSince = System.nanoTime();
                    sending = false;
                }
            };
        }

        /** Why the watchdog cancelled this attempt, or null when it did not. */
        Reason cancelled() {
            return cancelled;
        }

        /** Whether the body was still being sent (when the attempt was cancelled). */
        boolean wasSending() {
            return sending;
        }

        private void check(long now) {
            if (cancelled != null) {
                return;
            }
            Reason reason = deadline.expiredAt(now) ? Reason.DEADLINE
                    : sending ? (now - lastProgress > stallNanos ? Reason.STALLED : null)
                    : now - answerSince > answerNanos ? Reason.NO_ANSWER : null;
            if (reason != null) {
                cancelled = reason;
                request.cancel();
            }
        }

        @Override
        public void close() {
            attempts.remove(this);
        }
    }
}
