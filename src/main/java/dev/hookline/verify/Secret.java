package dev.hookline.verify;

import java.time.Instant;
import java.util.Objects;

/**
 * One configured secret of a source and, optionally, the instant after which it is no longer accepted (the end of a
 * rotation). {@link #toString()} never shows the value.
 */
public record Secret(String value, Instant notAfter) {

    public Secret {
        Objects.requireNonNull(value);
    }

    public static Secret of(String value) {
        return new Secret(value, null);
    }

    public boolean activeAt(Instant now) {
        return notAfter == null || now.isBefore(notAfter);
    }

    @Override
    public String toString() {
        return "Secret[****" + (notAfter == null ? "" : ", notAfter=" + notAfter) + "]";
    }
}
