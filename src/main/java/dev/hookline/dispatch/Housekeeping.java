package dev.hookline.dispatch;

import dev.hookline.platform.Started;
import dev.hookline.store.Purges;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Instant;
import java.util.function.IntUnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Retention: every {@code hookline.retention.interval}, drops the headers and bodies of processed and unhandled
 * deliveries older than {@code hookline.retention.processed}, then deletes those older than
 * {@code hookline.retention.seen-ids}, in batches of {@code hookline.retention.batch}, each its own transaction (see
 * {@link Purges}). Several nodes may purge at once: a purge of what is already gone purges nothing.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

    @Inject
    BackgroundWork work;

    @Inject
    Purges purges;

    @Inject
    DispatchSettings settings;

    @Inject
    Clock clock;

    /** After every check of the configuration, as dispatch starts (see {@link Dispatcher#start}). */
    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) Started started) {
        work.schedule(settings.purgeInterval(), settings.purgeInterval(), this::purge);
    }

    /** Never throws: that would end the schedule. */
    void purge() {
        try {
            Instant now = clock.instant();
            Instant records = now.minus(settings.seenIds());
            long deleted = inBatches(batch -> purges.recordsBefore(records, batch));
            if (deleted > 0) {
                LOG.info(() -> "Deleted " + deleted + " finished deliveries received before " + records);
            }
            Instant payloads = now.minus(settings.retention());
            long emptied = inBatches(batch -> purges.payloadsBefore(payloads, batch, now));
            if (emptied > 0) {
                LOG.info(() -> "Dropped the headers and bodies of " + emptied + " finished deliveries received before "
                        + payloads + "; their ids are kept until " + settings.seenIds() + " after receipt");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Purging finished deliveries failed; trying again at the next interval", e);
        }
    }

    /**
     * Runs one purge batch after another until one finds less than a whole batch or the application stops; answers
     * the total.
     */
    private long inBatches(IntUnaryOperator purge) {
        int batch = settings.purgeBatch();
        long total = 0;
        while (!work.stopping()) {
            int done = purge.applyAsInt(batch);
            total += done;
            if (done < batch) {
                break;
            }
        }
        return total;
    }
}
