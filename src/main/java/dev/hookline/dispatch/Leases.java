package dev.hookline.dispatch;

import dev.hookline.platform.ServerResources;
import dev.hookline.platform.Started;
import dev.hookline.platform.Stopping;
import dev.hookline.store.Claim;
import dev.hookline.store.LeaseRenewals;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The rules of this node's leases, in one place:
 * <ul>
 * <li>an attempt starts only on a lease with at least half its length left; a delivery whose lease ran short while it
 * waited in memory is let go, and a poll (of this node or another) takes it over when the lease ends;</li>
 * <li>while an attempt runs, its lease is renewed every quarter of its length, so that a slow observer keeps its
 * delivery and no other node attempts it at the same time. A node that dies renews nothing: its leases end and its
 * deliveries are taken over. One whose observer hangs keeps them, and its liveness check reports the stuck worker.</li>
 * </ul>
 * Renewal runs at least a quarter of a lease before the half that an attempt started with has gone.
 */
@ApplicationScoped
public class Leases {

    private static final Logger LOG = Logger.getLogger(Leases.class.getName());

    @Inject
    LeaseRenewals renewals;

    @Inject
    DispatchSettings settings;

    @Inject
    Node node;

    @Inject
    Clock clock;

    @Inject
    ServerResources server;

    /** The claims whose attempts are running, by delivery id, as last renewed. */
    private final Map<String, Claim> attempting = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> renewing;

    /** After every check of the configuration, as dispatch starts (see {@link Dispatcher#start}). */
    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) Started started) {
        long every = settings.lease().dividedBy(4).toMillis();
        renewing = server.scheduler().scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * After the rest of the background work has ended (see {@link BackgroundWork}): attempts still running while the
     * application stops keep their leases until then. Waits for a renewal under way, which holds the monitor.
     */
    synchronized void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) Stopping stopping) {
        if (renewing != null) {
            renewing.cancel(false);
        }
    }

    /** Whether an attempt may start on this claim: its lease has at least half its length left. */
    public boolean longEnough(Claim claim) {
        return longEnough(claim.leaseUntil(), clock.instant(), settings.lease());
    }

    static boolean longEnough(Instant until, Instant now, Duration lease) {
        return until != null && Duration.between(now, until).compareTo(lease.dividedBy(2)) >= 0;
    }

    /** Keeps these claims' leases alive until {@link #finished}. */
    public void attempting(List<Claim> claims) {
        claims.forEach(claim -> attempting.put(claim.id(), claim));
    }

    public void finished(List<Claim> claims) {
        claims.forEach(claim -> attempting.remove(claim.id()));
    }

    /**
     * Renews every running attempt's lease for another full lease. Never throws: that would end the schedule. Holds
     * the monitor, so that the application's stop waits for the renewal's transaction to end.
     */
    synchronized void renew() {
        List<Claim> running = List.copyOf(attempting.values());
        if (running.isEmpty()) {
            return;
        }
        try {
            Instant until = clock.instant().plus(settings.lease());
            List<Claim> renewed = renewals.renew(running, node.id(), until);
            renewed.forEach(claim -> attempting.computeIfPresent(claim.id(), (id, old) -> claim));
            if (renewed.size() < running.size()) {
                // Finished meanwhile, most often; a lease taken over would mean an attempt outlived a lease unrenewed.
                LOG.fine(() -> (running.size() - renewed.size()) + " of " + running.size() + " leases not renewed:"
                        + " their attempts finished meanwhile");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Renewing the leases of running attempts failed; trying again", e);
        } catch (Error e) {
            LOG.log(Level.SEVERE, "Renewing the leases of running attempts failed; trying again", e);
        }
    }
}
