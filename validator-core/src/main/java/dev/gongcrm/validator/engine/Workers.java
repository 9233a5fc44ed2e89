package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.rules.RuleConfig;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * The threads that parse and check batches of lines, one per core, each with its own rule instances. On one
 * core (a one-vCPU runner) there are none: the reading thread checks each batch itself as it hands it over,
 * as a second thread could only take turns with it, handing every batch across and back (one CPU, 235 and
 * 244 MB bundles: 0.94-0.95x wall and CPU).
 */
final class Workers implements AutoCloseable {

    private final ExecutorService pool;
    private final ThreadLocal<LineChecker> checkers;
    /** The checker of the reading thread on one core; null when there are worker threads. */
    private final LineChecker inline;

    Workers(RuleConfig config) {
        this(config, Runtime.getRuntime().availableProcessors());
    }

    /** With that many threads: a test's. */
    Workers(RuleConfig config, int processors) {
        int threads = Math.max(1, processors);
        this.inline = threads == 1 ? new LineChecker(new ActiveRules(config)) : null;
        this.pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "gongcrm-worker");
            thread.setDaemon(true);
            // a task's failure reaches the reading thread through its future; the heap running out around a task
            // is said there too, in one line, and is no stack trace of this thread's
            thread.setUncaughtExceptionHandler((t, e) -> {
                if (!(e instanceof OutOfMemoryError)) {
                    t.getThreadGroup().uncaughtException(t, e);
                }
            });
            return thread;
        });
        this.checkers = ThreadLocal.withInitial(() -> new LineChecker(new ActiveRules(config)));
    }

    /** The batch, checked: at once on one core, where a failure is rethrown by {@link #await} all the same. */
    Future<LineBatch> check(FileJob job, LineBatch batch) {
        if (inline != null) {
            FutureTask<LineBatch> checked = new FutureTask<>(() -> inline.check(job, batch));
            checked.run();
            return checked;
        }
        return pool.submit(() -> checkers.get().check(job, batch));
    }

    /**
     * The checked batch; a failure of a worker is rethrown here, as it was. An interrupted caller stops here,
     * whether the batch is still being checked or not (on one core it always is checked already).
     */
    LineBatch await(Future<LineBatch> checked) {
        try {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            return checked.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking lines", e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Stops the threads and waits for them, a minute at most; true when they stopped, so that none reads the
     * run's id index any more.
     */
    boolean stop() {
        pool.shutdownNow();
        // a worker ends with the batch it is checking, a matter of milliseconds; an interrupted caller waits
        // all the same (the index is unmapped next) and keeps its interrupt
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return pool.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
