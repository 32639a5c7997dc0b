package dev.hookline.dispatch;

import dev.hookline.api.Webhook;
import dev.hookline.platform.ServerResources;
import dev.hookline.platform.health.Heartbeat;
import dev.hookline.store.Claim;
import dev.hookline.store.Delivery;
import dev.hookline.store.DeliveryStatus;
import dev.hookline.store.H2Commits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Attempts claimed deliveries on the calling thread: on leases long enough (see {@link Leases}), several in one
 * transaction while none fails, each alone once one has; records failures, reports outcomes and hands committed
 * deliveries to their asynchronous observers. Gives back the claims' room in {@link Capacity} once they are attempted.
 * Where attempts run, and what follows them in an ordered key's line, is {@link AttemptTasks}'.
 */
@ApplicationScoped
public class Attempts {

    private static final Logger LOG = Logger.getLogger(Attempts.class.getName());

    @Inject
    DeliveryProcessor processor;

    @Inject
    Leases leases;

    @Inject
    Capacity capacity;

    @Inject
    DispatchSettings settings;

    @Inject
    DeliveryOutcomes outcomes;

    @Inject
    H2Commits durability;

    @Inject
    Heartbeat heartbeat;

    @Inject
    ServerResources server;

    @Inject
    Node node;

    @Inject
    BackgroundWork work;

    /**
     * Attempts claimed deliveries in one transaction, the way ingest commits concurrent deliveries in one. If any of
     * them fails, the transaction rolls back as a whole and each is attempted again alone, in a transaction of its
     * own, so that only the failing one is recorded as failed and the others commit.
     *
     * @param leased the deliveries themselves when this node leased them as it stored them, else {@code null}
     * @return the claims that were attempted: those whose lease was long enough; none once the application is
     * stopping, which leaves them to their leases
     */
    public List<Claim> attemptAll(List<Claim> claimed, List<Delivery> leased) {
        if (claimed.isEmpty()) {
            return claimed;
        }
        if (work.stopping()) {
            capacity.release(claimed.size());
            return List.of();
        }
        List<Claim> live = new ArrayList<>(claimed.size());
        List<Delivery> liveLoaded = leased == null ? null : new ArrayList<>(leased.size());
        for (int i = 0; i < claimed.size(); i++) {
            if (leases.longEnough(claimed.get(i))) {
                live.add(claimed.get(i));
                if (leased != null) {
                    liveLoaded.add(leased.get(i));
                }
            }
        }
        if (live.size() < claimed.size()) {
            LOG.fine(() -> (claimed.size() - live.size()) + " deliveries waited too long for their attempt: left to"
                    + " their leases, which a poll takes over");
        }
        heartbeat.busy();
        leases.attempting(live);
        try {
            attemptTogether(live, liveLoaded);
        } finally {
            leases.finished(live);
            heartbeat.idle();
            capacity.release(claimed.size());
        }
        return live;
    }

    /**
     * One transaction after another, each as long as a quarter of the lease allows (so that it commits well before
     * the leases it attempts end), until all are attempted or the application is stopping.
     *
     * @param loaded the deliveries in memory as stored, else {@code null}: they are read with their claims checked
     */
    private void attemptTogether(List<Claim> claimed, List<Delivery> loaded) {
        Duration budget = settings.lease().dividedBy(4);
        List<Claim> claims = claimed;
        List<Delivery> deliveries = loaded;
        while (!claims.isEmpty() && !work.stopping()) {
            if (claims.size() == 1) {
                attemptAlone(claims.get(0), deliveries == null ? null : deliveries.get(0));
                return;
            }
            DeliveryProcessor.Attempted attempted;
            try {
                attempted = deliveries == null ? processor.attempt(claims, node.id(), budget)
                        : processor.attemptLoaded(deliveries, node.id(), budget);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                int size = claims.size();
                LOG.log(Level.FINE, e, () -> "A transaction of " + size + " attempts rolled back; attempting each"
                        + " alone");
                for (int i = 0; i < claims.size() && !work.stopping(); i++) {
                    attemptAlone(claims.get(i), deliveries == null ? null : deliveries.get(i));
                }
                return;
            }
            committed(attempted);
            deliveries = attempted.notYet();
            claims = deliveries.stream().map(Delivery::claim).toList();
        }
    }

    /** @param leased the delivery itself when this node has it in memory as stored, else {@code null} */
    private void attemptAlone(Claim claim, Delivery leased) {
        long start = System.nanoTime();
        Duration budget = settings.lease();
        try {
            committed(leased == null ? processor.attempt(List.of(claim), node.id(), budget)
                    : processor.attemptLoaded(List.of(leased), node.id(), budget));
        } catch (RuntimeException | LinkageError | AssertionError e) {
            LOG.log(Level.FINE, e, () -> "Delivery " + claim.id() + " failed");
            try {
                Delivery failed = processor.recordFailure(claim, node.id(), e);
                written();
                if (failed != null) {
                    outcomes.record(failed.source(), failed.eventType(), failed.deliveryId(), failed.id(),
                            failed.status(), failed.attempts(), System.nanoTime() - start, e);
                }
            } catch (RuntimeException recordFailed) {
                // The lease ends and the delivery is attempted again, here or on another node.
                LOG.log(Level.SEVERE, recordFailed, () -> "Recording the failure of delivery " + claim.id()
                        + " failed");
            }
        }
    }

    /**
     * Makes the attempts' commit durable before anything more follows from it (on H2, see {@link H2Commits}): an
     * outcome lost in a crash would run its observers again. Then reports each.
     */
    private void committed(DeliveryProcessor.Attempted attempted) {
        written();
        attempted.attempts().forEach(this::finished);
    }

    private void written() {
        try {
            durability.written();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Attempts committed but not yet written to the store's file; a crash now would"
                    + " attempt them again", e);
        }
    }

    /** Reports a committed attempt, then hands it to its asynchronous observers. */
    private void finished(DeliveryProcessor.Attempt attempt) {
        Webhook hook = attempt.hook();
        outcomes.record(hook.source(), hook.type(), hook.deliveryId(), hook.id(),
                attempt.route().isEmpty() ? DeliveryStatus.UNHANDLED : DeliveryStatus.PROCESSED,
                hook.attempt(), attempt.nanos(), null);
        attempt.route().notifyAsync(hook, server.executor());
    }
}
