package dev.hookline.store;

/**
 * A delivery this node has leased for an attempt.
 *
 * @param orderingKey the line it waits in, for an ordered source; otherwise {@code null}
 */
public record Claim(String id, String source, String orderingKey) {
}
