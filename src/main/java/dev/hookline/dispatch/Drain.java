package dev.hookline.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A queue that a few tasks drain in batches: whatever has queued up while a batch was worked on is the next batch.
 * Under load batches grow by themselves, and one task submission (which costs a managed executor more than a fast
 * observer's attempt) serves many batches; a lone item is worked on at once. Several tasks drain side by side, so
 * that slow batches overlap and one that hangs does not stop the others. A task that finds the queue empty waits a
 * moment for more before it ends: under steady load the next items come within that moment, and no task is
 * submitted at all.
 *
 * @param <T> what is queued
 */
final class Drain<T> {

    private static final Logger LOG = Logger.getLogger(Drain.class.getName());

    private final LinkedBlockingQueue<T> queue = new LinkedBlockingQueue<>();
    /** Tasks started and not ended. */
    private final AtomicInteger draining = new AtomicInteger();
    /** Tasks waiting for items: while one waits, new items need no new task. */
    private final AtomicInteger waiting = new AtomicInteger();
    private final int maxTasks;
    private final int maxBatch;
    private final long lingerNanos;
    private final Consumer<List<T>> work;

    /**
     * @param maxTasks how many tasks may drain at once
     * @param maxBatch the most items one batch carries
     * @param linger   how long a task waits for more items once the queue is empty
     * @param work     works on a batch; does not throw
     */
    Drain(int maxTasks, int maxBatch, Duration linger, Consumer<List<T>> work) {
        this.maxTasks = maxTasks;
        this.maxBatch = maxBatch;
        this.lingerNanos = linger.toNanos();
        this.work = work;
    }

    /**
     * Queues the items and, unless enough tasks are draining already, starts one on the executor.
     *
     * @throws java.util.concurrent.RejectedExecutionException when a task was needed and the executor refused it;
     *                                                          the items stay queued for a task started later
     */
    void add(List<T> items, Executor executor) {
        queue.addAll(items);
        startIfNeeded(executor);
    }

    /**
     * Starts a task when items are queued and fewer tasks than allowed are draining: for items whose own
     * {@link #add} could not start one (the executor refused it).
     *
     * @throws java.util.concurrent.RejectedExecutionException when the executor refused again
     */
    void resume(Executor executor) {
        startIfNeeded(executor);
    }

    /** Items queued and not yet taken into a batch. */
    int queued() {
        return queue.size();
    }

    private void startIfNeeded(Executor executor) {
        while (true) {
            int running = draining.get();
            // Another task while there are fewer than allowed: slow observers are then attempted side by side, and
            // fast ones still come in batches, as each task takes whatever has queued while it worked.
            if (running >= maxTasks || waiting.get() > 0 || queue.isEmpty()) {
                return;
            }
            if (draining.compareAndSet(running, running + 1)) {
                try {
                    executor.execute(this::drain);
                } catch (RuntimeException e) {
                    draining.decrementAndGet();
                    throw e;
                }
                return;
            }
        }
    }

    private void drain() {
        while (true) {
            List<T> batch = new ArrayList<>();
            queue.drainTo(batch, maxBatch);
            if (batch.isEmpty()) {
                T next = awaitNext();
                if (next != null) {
                    batch.add(next);
                    queue.drainTo(batch, maxBatch - 1);
                }
            }
            if (batch.isEmpty() && Thread.currentThread().isInterrupted()) {
                draining.decrementAndGet();
                return;
            }
            if (!batch.isEmpty()) {
                try {
                    work.accept(batch);
                } catch (RuntimeException | Error e) {
                    // Not meant to happen; were it to, this task must go on. A task that ended here would still be
                    // counted as draining, and once every task had, nothing queued would ever be worked on again:
                    // an executor does not report what a task throws.
                    LOG.log(Level.SEVERE, "Working on a batch of " + batch.size() + " failed", e);
                }
                continue;
            }
            draining.decrementAndGet();
            // Items queued after the last wait and before the decrement found this task still running and started
            // none: take them, unless another task has started meanwhile.
            if (queue.isEmpty() || !draining.compareAndSet(0, 1)) {
                return;
            }
        }
    }

    /** The next item queued within the linger, or {@code null}; counted as waiting meanwhile. */
    private T awaitNext() {
        waiting.incrementAndGet();
        try {
            return queue.poll(lingerNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            // The executor is stopping: end this task; what is queued stays for the leases to hand on.
            Thread.currentThread().interrupt();
            return null;
        } finally {
            waiting.decrementAndGet();
        }
    }
}
