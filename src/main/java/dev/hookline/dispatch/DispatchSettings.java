package dev.hookline.dispatch;

import dev.hookline.platform.Started;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The {@code hookline.dispatch.*} and {@code hookline.retention.*} settings, read and checked once at start-up so that
 * a mistake stops the deployment with the key to fix. Read from an observer of the start, not in
 * {@code @PostConstruct}: the container wraps what that throws in its own exception, and a remote deployer's report
 * (Payara Server's) then no longer names the key.
 */
@ApplicationScoped
public class DispatchSettings {

    @Inject
    Config config;

    private Duration lease;
    private Duration pollInterval;
    private int claimBatch;
    private int maxInFlight;
    private Duration retention;
    private Duration seenIds;
    private Duration purgeInterval;
    private int purgeBatch;
    private ErrorDetail errorDetail;
    private volatile boolean read;

    void readOnStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Started started) {
        read();
    }

    /** A volatile read on the request path; the lock only until the settings are read. */
    private void ensureRead() {
        if (!read) {
            read();
        }
    }

    private synchronized void read() {
        if (read) {
            return;
        }
        lease = duration("hookline.dispatch.lease", Duration.ofSeconds(30));
        pollInterval = duration("hookline.dispatch.poll-interval", Duration.ofSeconds(1));
        claimBatch = count("hookline.dispatch.claim-batch", 32);
        maxInFlight = count("hookline.dispatch.max-in-flight", 64);
        retention = duration("hookline.retention.processed", Duration.ofDays(7));
        seenIds = duration("hookline.retention.seen-ids", Duration.ofDays(30));
        if (seenIds.compareTo(retention) < 0) {
            throw new InvalidDispatchConfiguration("hookline.retention.seen-ids: " + seenIds
                    + " is shorter than hookline.retention.processed (" + retention + "): a delivery's id is kept"
                    + " at least as long as its payload");
        }
        purgeInterval = duration("hookline.retention.interval", Duration.ofHours(1));
        purgeBatch = count("hookline.retention.batch", 1000);
        errorDetail = ErrorDetail.of(config.getOptionalValue(ErrorDetail.KEY, String.class).orElse(null));
        read = true;
    }

    /** How long a claim lasts: past it, another node takes the delivery over. */
    public Duration lease() {
        ensureRead();
        return lease;
    }

    /** How often each node looks for due deliveries that no hint brought: retries, and other nodes' left-overs. */
    public Duration pollInterval() {
        ensureRead();
        return pollInterval;
    }

    /** The most deliveries one poll claims. */
    public int claimBatch() {
        ensureRead();
        return claimBatch;
    }

    /** The most deliveries a node holds claimed at once, queued or being attempted. */
    public int maxInFlight() {
        ensureRead();
        return maxInFlight;
    }

    /** How long processed and unhandled deliveries are kept whole, with their headers and body. */
    public Duration retention() {
        ensureRead();
        return retention;
    }

    /**
     * How long a finished delivery's row is kept, without its payload after {@link #retention()}, so that a sender's
     * replay of it is still answered as a duplicate.
     */
    public Duration seenIds() {
        ensureRead();
        return seenIds;
    }

    /** How much of an observer's exception a failed delivery keeps, for the admin API and console to show. */
    public ErrorDetail errorDetail() {
        ensureRead();
        return errorDetail;
    }

    public Duration purgeInterval() {
        ensureRead();
        return purgeInterval;
    }

    public int purgeBatch() {
        ensureRead();
        return purgeBatch;
    }

    private Duration duration(String key, Duration fallback) {
        Optional<String> text = config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
        try {
            Duration value = text.map(Duration::parse).orElse(fallback);
            if (!value.isNegative() && !value.isZero()) {
                return value;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new InvalidDispatchConfiguration(key + ": '" + text.orElse("") + "' is not a positive ISO-8601 duration");
    }

    private int count(String key, int fallback) {
        Optional<String> text = config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
        try {
            int value = text.map(Integer::parseInt).orElse(fallback);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidDispatchConfiguration(key + ": '" + text.orElse("") + "' is not a positive whole number");
    }
}
