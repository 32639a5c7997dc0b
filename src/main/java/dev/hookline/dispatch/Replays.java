package dev.hookline.dispatch;

import dev.hookline.store.Resets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * Sends deliveries through dispatch again, for the admin API. A replayed delivery is {@code RECEIVED} again with a new
 * series of attempts (its attempt number starts over at 1) and is due at once; its last error stays until the next
 * attempt's outcome. One that a node is attempting right now, or that waits for its first attempt, is left alone.
 */
@ApplicationScoped
public class Replays {

    @Inject
    Resets resets;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Clock clock;

    /**
     * Replays one delivery, whatever its outcome was ({@code DEAD}, {@code FAILED}, {@code PROCESSED},
     * {@code UNHANDLED}), and starts its attempt at once.
     *
     * @return 1 when it was replayed; 0 when there is no such delivery or it is {@code RECEIVED} or
     *         {@code PROCESSING}
     */
    public int replay(String id) {
        int replayed = resets.one(id, clock.instant());
        if (replayed > 0) {
            dispatcher.dispatch(List.of(id));
        }
        return replayed;
    }

    /**
     * Replays every {@code DEAD} delivery of a source, or of all sources when {@code source} is {@code null}, and
     * starts claiming them at once: as many as the node has room for, then more as those are attempted.
     *
     * @return how many were replayed
     */
    public int replayDead(String source) {
        int replayed = resets.deadOf(source, clock.instant());
        if (replayed > 0) {
            dispatcher.pollNow();
        }
        return replayed;
    }
}
