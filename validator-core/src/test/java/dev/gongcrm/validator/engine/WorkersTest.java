package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.rules.RuleConfig;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkersTest {

    /**
     * The run's id index is unmapped right after the workers close: a caller whose thread is interrupted (a
     * cancelled build, a Future cancelled, or 'interrupted while checking lines' itself) must still wait for the
     * batch a worker is checking, or that worker reads an unmapped buffer and the JVM crashes.
     */
    @Test
    void closingFromAnInterruptedThreadStillWaitsForTheBatchBeingChecked() throws Exception {
        Workers workers = new Workers(RuleConfig.ALL);
        java.lang.reflect.Field poolField = Workers.class.getDeclaredField("pool");
        poolField.setAccessible(true);
        ExecutorService pool = (ExecutorService) poolField.get(workers);
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        pool.submit(() -> {
            started.countDown();
            // as a worker checking lines: it does not look at its interrupt flag
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            finished.set(true);
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        Thread.currentThread().interrupt();
        boolean stillInterrupted;
        try {
            workers.close();
        } finally {
            stillInterrupted = Thread.interrupted();
        }
        assertTrue(finished.get(), "close returned while a worker was still checking");
        assertTrue(stillInterrupted, "the caller's interrupt is kept");
    }
}
