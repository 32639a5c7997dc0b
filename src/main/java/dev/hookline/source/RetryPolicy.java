package dev.hookline.source;

import java.time.Duration;

/**
 * How often, and how far apart, a source's failed deliveries are tried again: exponential backoff from
 * {@code initialDelay}, doubled after each failure and capped at {@code maxDelay}, with jitter so that deliveries that
 * failed together do not all come back together. After {@code maxAttempts} attempts a delivery is dead.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(10, Duration.ofSeconds(5), Duration.ofHours(1));

    /**
     * The wait before the next attempt after {@code failedAttempts} failed ones: half of the backoff for sure, the
     * other half chosen by {@code random} (from 0 inclusive to 1 exclusive), the "equal jitter" of the AWS note on
     * backoff.
     */
    public Duration delayAfter(int failedAttempts, double random) {
        long initial = Math.max(1, initialDelay.toMillis());
        long cap = Math.max(initial, maxDelay.toMillis());
        long backoff = initial;
        for (int failure = 2; failure <= failedAttempts && backoff < cap; failure++) {
            backoff = Math.min(cap, backoff * 2);
        }
        long half = backoff / 2;
        return Duration.ofMillis(half + (long) (random * (backoff - half)));
    }

    /** Whether a delivery that has had this many attempts may have another. */
    public boolean allowsAnotherAfter(int attempts) {
        return attempts < maxAttempts;
    }
}
