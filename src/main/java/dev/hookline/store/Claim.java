package dev.hookline.store;

import java.time.Instant;

/**
 * A delivery this node has leased for an attempt.
 *
 * @param orderingKey the line it waits in, for an ordered source; otherwise {@code null}
 * @param attempt     the number of the attempt this claim is for: only this claim may record its outcome
 * @param leaseUntil  when the lease ends, as claimed or last renewed: past it, any node may take the delivery over
 */
public record Claim(String id, String source, String orderingKey, int attempt, Instant leaseUntil) {

    /** The same claim, its lease renewed until {@code until}. */
    public Claim renewedUntil(Instant until) {
        return new Claim(id, source, orderingKey, attempt, until);
    }
}
