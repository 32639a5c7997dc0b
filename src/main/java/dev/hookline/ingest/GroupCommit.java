package dev.hookline.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Group commit without a thread of its own: concurrent requests queue their items; one of them, the leader, writes
 * everything queued in one transaction while the others wait, then hands leadership to the oldest waiter. Under load
 * one commit carries many deliveries; a lone request commits its own at once, with no added delay.
 *
 * @param <T> what is written
 * @param <R> what each submitter is answered
 */
final class GroupCommit<T, R> {

    private static final Object LEAD = new Object();

    /** A queued item and the answer its submitter waits for. */
    static final class Pending<T, R> {
        final T item;
        private volatile CompletableFuture<Object> answer = new CompletableFuture<>();

        Pending(T item) {
            this.item = item;
        }

        void complete(R result) {
            answer.complete(result);
        }

        void fail(RuntimeException error) {
            answer.completeExceptionally(error);
        }

        boolean isDone() {
            return answer.isDone();
        }

        /** Wakes the waiting submitter to lead; its own answer comes later, from the batch it writes. */
        private void promote() {
            CompletableFuture<Object> waiting = answer;
            answer = new CompletableFuture<>();
            waiting.complete(LEAD);
        }

        private Object await() {
            return join(answer);
        }

        private static Object join(CompletableFuture<Object> answer) {
            try {
                return answer.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
    }

    private final int maxBatch;
    private final Consumer<List<Pending<T, R>>> writer;
    private final Function<Throwable, RuntimeException> failure;
    private final Consumer<T> queued;
    private final ReentrantLock lock = new ReentrantLock();
    /** Not empty only while a leader is writing: whoever finds no leader leads with a queue of its own item. */
    private List<Pending<T, R>> queue = new ArrayList<>();
    private boolean leading;

    /**
     * @param writer writes a batch and completes or fails each of its pendings
     * @param failure what the submitters of a batch are answered when the writer throws instead, whatever it throws
     */
    GroupCommit(int maxBatch, Consumer<List<Pending<T, R>>> writer, Function<Throwable, RuntimeException> failure) {
        this(maxBatch, writer, failure, item -> { });
    }

    /**
     * @param queued called with each item as it is queued, under the queue's lock: items are queued, and so written,
     *               in the order of these calls
     */
    GroupCommit(int maxBatch, Consumer<List<Pending<T, R>>> writer, Function<Throwable, RuntimeException> failure,
                Consumer<T> queued) {
        this.maxBatch = maxBatch;
        this.writer = writer;
        this.failure = failure;
        this.queued = queued;
    }

    @SuppressWarnings("unchecked")
    R submit(T item) {
        Pending<T, R> mine = new Pending<>(item);
        // Taken before the item is queued: the leader may promote this submitter, and so replace its answer, before
        // this thread gets to wait. Waiting on the answer as it is then would wait for a batch nobody writes.
        CompletableFuture<Object> firstAnswer = mine.answer;
        boolean lead;
        lock.lock();
        try {
            queued.accept(item);
            queue.add(mine);
            lead = !leading;
            leading = true;
        } finally {
            lock.unlock();
        }
        if (!lead) {
            Object answer = Pending.join(firstAnswer);
            if (answer != LEAD) {
                return (R) answer;
            }
        }
        lead();
        return (R) mine.await();
    }

    /** Writes one batch, whose head is the leader's own item, then passes leadership on. */
    private void lead() {
        List<Pending<T, R>> batch;
        lock.lock();
        try {
            if (queue.size() <= maxBatch) {
                batch = queue;
                queue = new ArrayList<>();
            } else {
                batch = new ArrayList<>(queue.subList(0, maxBatch));
                queue = new ArrayList<>(queue.subList(maxBatch, queue.size()));
            }
        } finally {
            lock.unlock();
        }
        try {
            writer.accept(batch);
        } catch (Throwable e) {
            // An Error too: a submitter left without an answer would wait for ever, and so would every request after
            // it that joins a batch. The error is answered to each, and the next batch leads on.
            RuntimeException answer = failure.apply(e);
            batch.stream().filter(pending -> !pending.isDone()).forEach(pending -> pending.fail(answer));
        } finally {
            handOver();
        }
    }

    private void handOver() {
        Pending<T, R> next = null;
        lock.lock();
        try {
            if (queue.isEmpty()) {
                leading = false;
            } else {
                next = queue.get(0);
            }
        } finally {
            lock.unlock();
        }
        if (next != null) {
            next.promote();
        }
    }
}
