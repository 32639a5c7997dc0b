package dev.hookline.dispatch;

import dev.hookline.api.Webhook;
import dev.hookline.platform.ServerResources;
import dev.hookline.platform.Started;
import dev.hookline.platform.health.Heartbeat;
import dev.hookline.source.Source;
import dev.hookline.source.Sources;
import dev.hookline.store.Claim;
import dev.hookline.store.Claims;
import dev.hookline.store.Delivery;
import dev.hookline.store.DeliveryStatus;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers stored deliveries to the application's observers, outside the request that received them, on Hookline's
 * own workers (see {@link DispatchWorkers}). Work reaches a node three ways: fresh deliveries it leased as it stored
 * them (see {@link #leaseFresh}) are attempted at once from memory; other fresh ones are claimed at once, from the
 * ingest's hint; and everything else (retries, replays, other nodes' left-overs) is claimed with a lease (see
 * {@link Claims}) by a poll every {@code hookline.dispatch.poll-interval}. Deliveries claimed together are attempted
 * together, in one transaction (see {@link DeliveryProcessor}); {@link Leases} keeps their leases while they are.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    @Inject
    DispatchWorkers workers;

    /** Hookline's own pool, so that a hanging observer cannot stop every other attempt. */
    private Executor executor;

    @Inject
    ServerResources server;

    @Inject
    Claims claims;

    @Inject
    DeliveryProcessor processor;

    @Inject
    DispatchSettings settings;

    @Inject
    Node node;

    @Inject
    Clock clock;

    @Inject
    DeliveryOutcomes outcomes;

    @Inject
    Heartbeat heartbeat;

    @Inject
    Leases leases;

    @Inject
    Sources sources;

    /** Deliveries claimed by this node and not yet finished, queued or being attempted. */
    private final AtomicInteger inFlight = new AtomicInteger();
    /**
     * Deliveries leased as they were stored, attempted in batches of what has queued meanwhile. Three tasks at most,
     * of the executor's four: one stays free for polled and hinted claims. A task ends as soon as the queue is empty,
     * which gives its thread back: tasks that waited for more held three threads under load, and hinted and polled
     * claims, left one, fell behind (see docs/benchmarks.md).
     */
    private final Drain<Delivery> fresh = new Drain<>(3, 64,
            batch -> attemptAll(batch.stream().map(Delivery::claim).toList(), batch));
    private volatile ScheduledFuture<?> polling;

    /**
     * Dispatches deliveries that have just been committed, without waiting for the next poll. Returns at once: the
     * claim and the attempts run on the managed executor. When the node already holds as much as it may, the hint is
     * dropped and the poll takes the deliveries, on this node or another.
     */
    public void dispatch(List<String> ids) {
        if (ids.isEmpty() || inFlight.get() >= settings.maxInFlight()) {
            return;
        }
        executor.execute(() -> {
            List<Claim> claimed;
            try {
                Instant now = clock.instant();
                claimed = claims.these(node.id(), now, now.plus(settings.lease()), ids);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Claiming fresh deliveries failed; the poll will take them", e);
                return;
            }
            // Already on the executor: attempt them here rather than pay for another task.
            inFlight.addAndGet(claimed.size());
            attemptAll(claimed, null);
        });
    }

    /**
     * Leases deliveries about to be stored to this node, as many as it has room for, so that once committed they are
     * attempted at once, without being claimed or read again (see {@link Delivery#leaseTo}). Deliveries of ordered
     * sources are not leased here: they wait their turn in the store.
     *
     * @return the deliveries leased: once the transaction that stores them has ended, pass those it stored to
     * {@link #attemptStored} and the number of the others to {@link #release}
     */
    public List<Delivery> leaseFresh(List<Delivery> deliveries) {
        List<Delivery> unordered = new ArrayList<>(deliveries.size());
        for (Delivery delivery : deliveries) {
            Source source = sources.find(delivery.source());
            if (source != null && source.ordering() == null) {
                unordered.add(delivery);
            }
        }
        int granted = reserve(unordered.size());
        if (granted == 0) {
            return List.of();
        }
        Instant now = clock.instant();
        Instant until = now.plus(settings.lease());
        List<Delivery> leased = unordered.subList(0, granted);
        leased.forEach(delivery -> delivery.leaseTo(node.id(), now, until));
        return leased;
    }

    /** Attempts deliveries leased by {@link #leaseFresh} whose storing has committed. Returns at once. */
    public void attemptStored(List<Delivery> leased) {
        if (leased.isEmpty()) {
            return;
        }
        try {
            fresh.add(leased, executor);
        } catch (RuntimeException e) {
            // Most often the application is stopping: the leases end and another node takes the deliveries over.
            // Otherwise the next poll starts a task for them.
            LOG.log(Level.FINE, e, () -> fresh.queued() + " deliveries queued with no task to attempt them");
        }
    }

    /** Gives back the room of deliveries leased by {@link #leaseFresh} that were not stored. */
    public void release(int leasedNotStored) {
        inFlight.addAndGet(-leasedNotStored);
    }

    /** Takes room for up to {@code wanted} more deliveries in flight; answers how many it took. */
    private int reserve(int wanted) {
        while (true) {
            int now = inFlight.get();
            int granted = Math.max(0, Math.min(wanted, settings.maxInFlight() - now));
            if (granted == 0 || inFlight.compareAndSet(now, now + granted)) {
                return granted;
            }
        }
    }

    @PostConstruct
    void workers() {
        executor = workers.executor();
    }

    /** Starts polling: at once, for what a previous run left, then every poll interval. */
    void start(@Observes Started started) {
        // Looked up here, on a thread with the application's naming context, before any worker needs them.
        server.transactions();
        server.executor();
        long every = settings.pollInterval().toMillis();
        polling = server.scheduler().scheduleWithFixedDelay(this::poll, 0, every, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Dispatching as node " + node.id() + ": lease " + settings.lease() + ", poll every "
                + settings.pollInterval());
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }

    /**
     * Polls at once on the executor rather than at the next poll interval: for work made due in bulk, such as a replay
     * of every dead delivery. Returns at once.
     */
    public void pollNow() {
        try {
            executor.execute(this::poll);
        } catch (RuntimeException e) {
            // The application is stopping: the next node's poll takes the deliveries.
            LOG.log(Level.FINE, "No poll now: the executor refused it", e);
        }
    }

    /**
     * Claims due deliveries while there is room and a full batch came back; each batch's task polls again once it is
     * attempted (see {@link #run}). Never throws: that would end the scheduled poll.
     */
    void poll() {
        // A poll is work too: one that never ends (a select H2 cannot finish) is a stuck worker to liveness.
        heartbeat.busy();
        try {
            resumeFresh();
            int room;
            while ((room = Math.min(settings.claimBatch(), settings.maxInFlight() - inFlight.get())) > 0) {
                Instant now = clock.instant();
                List<Claim> claimed = claims.due(node.id(), now, now.plus(settings.lease()), room);
                run(claimed, true);
                if (claimed.size() < room) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Polling for due deliveries failed; trying again at the next poll", e);
        } catch (Error e) {
            // Thrown out of here, it would end the scheduled poll without a word: the executor keeps it to itself.
            LOG.log(Level.SEVERE, "Polling for due deliveries failed; trying again at the next poll", e);
        } finally {
            heartbeat.idle();
        }
    }

    /**
     * Fresh deliveries queued while the executor refused their task hold room that only their attempt gives back:
     * without a task for them, a node whose room they filled would never claim again.
     */
    private void resumeFresh() {
        try {
            fresh.resume(executor);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, e, () -> fresh.queued() + " deliveries still queued: the executor refused a task");
        }
    }

    /**
     * Attempts a batch of claims in one task: a task submission costs the server more (context capture and
     * propagation) than the attempt of a fast observer, and batches of different commits still run side by side.
     * A poll that claimed anything may have left more due: the task polls again once its batch is attempted, so that
     * a backlog drains at the speed of its attempts, not a node's room per poll interval. Only a poll that claims
     * nothing ends the chain. A short batch does not: where two polls select the same rows (H2 selects rows that
     * another claim holds, and its update then skips them), each may claim fewer than asked while many are due.
     *
     * @param pollAfter whether to poll again once these are attempted
     */
    private void run(List<Claim> claimed, boolean pollAfter) {
        if (claimed.isEmpty()) {
            return;
        }
        inFlight.addAndGet(claimed.size());
        try {
            executor.execute(() -> {
                attemptAll(claimed, null);
                if (pollAfter) {
                    poll();
                }
            });
        } catch (RuntimeException e) {
            // The executor refused (the application is stopping): the leases end and another node takes them over.
            inFlight.addAndGet(-claimed.size());
            LOG.log(Level.FINE, e, () -> claimed.size() + " deliveries left to their leases");
        }
    }

    /**
     * Attempts claimed deliveries in one transaction, the way ingest commits concurrent deliveries in one. If any of
     * them fails, the transaction rolls back as a whole and each is attempted again alone, in a transaction of its
     * own, so that only the failing one is recorded as failed and the others commit.
     *
     * @param leased the deliveries themselves when this node leased them as it stored them, else {@code null}
     */
    private void attemptAll(List<Claim> claimed, List<Delivery> leased) {
        if (claimed.isEmpty()) {
            return;
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
            inFlight.addAndGet(-claimed.size());
        }
        for (Claim claim : live) {
            if (claim.orderingKey() != null) {
                nextInLine(claim);
            }
        }
    }

    /**
     * One transaction after another, each as long as a quarter of the lease allows (so that it commits well before
     * the leases it attempts end), until all are attempted.
     *
     * @param loaded the deliveries in memory as stored, else {@code null}: they are read with their claims checked
     */
    private void attemptTogether(List<Claim> claimed, List<Delivery> loaded) {
        Duration budget = settings.lease().dividedBy(4);
        List<Claim> claims = claimed;
        List<Delivery> deliveries = loaded;
        while (!claims.isEmpty()) {
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
                for (int i = 0; i < claims.size(); i++) {
                    attemptAlone(claims.get(i), deliveries == null ? null : deliveries.get(i));
                }
                return;
            }
            attempted.attempts().forEach(this::finished);
            deliveries = attempted.notYet();
            claims = deliveries.stream().map(Delivery::claim).toList();
        }
    }

    /** @param leased the delivery itself when this node has it in memory as stored, else {@code null} */
    private void attemptAlone(Claim claim, Delivery leased) {
        long start = System.nanoTime();
        Duration budget = settings.lease();
        try {
            (leased == null ? processor.attempt(List.of(claim), node.id(), budget)
                    : processor.attemptLoaded(List.of(leased), node.id(), budget)).attempts()
                    .forEach(this::finished);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            LOG.log(Level.FINE, e, () -> "Delivery " + claim.id() + " failed");
            try {
                Delivery failed = processor.recordFailure(claim, node.id(), e);
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

    /** Reports a committed attempt, then hands it to its asynchronous observers. */
    private void finished(DeliveryProcessor.Attempt attempt) {
        Webhook hook = attempt.hook();
        outcomes.record(hook.source(), hook.type(), hook.deliveryId(), hook.id(),
                attempt.route().isEmpty() ? DeliveryStatus.UNHANDLED : DeliveryStatus.PROCESSED,
                hook.attempt(), attempt.nanos(), null);
        attempt.route().notifyAsync(hook, server.executor());
    }

    /** Claims the next delivery of an ordered key at once, so that a line moves at attempt speed, not poll speed. */
    private void nextInLine(Claim finished) {
        try {
            Instant now = clock.instant();
            run(claims.nextOf(node.id(), now, now.plus(settings.lease()), finished.source(), finished.orderingKey()),
                    false);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Claiming the next delivery in line failed; the poll will take it", e);
        }
    }
}
