package dev.hookline.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The age check of timestamped schemes: a signed timestamp further than the tolerance from now, in either direction,
 * is refused, so a captured request cannot be replayed later. A zero tolerance turns the check off.
 */
public final class Freshness {

    private final long toleranceSeconds;
    private final Clock clock;

    public Freshness(Duration tolerance, Clock clock) {
        this.toleranceSeconds = tolerance.getSeconds();
        this.clock = clock;
    }

    /** Parses a Unix-seconds timestamp as sent and checks it. */
    public long check(String header, String value) throws SignatureRejected {
        long timestamp = parse(header, value);
        if (toleranceSeconds > 0) {
            long now = clock.instant().getEpochSecond();
            if (Math.abs(now - timestamp) > toleranceSeconds) {
                throw SignatureRejected.stale();
            }
        }
        return timestamp;
    }

    /** Parses a Unix-milliseconds timestamp as sent and checks it to the second. */
    public long checkMillis(String header, String value) throws SignatureRejected {
        long millis = parse(header, value, 15);
        check(Instant.ofEpochMilli(millis));
        return millis;
    }

    /** Checks an instant already parsed. */
    public void check(Instant timestamp) throws SignatureRejected {
        if (toleranceSeconds > 0 && Math.abs(clock.instant().getEpochSecond() - timestamp.getEpochSecond())
                > toleranceSeconds) {
            throw SignatureRejected.stale();
        }
    }

    private static long parse(String header, String value) throws SignatureRejected {
        return parse(header, value, 12);
    }

    private static long parse(String header, String value, int maxDigits) throws SignatureRejected {
        // Digits only, and few enough that no overflow is possible: "+5", " 5" and "1e9" are not timestamps.
        if (value.isEmpty() || value.length() > maxDigits) {
            throw SignatureRejected.malformed(header + " is not a Unix timestamp");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw SignatureRejected.malformed(header + " is not a Unix timestamp");
            }
        }
        return Long.parseLong(value);
    }
}
