package dev.hookline.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Operator replays, as the admin API asks for them: the delivery goes back to {@code RECEIVED} and through dispatch
 * again, counting one more attempt.
 *
 * <p>Deliberately minimal, for the admin API to build on: the durable retry engine replaces this class with its own,
 * of the same two signatures.
 */
@ApplicationScoped
public class Replays {

    @Inject
    ReplayResets resets;

    @Inject
    Dispatcher dispatcher;

    /** Replays one delivery; 1 when it was replayed, 0 when there is none of that id or dispatch has it already. */
    public int replay(String id) {
        if (!resets.reset(id)) {
            return 0;
        }
        dispatcher.dispatch(List.of(id));
        return 1;
    }

    /** Replays every {@code DEAD} delivery of a source, or of all sources when it is {@code null}; returns how many. */
    public int replayDead(String source) {
        List<String> ids = resets.resetDead(source);
        if (!ids.isEmpty()) {
            dispatcher.dispatch(ids);
        }
        return ids.size();
    }
}
