package dev.hookline.dispatch;

import dev.hookline.platform.ServerResources;
import dev.hookline.platform.Stopping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * This node's background work (polls, purges, attempts) and its end when the application stops: on {@link Stopping},
 * no schedule runs again and no loop of transactions begins another ({@link #stopping()}); tasks still waiting for a
 * worker are dropped, their deliveries left to their leases, which a poll takes over once they end; then what runs is
 * given up to one lease to finish, its leases still renewed (see {@link Leases}). Only an attempt that outlasts that
 * is interrupted.
 */
@ApplicationScoped
public class BackgroundWork {

    private static final Logger LOG = Logger.getLogger(BackgroundWork.class.getName());

    @Inject
    ServerResources server;

    @Inject
    DispatchWorkers workers;

    @Inject
    DispatchSettings settings;

    private final List<ScheduledFuture<?>> schedules = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;
    /** Scheduled runs under way; guarded by {@code this}. */
    private int running;

    /** Runs the task after {@code first}, then {@code every} after each run ends, until the application stops. */
    public void schedule(Duration first, Duration every, Runnable task) {
        schedules.add(server.scheduler().scheduleWithFixedDelay(() -> runUnlessStopping(task), first.toMillis(),
                every.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Whether the application is stopping: then a loop of transactions begins no other, leaving the rest. */
    public boolean stopping() {
        return stopping;
    }

    void stop(@Observes Stopping event) {
        synchronized (this) {
            stopping = true;
        }
        if (schedules.isEmpty()) {
            return; // never started: a check of the configuration stopped the deployment
        }
        schedules.forEach(schedule -> schedule.cancel(false));
        long deadline = System.nanoTime() + settings.lease().toNanos();
        try {
            boolean scheduledEnded = awaitScheduledRuns(deadline);
            int interrupted = workers.stop(deadline);
            if (!scheduledEnded || interrupted > 0) {
                LOG.warning(() -> "Background work still ran " + settings.lease() + " after the application began"
                        + " to stop: " + interrupted + " worker tasks (attempts, polls) interrupted"
                        + (scheduledEnded ? "" : ", a poll or purge left running")
                        + "; their deliveries are attempted again once their leases end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runUnlessStopping(Runnable task) {
        synchronized (this) {
            if (stopping) {
                return;
            }
            running++;
        }
        try {
            task.run();
        } finally {
            synchronized (this) {
                if (--running == 0) {
                    notifyAll();
                }
            }
        }
    }

    private synchronized boolean awaitScheduledRuns(long deadline) throws InterruptedException {
        while (running > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
