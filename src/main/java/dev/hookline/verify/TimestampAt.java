package dev.hookline.verify;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Where a signed timestamp is and how it is written. The freshness check refuses one further than the source's
 * tolerance from now.
 *
 * @param header the header that holds it, or {@code null}
 * @param member the top-level member of the JSON body that holds it (Linear's {@code webhookTimestamp}), or
 *               {@code null}; when neither is set, the signature header's own fields hold it
 */
public record TimestampAt(String header, String member, Unit unit) {

    public enum Unit { SECONDS, MILLISECONDS, RFC3339 }

    public static TimestampAt header(String name) {
        return new TimestampAt(name, null, Unit.SECONDS);
    }

    public static TimestampAt header(String name, Unit unit) {
        return new TimestampAt(name, null, unit);
    }

    /** In the signature header's fields ({@code t=}, {@code ts=}), in Unix seconds. */
    public static TimestampAt inSignature() {
        return new TimestampAt(null, null, Unit.SECONDS);
    }

    /** In a top-level member of the signed JSON body; checked only, as the body is already signed. */
    public static TimestampAt inBody(String member, Unit unit) {
        return new TimestampAt(null, member, unit);
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
        }
    }
}
