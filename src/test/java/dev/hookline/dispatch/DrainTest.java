package dev.hookline.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The drain with real threads: every item worked on once, and a task started again for items added later. */
class DrainTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final AtomicInteger submitted = new AtomicInteger();
    private final ConcurrentHashMap<Integer, AtomicInteger> worked = new ConcurrentHashMap<>();

    private void submit(Runnable task) {
        submitted.incrementAndGet();
        pool.execute(task);
    }

    private void work(List<Integer> batch) {
        batch.forEach(item -> worked.computeIfAbsent(item, i -> new AtomicInteger()).incrementAndGet());
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
    }

    private void awaitWorked(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (worked.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(count, worked.size());
        worked.forEach((item, times) -> assertEquals(1, times.get(), "item " + item + " worked on once"));
    }

    @Test
    void itemsAddedAfterTheTasksEndedStartAnother() throws InterruptedException {
        Drain<Integer> drain = new Drain<>(3, 64, this::work);
        drain.add(List.of(1, 2, 3), this::submit);
        awaitWorked(3);
        Thread.sleep(50);
        drain.add(List.of(4), this::submit);
        awaitWorked(4);
        assertEquals(2, submitted.get());
    }

    @Test
    void concurrentAddersHaveEveryItemWorkedOnOnce() throws InterruptedException {
        Drain<Integer> drain = new Drain<>(3, 8, this::work);
        Thread[] adders = new Thread[8];
        for (int t = 0; t < adders.length; t++) {
            int base = t * 10_000;
            adders[t] = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    drain.add(List.of(base + i), this::submit);
                    if (i % 100 == 0) {
                        try {
                            Thread.sleep(3);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            });
            adders[t].start();
        }
        for (Thread adder : adders) {
            adder.join();
        }
        awaitWorked(16_000);
        assertEquals(0, drain.queued());
    }

    @Test
    void aBatchThatThrowsAnErrorDoesNotStopTheDrain() throws InterruptedException {
        AtomicInteger batches = new AtomicInteger();
        Drain<Integer> drain = new Drain<>(1, 1, batch -> {
            if (batches.incrementAndGet() == 1) {
                throw new StackOverflowError("thrown by the first batch");
            }
            work(batch);
        });
        drain.add(List.of(1), this::submit);
        Thread.sleep(50);
        drain.add(List.of(2, 3), this::submit);
        awaitWorked(2);
        assertEquals(Set.of(2, 3), worked.keySet());
    }

    @Test
    void itemsWhoseTaskWasRefusedAreWorkedOnWhenResumed() throws InterruptedException {
        Drain<Integer> drain = new Drain<>(3, 64, this::work);
        assertThrows(RejectedExecutionException.class, () -> drain.add(List.of(1, 2), task -> {
            throw new RejectedExecutionException("refused");
        }));
        assertEquals(2, drain.queued());
        drain.resume(this::submit);
        awaitWorked(2);
        assertEquals(1, submitted.get());
    }
}
