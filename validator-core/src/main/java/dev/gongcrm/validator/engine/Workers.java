package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.rules.RuleConfig;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The threads that parse and check batches of lines, one per core, each with its own rule instances. */
final class Workers implements AutoCloseable {

    private final ExecutorService pool;
    private final ThreadLocal<LineChecker> checkers;

    Workers(RuleConfig config) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "gongcrm-worker");
            thread.setDaemon(true);
            return thread;
        });
        this.checkers = ThreadLocal.withInitial(() -> new LineChecker(new ActiveRules(config)));
    }

    Future<LineBatch> check(FileJob job, LineBatch batch) {
        return pool.submit(() -> checkers.get().check(job, batch));
    }

    /** The checked batch; a failure of a worker is rethrown here, as it was. */
    LineBatch await(Future<LineBatch> checked) {
        try {
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
        pool.shutdownNow();
    }
}
