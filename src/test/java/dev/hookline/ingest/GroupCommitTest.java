package dev.hookline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit under contention: every submitter gets its own answer, each item is written once, nobody is left
 * unanswered whatever the interleaving of queueing and writing, and a submitting thread writes no more than its own
 * batch.
 */
class GroupCommitTest {

    private static final int THREADS = 64;
    private static final int PER_THREAD = 3_000;

    private final ExecutorService writerTask = Executors.newSingleThreadExecutor(r -> new Thread(r, "writer-task"));

    @AfterEach
    void stop() {
        writerTask.shutdownNow();
    }

    @Test
    void everySubmitterIsAnsweredWithItsOwnResultUnderContention() throws Exception {
        AtomicInteger written = new AtomicInteger();
        AtomicInteger largestBatch = new AtomicInteger();
        GroupCommit<Integer, Integer> commits = commits(16, batch -> {
            written.addAndGet(batch.size());
            largestBatch.accumulateAndGet(batch.size(), Math::max);
            // Give the other submitters a chance to queue, and to be preempted, while this batch is written.
            Thread.yield();
            batch.forEach(pending -> pending.complete(pending.item * 2));
        }, IllegalStateException::new);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> answers = new ArrayList<>(THREADS * PER_THREAD);
        for (int i = 0; i < THREADS * PER_THREAD; i++) {
            answers.add(new CompletableFuture<>());
        }
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.execute(() -> {
                await(start);
                for (int i = 0; i < PER_THREAD; i++) {
                    int item = thread * PER_THREAD + i;
                    commits.submit(item, answerTo(answers.get(item)));
                }
            });
        }
        start.countDown();
        threads.shutdown();
        assertTrue(threads.awaitTermination(2, TimeUnit.MINUTES), "a submitter never returned");
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        for (int item = 0; item < answers.size(); item++) {
            assertEquals(item * 2, answers.get(item).getNow(null));
        }
        assertEquals(THREADS * PER_THREAD, written.get());
        assertTrue(largestBatch.get() > 1, "no two items ever shared a batch");
    }

    @Test
    void aLoneSubmitterWritesItsOwnItemOnItsOwnThread() throws Exception {
        List<String> writers = new ArrayList<>();
        GroupCommit<Integer, Integer> commits = commits(16, batch -> {
            writers.add(Thread.currentThread().getName());
            batch.forEach(pending -> pending.complete(pending.item));
        }, IllegalStateException::new);
        for (int i = 0; i < 3; i++) {
            CompletableFuture<Integer> answer = new CompletableFuture<>();
            commits.submit(i, answerTo(answer));
            assertTrue(answer.isDone(), "answered before submit returned");
            assertEquals(i, answer.get());
        }
        writers.forEach(name -> assertEquals(Thread.currentThread().getName(), name));
        assertEquals(3, writers.size());
    }

    @Test
    void aSubmitterWritesOneBatchAndTheWriterTaskWritesWhatQueuedMeanwhile() throws Exception {
        CountDownLatch othersQueued = new CountDownLatch(1);
        List<String> writers = new ArrayList<>();
        List<Integer> batchSizes = new ArrayList<>();
        GroupCommit<Integer, Integer> commits = commits(2, batch -> {
            synchronized (writers) {
                writers.add(Thread.currentThread().getName());
                batchSizes.add(batch.size());
            }
            if (batch.get(0).item == 0) {
                await(othersQueued);
            }
            batch.forEach(pending -> pending.complete(pending.item));
        }, IllegalStateException::new);
        CompletableFuture<Integer> first = new CompletableFuture<>();
        Thread submitter = new Thread(() -> commits.submit(0, answerTo(first)), "submitter");
        submitter.start();
        while (writers.isEmpty()) {
            Thread.onSpinWait();
        }
        List<CompletableFuture<Integer>> others = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            CompletableFuture<Integer> answer = new CompletableFuture<>();
            others.add(answer);
            commits.submit(i, answerTo(answer));
            assertFalse(answer.isDone(), "a submitter that queues behind a writing one does not write");
        }
        othersQueued.countDown();
        submitter.join(10_000);
        assertFalse(submitter.isAlive());
        assertEquals(0, first.get(10, TimeUnit.SECONDS));
        for (int i = 1; i <= 5; i++) {
            assertEquals(i, others.get(i - 1).get(10, TimeUnit.SECONDS));
        }
        synchronized (writers) {
            assertEquals(List.of("submitter", "writer-task", "writer-task", "writer-task"), writers);
            assertEquals(List.of(1, 2, 2, 1), batchSizes);
        }
    }

    @Test
    void aFailedBatchFailsEachOfItsSubmittersAndTheNextBatchIsWritten() throws Exception {
        AtomicInteger batches = new AtomicInteger();
        GroupCommit<Integer, Integer> commits = commits(16, batch -> {
            if (batches.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is down");
            }
            batch.forEach(pending -> pending.complete(pending.item));
        }, Failed::new);
        CompletableFuture<Integer> failed = new CompletableFuture<>();
        commits.submit(1, answerTo(failed));
        ExecutionException thrown = assertThrows(ExecutionException.class, failed::get);
        assertTrue(thrown.getCause() instanceof Failed);
        assertEquals("the database is down", thrown.getCause().getCause().getMessage());
        CompletableFuture<Integer> next = new CompletableFuture<>();
        commits.submit(2, answerTo(next));
        assertEquals(2, next.get());
        assertEquals(2, batches.get());
    }

    @Test
    void anErrorInTheWriterAnswersEveryItemOfItsBatchAndTheNextBatchIsWritten() throws Exception {
        int queuedBehind = 8;
        CountDownLatch queued = new CountDownLatch(1);
        AtomicInteger batches = new AtomicInteger();
        GroupCommit<Integer, Integer> commits = commits(64, batch -> {
            int number = batches.incrementAndGet();
            if (number == 1) {
                // The submitter's own item alone: the others queue behind it meanwhile.
                await(queued);
                throw new StackOverflowError("the writer ran out of stack");
            }
            if (number == 2) {
                throw new OutOfMemoryError("the writer ran out of memory");
            }
            batch.forEach(pending -> pending.complete(pending.item));
        }, Failed::new);
        CompletableFuture<Integer> first = new CompletableFuture<>();
        Thread submitter = new Thread(() -> commits.submit(0, answerTo(first)));
        submitter.start();
        while (batches.get() == 0) {
            Thread.onSpinWait();
        }
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 1; i <= queuedBehind; i++) {
            CompletableFuture<Integer> answer = new CompletableFuture<>();
            answers.add(answer);
            commits.submit(i, answerTo(answer));
        }
        queued.countDown();
        assertFailedWithError(first);
        for (CompletableFuture<Integer> answer : answers) {
            // The second batch, all that queued behind the first, failed with an Error too.
            assertFailedWithError(answer);
        }
        CompletableFuture<Integer> next = new CompletableFuture<>();
        commits.submit(42, answerTo(next));
        assertEquals(42, next.get(10, TimeUnit.SECONDS), "the next batch is written");
    }

    @Test
    void anAnswerThatThrowsKeepsNoOtherAnswerOfItsBatch() throws Exception {
        CountDownLatch othersQueued = new CountDownLatch(1);
        GroupCommit<Integer, Integer> commits = commits(16, batch -> {
            if (batch.get(0).item == 0) {
                await(othersQueued);
            }
            batch.forEach(pending -> pending.complete(pending.item));
        }, IllegalStateException::new);
        Thread submitter = new Thread(() -> commits.submit(0, (result, failure) -> { }));
        submitter.start();
        Thread.sleep(100);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        commits.submit(1, (result, error) -> {
            throw new IllegalStateException("the client has gone");
        });
        CompletableFuture<Integer> after = new CompletableFuture<>();
        commits.submit(2, (result, error) -> {
            failure.set(error);
            after.complete(result);
        });
        othersQueued.countDown();
        assertEquals(2, after.get(10, TimeUnit.SECONDS));
        assertNull(failure.get());
    }

    @Test
    void aRefusingWriterTaskLeavesTheSubmitterToWriteWhatQueued() throws Exception {
        writerTask.shutdown();
        CountDownLatch othersQueued = new CountDownLatch(1);
        GroupCommit<Integer, Integer> commits = commits(1, batch -> {
            if (batch.get(0).item == 0) {
                await(othersQueued);
            }
            batch.forEach(pending -> pending.complete(pending.item));
        }, IllegalStateException::new);
        Thread submitter = new Thread(() -> commits.submit(0, (result, failure) -> { }));
        submitter.start();
        Thread.sleep(100);
        CompletableFuture<Integer> queued = new CompletableFuture<>();
        commits.submit(1, answerTo(queued));
        othersQueued.countDown();
        assertEquals(1, queued.get(10, TimeUnit.SECONDS));
        submitter.join(10_000);
        assertSame(Thread.State.TERMINATED, submitter.getState());
    }

    private GroupCommit<Integer, Integer> commits(int maxBatch,
                                                  Consumer<List<GroupCommit.Pending<Integer, Integer>>> writer,
                                                  Function<Throwable, RuntimeException> failure) {
        return new GroupCommit<>(maxBatch, writer, failure, item -> { }, writerTask);
    }

    private static BiConsumer<Integer, RuntimeException> answerTo(
            CompletableFuture<Integer> answer) {
        return (result, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(failure);
            } else {
                answer.complete(result);
            }
        };
    }

    private static void assertFailedWithError(CompletableFuture<Integer> answer) throws Exception {
        ExecutionException thrown = assertThrows(ExecutionException.class, () -> answer.get(10, TimeUnit.SECONDS));
        assertTrue(thrown.getCause() instanceof Failed, thrown.getCause().toString());
        assertTrue(thrown.getCause().getCause() instanceof Error, thrown.getCause().toString());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a submitter is answered when the writer throws. */
    static final class Failed extends RuntimeException {
        Failed(Throwable cause) {
            super(cause);
        }
    }
}
