package dev.hookline.bench.observer;

import dev.hookline.api.Webhook;
import dev.hookline.api.WebhookSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times each delivery of the {@code bench} source from the moment Hookline received it (its stored received-at) to
 * the moment this in-transaction observer is notified. Only deliveries received since the last {@link #reset} count: a
 * backlog left from before, notified meanwhile, would otherwise make the figure its age. Those are only counted.
 * Benchmark only: it lives in the bench WAR overlay.
 */
@ApplicationScoped
public class BenchObserver {

    private final LatencyHistogram endToEnd = new LatencyHistogram();
    private final AtomicLong receivedBefore = new AtomicLong();
    private volatile Instant since = Instant.EPOCH;

    void received(@Observes @WebhookSource("bench") Webhook hook) {
        Instant received = hook.receivedAt();
        if (received.isBefore(since)) {
            receivedBefore.incrementAndGet();
            return;
        }
        endToEnd.record(Duration.between(received, Instant.now()).toNanos() / 1_000);
    }

    /** Starts afresh: only deliveries received from now on are timed. */
    void reset() {
        since = Instant.now();
        endToEnd.reset();
        receivedBefore.set(0);
    }

    LatencyHistogram endToEnd() {
        return endToEnd;
    }

    /** Deliveries notified since the reset that were received before it. */
    long receivedBefore() {
        return receivedBefore.get();
    }
}
