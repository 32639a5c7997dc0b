package dev.hookline.verify;

import java.time.Clock;
import java.time.Instant;

/**
 * The time in which a source learns a secret from an unauthenticated handshake: until the instant the operator set in
 * {@code <scheme>.handshake-until} when registering the webhook, and never without one. Outside it, anyone could
 * teach Hookline a secret of their own.
 */
final class HandshakeWindow {

    private final String key;
    private final Instant until;
    private final Clock clock;

    HandshakeWindow(SchemeSettings settings, String option) {
        this.key = "hookline.source." + settings.source() + "." + option;
        this.until = settings.instant(option).orElse(null);
        this.clock = settings.clock();
    }

    boolean open() {
        return until != null && clock.instant().isBefore(until);
    }

    /** A refusal when the window is closed, else {@code null}. */
    Challenge closed() {
        if (open()) {
            return null;
        }
        return Challenge.refused(403, "This source learns a secret from a handshake only while " + key
                + " is in the future.");
    }
}
