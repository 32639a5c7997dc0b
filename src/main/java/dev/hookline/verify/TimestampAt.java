package dev.hookline.verify;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Where a signed timestamp is and how it is written. The freshness check refuses one further than the source's
 * tolerance from now; {@link Unit#TEXT} is signed but never checked (Zendesk's, whose format is not fixed).
 *
 * @param header the header that holds it, or {@code null} when the signature header's own fields do
 */
public record TimestampAt(String header, Unit unit) {

    public enum Unit { SECONDS, MILLISECONDS, RFC3339, TEXT }

    public static TimestampAt header(String name) {
        return new TimestampAt(name, Unit.SECONDS);
    }

    public static TimestampAt header(String name, Unit unit) {
        return new TimestampAt(name, unit);
    }

    /** In the signature header's fields ({@code t=}, {@code ts=}), in Unix seconds. */
    public static TimestampAt inSignature() {
        return new TimestampAt(null, Unit.SECONDS);
    }

    /** Checks the timestamp's age; {@code what} names it in a refusal. */
    void check(Freshness freshness, String what, String value) throws SignatureRejected {
        switch (unit) {
            case SECONDS -> freshness.check(what, value);
            case MILLISECONDS -> freshness.checkMillis(what, value);
            case RFC3339 -> {
                try {
                    freshness.check(Instant.parse(value));
                } catch (DateTimeParseException e) {
                    throw SignatureRejected.malformed(what + " is not an RFC 3339 timestamp");
                }
            }
            case TEXT -> {
                // Signed, not checked.
            }
        }
    }
}
