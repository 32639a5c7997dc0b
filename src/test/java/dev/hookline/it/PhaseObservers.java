package dev.hookline.it;

import dev.hookline.api.Webhook;
import dev.hookline.api.WebhookEvent;
import dev.hookline.api.WebhookSource;
import dev.hookline.store.DeliveryStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Observers of the {@code phases} source in every transaction phase and asynchronously, recording what each saw:
 * whether a transaction was active, the thread, and the delivery's stored status. {@code explode} fails its attempt.
 */
@ApplicationScoped
public class PhaseObservers {

    /** One notification, as the observer saw it. */
    public record Seen(String phase, String deliveryId, int transactionStatus, String thread, DeliveryStatus stored) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    StoredDeliveries store;

    public List<Seen> of(String deliveryId) {
        return seen.stream().filter(s -> s.deliveryId().equals(deliveryId)).toList();
    }

    void inProgress(@Observes @WebhookSource("phases") Webhook hook) {
        record("IN_PROGRESS", hook, null);
    }

    void explode(@Observes @WebhookEvent(source = "phases", type = "explode") Webhook hook) {
        throw new IllegalStateException("exploded on purpose");
    }

    void beforeCompletion(@Observes(during = TransactionPhase.BEFORE_COMPLETION) @WebhookSource("phases")
                          Webhook hook) {
        record("BEFORE_COMPLETION", hook, null);
    }

    void afterSuccess(@Observes(during = TransactionPhase.AFTER_SUCCESS) @WebhookSource("phases") Webhook hook) {
        record("AFTER_SUCCESS", hook, null);
    }

    void afterFailure(@Observes(during = TransactionPhase.AFTER_FAILURE) @WebhookSource("phases") Webhook hook) {
        record("AFTER_FAILURE", hook, null);
    }

    void afterCompletion(@Observes(during = TransactionPhase.AFTER_COMPLETION) @WebhookSource("phases")
                         Webhook hook) {
        record("AFTER_COMPLETION", hook, null);
    }

    void async(@ObservesAsync @WebhookSource("phases") Webhook hook) {
        record("ASYNC", hook, store.byId(hook.id()).status());
    }

    void asyncThatFails(@ObservesAsync @WebhookSource("phases") Webhook hook) {
        throw new IllegalStateException("an asynchronous observer failed on purpose");
    }

    private void record(String phase, Webhook hook, DeliveryStatus stored) {
        int status;
        try {
            status = transactions.getTransactionStatus();
        } catch (RuntimeException e) {
            status = Status.STATUS_NO_TRANSACTION;
        }
        seen.add(new Seen(phase, hook.deliveryId(), status, Thread.currentThread().getName(), stored));
    }
}
