package dev.hookline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Group commit under contention: every submitter gets its own answer, each item is written once, and no submitter is
 * left waiting, whatever the interleaving of queueing, leading and handing over.
 */
class GroupCommitTest {

    private static final int THREADS = 64;
    private static final int PER_THREAD = 3_000;

    @Test
    void everySubmitterIsAnsweredWithItsOwnResultUnderContention() throws Exception {
        AtomicInteger written = new AtomicInteger();
        AtomicInteger largestBatch = new AtomicInteger();
        GroupCommit<Integer, Integer> commits = new GroupCommit<>(16, batch -> {
            written.addAndGet(batch.size());
            largestBatch.accumulateAndGet(batch.size(), Math::max);
            // Give the other submitters a chance to queue, and to be preempted, while this batch is written.
            Thread.yield();
            batch.forEach(pending -> pending.complete(pending.item * 2));
        }, IllegalStateException::new);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> wrongAnswers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            wrongAnswers.add(threads.submit(() -> {
                start.await();
                int wrong = 0;
                for (int i = 0; i < PER_THREAD; i++) {
                    int item = thread * PER_THREAD + i;
                    if (commits.submit(item) != item * 2) {
                        wrong++;
                    }
                }
                return wrong;
            }));
        }
        start.countDown();
        threads.shutdown();
        assertTrue(threads.awaitTermination(2, TimeUnit.MINUTES),
                "submitters still waiting: " + (THREADS * PER_THREAD - written.get()) + " items never written,"
                        + " or a written item's submitter never woken");
        for (Future<Integer> wrong : wrongAnswers) {
            assertEquals(0, wrong.get());
        }
        assertEquals(THREADS * PER_THREAD, written.get());
        assertTrue(largestBatch.get() > 1, "no two items ever shared a batch");
    }

    @Test
    void aFailedBatchFailsEachOfItsSubmittersAndTheNextBatchIsWritten() throws Exception {
        AtomicInteger batches = new AtomicInteger();
        GroupCommit<Integer, Integer> commits = new GroupCommit<>(16, batch -> {
            if (batches.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is down");
            }
            batch.forEach(pending -> pending.complete(pending.item));
        }, Failed::new);
        Failed failed = assertThrows(Failed.class, () -> commits.submit(1));
        assertEquals("the database is down", failed.getCause().getMessage());
        assertEquals(2, commits.submit(2));
        assertEquals(2, batches.get());
    }

    @Test
    void anErrorInTheLeaderAnswersEveryWaiterOfItsBatchAndTheNextBatchLeads() throws Exception {
        int waiters = 8;
        CountDownLatch queued = new CountDownLatch(1);
        AtomicInteger batches = new AtomicInteger();
        GroupCommit<Integer, Integer> commits = new GroupCommit<>(64, batch -> {
            int number = batches.incrementAndGet();
            if (number == 1) {
                // The leader's own item alone: the others queue behind it meanwhile.
                await(queued);
                throw new StackOverflowError("the writer ran out of stack");
            }
            if (number == 2) {
                throw new OutOfMemoryError("the writer ran out of memory");
            }
            batch.forEach(pending -> pending.complete(pending.item));
        }, Failed::new);
        ExecutorService threads = Executors.newFixedThreadPool(waiters + 1);
        Future<Integer> leader = threads.submit(() -> commits.submit(0));
        while (batches.get() == 0) {
            Thread.onSpinWait();
        }
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 1; i <= waiters; i++) {
            int item = i;
            answers.add(threads.submit(() -> commits.submit(item)));
        }
        Thread.sleep(200);
        queued.countDown();
        threads.shutdown();
        assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS), "a submitter was left waiting for ever");

        assertFailedWithError(leader);
        int failed = 0;
        for (Future<Integer> answer : answers) {
            // The second batch failed with an Error too; a waiter that queued after it was written in a third.
            try {
                assertTrue(answer.get() > 0);
            } catch (ExecutionException e) {
                assertFailedWithError(answer);
                failed++;
            }
        }
        assertTrue(failed > 0, "the second batch had no waiter");
        assertEquals(42, commits.submit(42), "the next batch leads on");
    }

    private static void assertFailedWithError(Future<Integer> answer) {
        ExecutionException thrown = assertThrows(ExecutionException.class, answer::get);
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
