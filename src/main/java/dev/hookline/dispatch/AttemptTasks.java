package dev.hookline.dispatch;

import dev.hookline.store.Claim;
import dev.hookline.store.Claims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where attempts run: as tasks on Hookline's workers, each taking its room in {@link Capacity} first; and what follows
 * an attempt of an ordered delivery: the next of its key is claimed at once, so that a line moves at attempt speed,
 * not poll speed.
 */
@ApplicationScoped
public class AttemptTasks {

    private static final Logger LOG = Logger.getLogger(AttemptTasks.class.getName());

    @Inject
    Attempts attempts;

    @Inject
    Claims claims;

    @Inject
    Capacity capacity;

    @Inject
    DispatchWorkers workers;

    @Inject
    BackgroundWork work;

    @Inject
    DispatchSettings settings;

    @Inject
    Node node;

    @Inject
    Clock clock;

    /**
     * Attempts claims in one task of their own, then runs {@code then}: one task for a batch, since a task costs more
     * (context capture and propagation) than the attempt of a fast observer, and batches of different claims still
     * run side by side. When the workers refuse the task (the application is stopping), the leases end and another
     * node takes the deliveries over.
     */
    public void attemptLater(List<Claim> claimed, Runnable then) {
        if (claimed.isEmpty()) {
            return;
        }
        capacity.take(claimed.size());
        try {
            workers.executor().execute(() -> {
                nextInLines(attempts.attemptAll(claimed, null));
                then.run();
            });
        } catch (RuntimeException e) {
            capacity.release(claimed.size());
            LOG.log(Level.FINE, e, () -> claimed.size() + " deliveries left to their leases");
        }
    }

    /** After attempts, on the calling thread: the next delivery of each ordered key attempted is claimed. */
    public void nextInLines(List<Claim> attempted) {
        for (Claim claim : attempted) {
            if (claim.orderingKey() != null) {
                nextInLine(claim);
            }
        }
    }

    /**
     * Claims the next delivery of an ordered key. Its attempt is a task of its own: attempted here, a long line would
     * nest one attempt inside the last.
     */
    private void nextInLine(Claim finished) {
        if (work.stopping()) {
            return; // the next in line waits for a poll
        }
        List<Claim> next;
        try {
            Instant now = clock.instant();
            next = claims.nextOf(node.id(), now, now.plus(settings.lease()), finished.source(),
                    finished.orderingKey());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Claiming the next delivery in line failed; the poll will take it", e);
            return;
        }
        attemptLater(next, () -> { });
    }
}
