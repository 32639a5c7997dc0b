package dev.hookline.dispatch;

import dev.hookline.platform.ServerResources;
import dev.hookline.platform.Started;
import dev.hookline.store.Purges;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Retention: every {@code hookline.retention.interval}, deletes processed and unhandled deliveries older than
 * {@code hookline.retention.processed}, in batches of {@code hookline.retention.batch}, each its own transaction.
 * Several nodes may purge at once: a delete of what is already gone deletes nothing.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

    @Inject
    ServerResources server;

    @Inject
    Purges purges;

    @Inject
    DispatchSettings settings;

    @Inject
    Clock clock;

    private volatile ScheduledFuture<?> purging;

    void start(@Observes Started started) {
        long every = settings.purgeInterval().toMillis();
        purging = server.scheduler().scheduleWithFixedDelay(this::purge, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (purging != null) {
            purging.cancel(false);
        }
    }

    /** Never throws: that would end the schedule. */
    void purge() {
        try {
            Instant before = clock.instant().minus(settings.retention());
            int batch = settings.purgeBatch();
            long total = 0;
            int deleted;
            do {
                deleted = purges.finishedBefore(before, batch);
                total += deleted;
            } while (deleted == batch);
            if (total > 0) {
                long purged = total;
                LOG.info(() -> "Purged " + purged + " finished deliveries received before " + before);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Purging finished deliveries failed; trying again at the next interval", e);
        }
    }
}
