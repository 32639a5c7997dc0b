package dev.hookline.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many deliveries this node holds claimed (or leased as it stored them) and has not finished, queued or being
 * attempted, against {@code hookline.dispatch.max-in-flight}: past it, fresh deliveries are stored for a poll, of this
 * node or another, to take.
 */
@ApplicationScoped
public class Capacity {

    @Inject
    DispatchSettings settings;

    private final AtomicInteger inFlight = new AtomicInteger();

    /** Takes room for up to {@code wanted} more; answers how many it took. */
    public int reserve(int wanted) {
        while (true) {
            int now = inFlight.get();
            int granted = Math.max(0, Math.min(wanted, settings.maxInFlight() - now));
            if (granted == 0 || inFlight.compareAndSet(now, now + granted)) {
                return granted;
            }
        }
    }

    /** Counts deliveries already claimed, which a claim sized by {@link #room} took. */
    public void take(int claimed) {
        inFlight.addAndGet(claimed);
    }

    public void release(int finished) {
        inFlight.addAndGet(-finished);
    }

    /** Room for more, at most {@code upTo}. */
    public int room(int upTo) {
        return Math.min(upTo, settings.maxInFlight() - inFlight.get());
    }

    public boolean isFull() {
        return inFlight.get() >= settings.maxInFlight();
    }
}
