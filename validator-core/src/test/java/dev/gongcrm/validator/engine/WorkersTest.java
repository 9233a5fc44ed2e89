package dev.gongcrm.validator.engine;

import dev.gongcrm.validator.ValidationOptions;
import dev.gongcrm.validator.rules.RuleConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkersTest {

    private static final FileJob JOB = new FileJob("accounts.ldjson", null, ValidationOptions.DEFAULT, Map.of(),
            Set.of(), Map.of(), Set.of(), finding -> { });

    private static LineBatch batch() {
        byte[] lines = "{\"objectId\": \"a\"}\n{\"objectId\": \n{\"objectId\": \"b\"}\n".getBytes(StandardCharsets.UTF_8);
        LineBatch batch = new LineBatch();
        batch.append(lines, 0, lines.length);
        return batch;
    }

    /** What one core and two find in the same lines: their objects and the finding of the broken one. */
    private static List<String> checked(Workers workers, boolean doneOnHandOver) {
        Future<LineBatch> handedOver = workers.check(JOB, batch());
        if (doneOnHandOver) {
            assertTrue(handedOver.isDone(), "on one core the reading thread checks the batch as it hands it over");
        }
        LineBatch done = workers.await(handedOver);
        List<String> seen = new java.util.ArrayList<>();
        for (int i = 0; i < done.objectCount(); i++) {
            seen.add(done.objects.get(i).line + ":" + done.objects.get(i).objectId);
        }
        done.findings.forEach(finding -> seen.add(finding.place().line() + ":" + finding.rule().name()));
        seen.add(done.lines + " lines");
        return seen;
    }

    /** A cancelled build interrupts the reading thread: the run stops at the next batch, however many cores. */
    @Test
    void anInterruptedCallerStopsOnOneCoreAsOnTwo() {
        for (int cores : new int[] {1, 2}) {
            try (Workers workers = new Workers(RuleConfig.ALL, cores)) {
                Future<LineBatch> handedOver = workers.check(JOB, batch());
                Thread.currentThread().interrupt();
                IllegalStateException stopped;
                try {
                    stopped = assertThrows(IllegalStateException.class, () -> workers.await(handedOver));
                } finally {
                    assertTrue(Thread.interrupted(), cores + " cores: the caller's interrupt is kept");
                }
                assertEquals("interrupted while checking lines", stopped.getMessage(), cores + " cores");
            }
        }
    }

    @Test
    void oneCoreChecksOnTheReadingThreadWhatTwoCoresCheckOnTheirOwn() {
        try (Workers oneCore = new Workers(RuleConfig.ALL, 1); Workers twoCores = new Workers(RuleConfig.ALL, 2)) {
            List<String> inline = checked(oneCore, true);
            assertEquals(List.of("1:a", "3:b", "2:invalid-json", "3 lines"), inline);
            assertEquals(checked(twoCores, false), inline);
        }
    }

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
