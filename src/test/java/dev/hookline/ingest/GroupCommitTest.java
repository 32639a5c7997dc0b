package dev.hookline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
        });
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
        });
        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> commits.submit(1));
        assertEquals("the database is down", failed.getMessage());
        assertEquals(2, commits.submit(2));
        assertEquals(2, batches.get());
    }
}
