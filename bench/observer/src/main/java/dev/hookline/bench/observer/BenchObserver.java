package dev.hookline.bench.observer;

import dev.hookline.dispatch.Webhook;
import dev.hookline.dispatch.WebhookSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;

/**
 * Times each delivery of the {@code bench} source from the moment Hookline received it (its stored received-at) to
 * the moment this in-transaction observer is notified. Benchmark only: it lives in the bench WAR overlay.
 */
@ApplicationScoped
public class BenchObserver {

    private final LatencyHistogram endToEnd = new LatencyHistogram();

    void received(@Observes @WebhookSource("bench") Webhook hook) {
        endToEnd.record(Duration.between(hook.receivedAt(), Instant.now()).toNanos() / 1_000);
    }

    LatencyHistogram endToEnd() {
        return endToEnd;
    }
}
