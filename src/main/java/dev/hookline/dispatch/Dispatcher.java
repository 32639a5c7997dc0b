package dev.hookline.dispatch;

import dev.hookline.platform.Started;
import dev.hookline.platform.health.Heartbeat;
import dev.hookline.source.Source;
import dev.hookline.source.Sources;
import dev.hookline.store.Claim;
import dev.hookline.store.Claims;
import dev.hookline.store.Delivery;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers stored deliveries to the application's observers, outside the request that received them, on Hookline's
 * own workers (see {@link DispatchWorkers}). Work reaches a node three ways: fresh deliveries it leased as it stored
 * them (see {@link #leaseFresh}) are attempted at once from memory; other fresh ones are claimed at once, from the
 * ingest's hint; and everything else (retries, replays, other nodes' left-overs) is claimed with a lease (see
 * {@link Claims}) by a poll every {@code hookline.dispatch.poll-interval}. {@link Attempts} attempts them, within the
 * node's {@link Capacity}.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    @Inject
    DispatchWorkers workers;

    /** Hookline's own pool, so that a hanging observer cannot stop every other attempt. */
    private Executor executor;

    @Inject
    BackgroundWork work;

    @Inject
    Claims claims;

    @Inject
    Attempts attempts;

    @Inject
    Capacity capacity;

    @Inject
    DispatchSettings settings;

    @Inject
    AttemptTasks tasks;

    @Inject
    Node node;

    @Inject
    Clock clock;

    @Inject
    Heartbeat heartbeat;

    @Inject
    Sources sources;

    /**
     * Deliveries leased as they were stored, attempted in batches of what has queued meanwhile. Three tasks at most,
     * of the executor's four: one stays free for polled and hinted claims. A task ends as soon as the queue is empty,
     * which gives its thread back: tasks that waited for more held three threads under load, and hinted and polled
     * claims, left one, fell behind (see docs/benchmarks.md).
     */
    private final Drain<Delivery> fresh = new Drain<>(3, 64,
            batch -> tasks.nextInLines(attempts.attemptAll(batch.stream().map(Delivery::claim).toList(), batch)));

    /**
     * Dispatches deliveries that have just been committed, without waiting for the next poll. Returns at once: the
     * claim and the attempts run on Hookline's workers. When the node already holds as much as it may, the hint is
     * dropped and the poll takes the deliveries, on this node or another.
     */
    public void dispatch(List<String> ids) {
        if (ids.isEmpty() || capacity.isFull()) {
            return;
        }
        try {
            executor.execute(() -> claimAndAttempt(ids));
        } catch (RuntimeException e) {
            // The application is stopping: the poll of the next node to run takes the deliveries.
            LOG.log(Level.FINE, "No claim of fresh deliveries: the executor refused it", e);
        }
    }

    private void claimAndAttempt(List<String> ids) {
        if (work.stopping()) {
            return;
        }
        List<Claim> claimed;
        try {
            Instant now = clock.instant();
            claimed = claims.these(node.id(), now, now.plus(settings.lease()), ids);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Claiming fresh deliveries failed; the poll will take them", e);
            return;
        }
        // Already on the executor: attempt them here rather than pay for another task.
        capacity.take(claimed.size());
        tasks.nextInLines(attempts.attemptAll(claimed, null));
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
        int granted = capacity.reserve(unordered.size());
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
        capacity.release(leasedNotStored);
    }

    @PostConstruct
    void workers() {
        executor = workers.executor();
    }

    /**
     * Starts polling: at once, for what a previous run left, then every poll interval. Last of what starts with the
     * application, after every check of its configuration: a deployment that a check stops must not have claimed
     * deliveries from a store that other nodes share.
     */
    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) Started started) {
        work.schedule(Duration.ZERO, settings.pollInterval(), this::poll);
        LOG.info(() -> "Dispatching as node " + node.id() + ": lease " + settings.lease() + ", poll every "
                + settings.pollInterval());
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
     * Claims due deliveries while there is room and a full batch came back, and attempts each batch in a task of its
     * own. A poll that claimed anything may have left more due: each batch's task polls again once it is attempted,
     * so that a backlog drains at the speed of its attempts, not a node's room per poll interval. Only a poll that
     * claims nothing ends the chain. A short batch does not: where two polls select the same rows (H2 selects rows
     * that another claim holds, and its update then skips them), each may claim fewer than asked while many are due.
     * Never throws: that would end the scheduled poll.
     */
    void poll() {
        // A poll is work too: one that never ends (a select H2 cannot finish) is a stuck worker to liveness.
        heartbeat.busy();
        try {
            resumeFresh();
            int room;
            while (!work.stopping() && (room = capacity.room(settings.claimBatch())) > 0) {
                Instant now = clock.instant();
                List<Claim> claimed = claims.due(node.id(), now, now.plus(settings.lease()), room);
                tasks.attemptLater(claimed, this::poll);
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
}
