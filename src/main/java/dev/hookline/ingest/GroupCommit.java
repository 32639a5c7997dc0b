package dev.hookline.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit in which no thread waits for another's commit. Concurrent requests queue their items with what to do
 * once they are written, and return. The request that finds nobody writing writes the first batch itself, in one
 * transaction, at once: a lone request commits its own item with no added delay. What queued meanwhile is written by
 * the writer task, batch after batch, until the queue is empty; the answers of a batch are given, on the thread that
 * wrote it, as the batch ends. Under load one commit carries many items, and request threads go back to reading
 * requests instead of parking until their batch commits and being woken one by one.
 *
 * @param <T> what is written
 * @param <R> what each submitter is answered
 */
final class GroupCommit<T, R> {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

    /** A queued item and what its submitter is to be answered with. */
    static final class Pending<T, R> {
        final T item;
        private final BiConsumer<? super R, ? super RuntimeException> answer;
        /** Read and written only by the thread that writes this item's batch. */
        private boolean answered;

        Pending(T item, BiConsumer<? super R, ? super RuntimeException> answer) {
            this.item = item;
            this.answer = answer;
        }

        void complete(R result) {
            answer(result, null);
        }

        void fail(RuntimeException error) {
            answer(null, error);
        }

        boolean isDone() {
            return answered;
        }

        private void answer(R result, RuntimeException error) {
            if (answered) {
                return;
            }
            answered = true;
            try {
                answer.accept(result, error);
            } catch (RuntimeException e) {
                // One answer that could not be given (its client gone) must not keep the others of its batch.
                LOG.log(Level.FINE, "Answering a submitter failed", e);
            }
        }
    }

    private final int maxBatch;
    private final Consumer<List<Pending<T, R>>> writer;
    private final Function<Throwable, RuntimeException> failure;
    private final Consumer<T> queued;
    private final Executor writerTask;
    private final ReentrantLock lock = new ReentrantLock();
    private List<Pending<T, R>> queue = new ArrayList<>();
    /** Whether a thread is writing: whoever queues while none is writes. */
    private boolean writing;

    /**
     * @param writer     writes a batch and completes or fails each of its pendings
     * @param failure    what the submitters of a batch are answered when the writer throws instead, whatever it throws
     * @param queued     called with each item as it is queued, under the queue's lock: items are queued, and so
     *                   written, in the order of these calls
     * @param writerTask where the batches that queued while a request wrote its own are written; when it refuses, the
     *                   request writes them too
     */
    GroupCommit(int maxBatch, Consumer<List<Pending<T, R>>> writer, Function<Throwable, RuntimeException> failure,
                Consumer<T> queued, Executor writerTask) {
        this.maxBatch = maxBatch;
        this.writer = writer;
        this.failure = failure;
        this.queued = queued;
        this.writerTask = writerTask;
    }

    /**
     * Queues the item; {@code answer} is called once with the result or the failure, after its batch was written,
     * on the thread that wrote it (this one, or the writer task's).
     */
    void submit(T item, BiConsumer<? super R, ? super RuntimeException> answer) {
        Pending<T, R> pending = new Pending<>(item, answer);
        lock.lock();
        try {
            queued.accept(item);
            queue.add(pending);
            if (writing) {
                return;
            }
            writing = true;
        } finally {
            lock.unlock();
        }
        // This request's own batch, here, then no more: an answer given on the request's own thread is sent only
        // once that thread has left the resource method.
        List<Pending<T, R>> batch = nextBatch();
        if (batch != null) {
            write(batch);
            if (nextIsQueued()) {
                handOver();
            }
        }
    }

    private void handOver() {
        try {
            writerTask.execute(this::writeWhileQueued);
        } catch (RejectedExecutionException e) {
            // The application is stopping: what is queued is written here rather than never.
            writeWhileQueued();
        }
    }

    private void writeWhileQueued() {
        for (List<Pending<T, R>> batch = nextBatch(); batch != null; batch = nextBatch()) {
            write(batch);
        }
    }

    /** The next batch to write, or {@code null} when the queue is empty: then nobody is writing any more. */
    private List<Pending<T, R>> nextBatch() {
        lock.lock();
        try {
            if (queue.isEmpty()) {
                writing = false;
                return null;
            }
            List<Pending<T, R>> batch;
            if (queue.size() <= maxBatch) {
                batch = queue;
                queue = new ArrayList<>();
            } else {
                batch = new ArrayList<>(queue.subList(0, maxBatch));
                queue = new ArrayList<>(queue.subList(maxBatch, queue.size()));
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** Whether more is queued, for the writer task; if not, nobody is writing any more. */
    private boolean nextIsQueued() {
        lock.lock();
        try {
            if (queue.isEmpty()) {
                writing = false;
                return false;
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void write(List<Pending<T, R>> batch) {
        try {
            writer.accept(batch);
        } catch (Throwable e) {
            // An Error too: a submitter left without an answer would never be answered. The error is answered to
            // each, and the next batch is written.
            RuntimeException answer = failure.apply(e);
            batch.stream().filter(pending -> !pending.isDone()).forEach(pending -> pending.fail(answer));
        }
    }
}
