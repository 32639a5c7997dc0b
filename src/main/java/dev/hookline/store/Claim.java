package dev.hookline.store;

/**
 * A delivery this node has leased for an attempt.
 *
 * @param orderingKey the line it waits in, for an ordered source; otherwise {@code null}
 * @param attempt     the number of the attempt this claim is for: only this claim may record its outcome
 */
public record Claim(String id, String source, String orderingKey, int attempt) {
}
