package dev.hookline.store;

import java.time.Instant;

/**
 * What is left of a finished delivery's payload once its retention is over: when its headers and body were dropped,
 * and the SHA-256 of the body (hex), by which an operator can still tell whether a request someone holds is the one
 * received.
 */
public record PurgedPayload(Instant purgedAt, String bodySha256) {
}
