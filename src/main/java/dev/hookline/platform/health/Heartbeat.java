package dev.hookline.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dispatch workers say here when they start and end a piece of work; liveness fails when one has been busy too long
 * (see {@link DispatchLiveness}). Call {@code busy()} before an attempt or a poll and {@code idle()} in a
 * {@code finally} after it, on the same thread.
 */
@ApplicationScoped
public class Heartbeat {

    private final Map<Thread, Long> busySince = new ConcurrentHashMap<>();

    /** The calling worker starts a piece of work. */
    public void busy() {
        busySince.put(Thread.currentThread(), System.nanoTime());
    }

    /** The calling worker is done with it. */
    public void idle() {
        busySince.remove(Thread.currentThread());
    }

    /** The longest any worker has now been busy, in nanoseconds; 0 when none is. */
    public long longestBusyNanos() {
        long now = System.nanoTime();
        long longest = 0;
        for (long since : busySince.values()) {
            longest = Math.max(longest, now - since);
        }
        return longest;
    }

    /** How many workers are busy now. */
    public int busyWorkers() {
        return busySince.size();
    }

    /** How many workers have been busy for longer than {@code nanos}. */
    public int busyLongerThan(long nanos) {
        long now = System.nanoTime();
        return (int) busySince.values().stream().filter(since -> now - since > nanos).count();
    }
}
