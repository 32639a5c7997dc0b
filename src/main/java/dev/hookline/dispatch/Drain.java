package dev.hookline.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A queue that a few tasks drain in batches: whatever has queued up while a batch was worked on is the next batch.
 * Under load batches grow by themselves, and one task submission (which costs a managed executor more than a fast
 * observer's attempt) serves many batches; a lone item is worked on at once. Several tasks drain side by side, so
 * that slow batches overlap and one that hangs does not stop the others.
 *
 * @param <T> what is queued
 */
final class Drain<T> {

    private static final Logger LOG = Logger.getLogger(Drain.class.getName());

    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger draining = new AtomicInteger();
    private final int maxTasks;
    private final int maxBatch;
    private final Consumer<List<T>> work;

    /**
     * @param maxTasks how many tasks may drain at once
     * @param maxBatch the most items one batch carries
     * @param work     works on a batch; does not throw
     */
    Drain(int maxTasks, int maxBatch, Consumer<List<T>> work) {
        this.maxTasks = maxTasks;
        this.maxBatch = maxBatch;
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
            if (running >= maxTasks || queue.isEmpty()) {
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
            for (T item; batch.size() < maxBatch && (item = queue.poll()) != null; ) {
                batch.add(item);
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
            // Items queued after the last poll and before the decrement found this task still running and started
            // none: take them, unless another task has started meanwhile.
            if (queue.isEmpty() || !draining.compareAndSet(0, 1)) {
                return;
            }
        }
    }
}
