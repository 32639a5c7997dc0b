package dev.hookline.source;

import dev.hookline.verify.Handshake;
import dev.hookline.verify.Verifier;
import java.util.Set;

/**
 * One configured sender: how its requests are verified, where its event type and delivery id are, and what it may
 * send. Built once at start-up; the request path only reads it.
 *
 * @param eventType   where the type is, or {@code null} when the sender has none
 * @param eventAction where the event's action is ({@code issues} + {@code opened} is {@code issues.opened}), or
 *                    {@code null}
 * @param deliveryId  where the idempotency key is, or {@code null} for a SHA-256 of the body
 * @param publicUrl   the URL the sender signs (Twilio), or {@code null}
 * @param hiddenHeaders lower-case names of headers never stored nor shown: signatures and credentials
 * @param retry       how failed deliveries are tried again
 * @param ordering    which deliveries are processed one at a time in the order they were stored, or {@code null}
 *                    for none
 * @param ack         how a stored delivery is acknowledged, or {@code null} for Hookline's own answer
 * @param handshake   how the sender's handshakes are answered, or {@code null} when it makes none
 */
public record Source(String name,
                     Verifier verifier,
                     Selector eventType,
                     Selector eventAction,
                     Selector deliveryId,
                     int maxBody,
                     Set<String> contentTypes,
                     Set<String> hiddenHeaders,
                     String publicUrl,
                     RetryPolicy retry,
                     Ordering ordering,
                     Acknowledgement ack,
                     Handshake handshake) {

    public boolean accepts(String mediaType) {
        return contentTypes.contains(mediaType);
    }

    public boolean hides(String header) {
        return hiddenHeaders.contains(header);
    }
}
