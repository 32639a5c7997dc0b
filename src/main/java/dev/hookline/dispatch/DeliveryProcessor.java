package dev.hookline.dispatch;

import dev.hookline.store.Delivery;
import dev.hookline.store.DeliveryStatus;
import dev.hookline.store.StoredHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * One attempt at one delivery, in its own transaction: the synchronous observers run inside it, so their own
 * database writes commit together with the delivery's outcome, or roll back with it.
 */
@ApplicationScoped
public class DeliveryProcessor {

    /** The longest error text kept with a failed delivery. */
    static final int MAX_ERROR = 4000;

    @PersistenceContext(unitName = "hookline")
    EntityManager em;

    @Inject
    ObserverRoutes routes;

    @Inject
    Clock clock;

    /** What an attempt leaves for after its commit. */
    public record Attempt(Webhook hook, Route route) {
    }

    /**
     * Notifies the delivery's in-transaction observers and records the outcome. An observer's exception rolls the
     * whole attempt back and propagates.
     *
     * @return the attempt, or {@code null} when the delivery is gone or no longer waits
     */
    @Transactional(TxType.REQUIRES_NEW)
    @ActivateRequestContext
    public Attempt attempt(String id) {
        // The row lock keeps two dispatchers (start-up recovery and ingest) from attempting the same delivery.
        Delivery delivery = em.find(Delivery.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || !waits(delivery.status())) {
            return null;
        }
        int attempt = delivery.beginAttempt(clock.instant());
        Webhook hook = new Webhook(delivery.id(), delivery.source(), delivery.eventType(), delivery.deliveryId(),
                delivery.receivedAt(), attempt, StoredHeaders.decode(delivery.headers()), delivery.body());
        Route route = routes.route(delivery.source(), delivery.eventType());
        route.notifyInTransaction(hook);
        delivery.finish(route.isEmpty() ? DeliveryStatus.UNHANDLED : DeliveryStatus.PROCESSED, null, null);
        return new Attempt(hook, route);
    }

    /**
     * Records a failed attempt, whose own transaction was rolled back, with its error.
     *
     * @return the delivery as recorded, or {@code null} when it is gone or no longer waits
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Delivery recordFailure(String id, Throwable error) {
        Delivery delivery = em.find(Delivery.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || !waits(delivery.status())) {
            return null;
        }
        delivery.beginAttempt(clock.instant());
        // Retries come with the retry schedule; until then a failed delivery waits for an operator's replay.
        delivery.finish(DeliveryStatus.FAILED, describe(error), null);
        return delivery;
    }

    /**
     * Deliveries received before {@code before} that no attempt has finished, left over from a stop: the next
     * {@code limit} of them in id order after {@code after}.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<String> leftOver(Instant before, String after, int limit) {
        return em.createQuery("select d.id from Delivery d where d.status = :status and d.receivedAt < :before"
                        + " and d.id > :after order by d.id", String.class)
                .setParameter("status", DeliveryStatus.RECEIVED)
                .setParameter("before", Delivery.utc(before))
                .setParameter("after", after)
                .setMaxResults(limit)
                .getResultList();
    }

    private static boolean waits(DeliveryStatus status) {
        return status == DeliveryStatus.RECEIVED;
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
