package dev.hookline.dispatch;

import dev.hookline.api.Webhook;
import dev.hookline.source.RetryPolicy;
import dev.hookline.source.Source;
import dev.hookline.source.Sources;
import dev.hookline.store.Claim;
import dev.hookline.store.ClaimedDeliveries;
import dev.hookline.store.Delivery;
import dev.hookline.store.DeliveryStatus;
import dev.hookline.store.FailedAttempts;
import dev.hookline.store.StoredHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import java.util.stream.LongStream;

/**
 * Attempts at claimed deliveries, in a transaction of their own: the synchronous observers run inside it, so their own
 * database writes commit together with {@code PROCESSED}, or roll back with it. Several deliveries may share one
 * transaction, as concurrent deliveries share one at ingest: that is one commit for many, instead of one each. When
 * any observer of a shared transaction fails, all of it rolls back and the caller attempts each delivery alone, so
 * that only the failing one fails (see {@link Dispatcher}). No row is locked while observers run: an observer that
 * hangs must not keep its delivery from being taken over when its lease ends. The claim is checked again, under lock,
 * as the outcome is recorded, so an attempt whose lease was taken over commits nothing.
 */
@ApplicationScoped
public class DeliveryProcessor {

    private static final Logger LOG = Logger.getLogger(DeliveryProcessor.class.getName());

    @Inject
    ClaimedDeliveries claimed;

    @Inject
    FailedAttempts failures;

    @Inject
    ObserverRoutes routes;

    @Inject
    InTransactionObservers observers;

    @Inject
    Sources sources;

    @Inject
    Clock clock;

    @Inject
    DispatchSettings settings;

    /**
     * What an attempt leaves for after its commit.
     *
     * @param nanos the time of its own observers, plus its share of the transaction's reads and writes
     */
    public record Attempt(Claim claim, Webhook hook, Route route, long nanos) {
    }

    /**
     * What one transaction attempted.
     *
     * @param notYet deliveries still claimed that it left for another transaction: it had used up its time
     */
    public record Attempted(List<Attempt> attempts, List<Delivery> notYet) {
    }

    /**
     * Notifies the in-transaction observers of each delivery still claimed, then records the outcomes, in one
     * transaction. An observer's exception rolls all of it back and propagates; so does a claim lost meanwhile. Once
     * the transaction has taken {@code budget}, it attempts no further delivery and commits what it has: a long
     * transaction would risk leases ending before it commits.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Attempted attempt(List<Claim> claims, String node, Duration budget) {
        long start = System.nanoTime();
        return attemptAll(claimed.stillClaimed(claims, node), node, start, budget.toNanos());
    }

    /**
     * As {@link #attempt}, for deliveries still claimed that this node has in memory as stored, such as those it
     * leased as it stored them (see {@link Delivery#leaseTo}): they are not read again. Their claims are checked as
     * their outcomes are recorded.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Attempted attemptLoaded(List<Delivery> deliveries, String node, Duration budget) {
        return attemptAll(deliveries, node, System.nanoTime(), budget.toNanos());
    }

    private Attempted attemptAll(List<Delivery> deliveries, String node, long start, long budgetNanos) {
        List<Attempt> attempts = new ArrayList<>(deliveries.size());
        long[] observerNanos = new long[deliveries.size()];
        List<Claim> processed = new ArrayList<>(deliveries.size());
        List<Claim> unhandled = new ArrayList<>(0);
        int count = 0;
        while (count < deliveries.size() && (count == 0 || System.nanoTime() - start < budgetNanos)) {
            Delivery delivery = deliveries.get(count);
            Webhook hook = new Webhook(delivery.id(), delivery.source(), delivery.eventType(),
                    delivery.deliveryId(), delivery.receivedAt(), delivery.attempts(),
                    () -> StoredHeaders.decode(delivery.headers()), delivery.body());
            Route route = routes.route(delivery.source(), delivery.eventType());
            long before = System.nanoTime();
            observers.notify(route, hook);
            observerNanos[count++] = System.nanoTime() - before;
            Claim claim = delivery.claim();
            (route.isEmpty() ? unhandled : processed).add(claim);
            attempts.add(new Attempt(claim, hook, route, 0));
        }
        for (Attempt attempt : attempts) {
            if (!attempt.route().transactional().isEmpty()) {
                observers.beforeCompletion(attempt.route(), attempt.hook());
            }
        }
        int finished = claimed.finish(processed, node, DeliveryStatus.PROCESSED)
                + claimed.finish(unhandled, node, DeliveryStatus.UNHANDLED);
        if (finished != count) {
            throw new LostClaim(count - finished, count);
        }
        long shared = count == 0 ? 0 : (System.nanoTime() - start - LongStream.of(observerNanos).sum()) / count;
        List<Attempt> timed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Attempt attempt = attempts.get(i);
            timed.add(new Attempt(attempt.claim(), attempt.hook(), attempt.route(), observerNanos[i] + shared));
        }
        return new Attempted(timed, List.copyOf(deliveries.subList(count, deliveries.size())));
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
        Delivery delivery = failures.lock(id);
        if (delivery == null || !delivery.isClaimedBy(claim, node)) {
            return null;
        }
        RetryPolicy policy = policyOf(delivery.source());
        String description = settings.errorDetail().describe(error);
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
        failures.record(delivery);
        return delivery;
    }

    private RetryPolicy policyOf(String sourceName) {
        Source source = sources.find(sourceName);
        return source == null ? RetryPolicy.DEFAULT : source.retry();
    }
}
