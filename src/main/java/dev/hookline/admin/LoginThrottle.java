package dev.hookline.admin;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Wrong logins counted per key (a user name, a client address). The first {@value #FREE_FAILURES} cost nothing more;
 * after them each key must wait before its next try, one second and then twice as long after every further failure,
 * up to {@link #LONGEST_WAIT}. The wait is checked before a password is hashed, so a guesser neither learns anything
 * nor costs the node a PBKDF2 run per guess. A success, or a quiet quarter of an hour, forgets a key's failures. At
 * most {@value #MAX_KEYS} keys are kept.
 */
final class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
    private static final long FORGET_AFTER_NANOS = Duration.ofMinutes(15).toNanos();
    /** Keys kept at most: a flood of names and addresses cannot grow the map without bound. */
    static final int MAX_KEYS = 10_000;

    private record Failures(int count, long lastAt, long waitUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    LoginThrottle() {
        this(System::nanoTime);
    }

    LoginThrottle(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The keys of a login: its user name (cut, so that a flood of long names stays small) and its client address. */
    static String[] keys(String user, String address) {
        return new String[] {"user " + (user.length() <= 128 ? user : user.substring(0, 128)), "address " + address};
    }

    /** How long these keys must still wait before a try; zero when they may try now. */
    Duration wait(String... keys) {
        long now = nanoTime.getAsLong();
        long longest = 0;
        for (String key : keys) {
            Failures counted = failures.get(key);
            if (counted != null) {
                longest = Math.max(longest, counted.waitUntil() - now);
            }
        }
        return Duration.ofNanos(Math.max(0, longest));
    }

    void failed(String... keys) {
        long now = nanoTime.getAsLong();
        if (failures.size() >= MAX_KEYS) {
            // Quiet keys first, then those that do not wait yet; the waiting ones are what stops a guesser.
            failures.values().removeIf(counted -> now - counted.lastAt() > FORGET_AFTER_NANOS);
            if (failures.size() >= MAX_KEYS) {
                failures.values().removeIf(counted -> counted.count() < FREE_FAILURES);
            }
            if (failures.size() >= MAX_KEYS) {
                failures.clear();
            }
        }
        for (String key : keys) {
            failures.compute(key, (k, counted) -> {
                int count = counted == null || now - counted.lastAt() > FORGET_AFTER_NANOS ? 1 : counted.count() + 1;
                return new Failures(count, now, now + waitAfter(count).toNanos());
            });
        }
    }

    void succeeded(String... keys) {
        for (String key : keys) {
            failures.remove(key);
        }
    }

    static Duration waitAfter(int failures) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES, 20);
        Duration wait = Duration.ofSeconds(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
