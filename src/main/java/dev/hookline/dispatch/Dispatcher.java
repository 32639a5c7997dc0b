package dev.hookline.dispatch;

import dev.hookline.platform.DeliveryOutcomes;
import dev.hookline.platform.health.Heartbeat;
import dev.hookline.store.Delivery;
import dev.hookline.store.DeliveryStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers stored deliveries to the application's observers, outside the request that received them, on the
 * server's managed executor. Each delivery gets one attempt (see {@link DeliveryProcessor}); its after-commit
 * observers run once the attempt has committed.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    private static final int RECOVERY_PAGE = 500;

    @Resource
    ManagedExecutorService executor;

    @Inject
    DeliveryProcessor processor;

    @Inject
    Clock clock;

    @Inject
    DeliveryOutcomes outcomes;

    @Inject
    Heartbeat heartbeat;

    /** Dispatches deliveries that have just been committed. */
    public void dispatch(List<String> ids) {
        executor.execute(() -> ids.forEach(this::attempt));
    }

    /** Picks up what a previous run stored but did not finish dispatching. */
    void recoverOnStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Instant startedAt = clock.instant();
        executor.execute(() -> recover(startedAt));
    }

    private void recover(Instant startedAt) {
        try {
            List<String> page;
            String after = "";
            do {
                page = processor.leftOver(startedAt, after, RECOVERY_PAGE);
                page.forEach(this::attempt);
                after = page.isEmpty() ? after : page.get(page.size() - 1);
            } while (page.size() == RECOVERY_PAGE);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Recovering left-over deliveries failed", e);
        }
    }

    void attempt(String id) {
        long start = System.nanoTime();
        heartbeat.busy();
        try {
            attemptOnce(id, start);
        } finally {
            heartbeat.idle();
        }
    }

    private void attemptOnce(String id, long start) {
        DeliveryProcessor.Attempt attempt;
        try {
            attempt = processor.attempt(id);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Delivery " + id + " failed");
            try {
                Delivery failed = processor.recordFailure(id, e);
                if (failed != null) {
                    outcomes.record(failed.source(), failed.eventType(), failed.deliveryId(), id, failed.status(),
                            failed.attempts(), System.nanoTime() - start, e);
                }
            } catch (RuntimeException recordFailed) {
                LOG.log(Level.SEVERE, recordFailed, () -> "Recording the failure of delivery " + id + " failed");
            }
            return;
        }
        if (attempt != null) {
            Webhook hook = attempt.hook();
            outcomes.record(hook.source(), hook.type(), hook.deliveryId(), hook.id(),
                    attempt.route().isEmpty() ? DeliveryStatus.UNHANDLED : DeliveryStatus.PROCESSED, hook.attempt(),
                    System.nanoTime() - start, null);
            attempt.route().notifyAfterCommit(hook);
        }
    }
}
