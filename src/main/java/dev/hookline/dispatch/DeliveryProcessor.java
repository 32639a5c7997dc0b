package dev.hookline.dispatch;

import dev.hookline.source.RetryPolicy;
import dev.hookline.source.Source;
import dev.hookline.source.Sources;
import dev.hookline.store.Claim;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * One attempt at one claimed delivery, in its own transaction: the synchronous observers run inside it, so their own
 * database writes commit together with {@code PROCESSED}, or roll back with it. The attempt first locks the row and
 * checks that this node's claim is still the current one, so an attempt whose lease was taken over does nothing.
 */
@ApplicationScoped
public class DeliveryProcessor {

    private static final Logger LOG = Logger.getLogger(DeliveryProcessor.class.getName());
    /** The longest error text kept with a failed delivery. */
    static final int MAX_ERROR = 4000;

    @PersistenceContext(unitName = "hookline")
    EntityManager em;

    @Inject
    ObserverRoutes routes;

    @Inject
    Sources sources;

    @Inject
    Clock clock;

    /** What an attempt leaves for after its commit. */
    public record Attempt(Webhook hook, Route route) {
    }

    /**
     * Notifies the delivery's in-transaction observers and records the outcome. An observer's exception rolls the
     * whole attempt back and propagates.
     *
     * @return the attempt, or {@code null} when the delivery is gone or no longer this node's
     */
    @Transactional(TxType.REQUIRES_NEW)
    @ActivateRequestContext
    public Attempt attempt(Claim claim, String node) {
        // No row lock while the observers run: an observer that hangs must not keep the delivery from being taken
        // over when its lease ends. The claim is checked again, under lock, before the outcome commits.
        Delivery delivery = em.find(Delivery.class, claim.id());
        if (delivery == null || !delivery.isClaimedBy(claim, node)) {
            return null;
        }
        Webhook hook = new Webhook(delivery.id(), delivery.source(), delivery.eventType(), delivery.deliveryId(),
                delivery.receivedAt(), delivery.attempts(), StoredHeaders.decode(delivery.headers()), delivery.body());
        Route route = routes.route(delivery.source(), delivery.eventType());
        route.notifyInTransaction(hook);
        em.refresh(delivery, LockModeType.PESSIMISTIC_WRITE);
        if (!delivery.isClaimedBy(claim, node)) {
            throw new LostClaim(claim);
        }
        delivery.succeed(route.isEmpty() ? DeliveryStatus.UNHANDLED : DeliveryStatus.PROCESSED);
        return new Attempt(hook, route);
    }

    /**
     * Records a failed attempt, whose own transaction was rolled back: {@code FAILED} with the time of the next
     * attempt, or {@code DEAD} when the source allows no more.
     *
     * @return the delivery as recorded, or {@code null} when it is no longer this node's
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Delivery recordFailure(Claim claim, String node, Throwable error) {
        String id = claim.id();
        Delivery delivery = em.find(Delivery.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || !delivery.isClaimedBy(claim, node)) {
            return null;
        }
        RetryPolicy policy = policyOf(delivery.source());
        String description = describe(error);
        if (policy.allowsAnotherAfter(delivery.attemptsInSeries())) {
            Instant next = clock.instant().plus(policy.delayAfter(delivery.attemptsInSeries(),
                    ThreadLocalRandom.current().nextDouble()));
            delivery.retryAt(next, description);
        } else {
            delivery.die(description);
            LOG.warning(() -> "Delivery " + id + " of " + delivery.source() + " is DEAD after " + delivery.attempts()
                    + " attempts: " + description + (delivery.orderingKey() == null ? ""
                    : "; later deliveries of ordering key '" + delivery.orderingKey()
                    + "' wait until it is replayed or deleted"));
        }
        return delivery;
    }

    private RetryPolicy policyOf(String sourceName) {
        Source source = sources.find(sourceName);
        return source == null ? RetryPolicy.DEFAULT : source.retry();
    }

    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
