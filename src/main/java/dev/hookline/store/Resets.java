package dev.hookline.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * Puts finished or failing deliveries back to {@code RECEIVED}, due at once, with a new series of retries; the count
 * of attempts goes on, so that the history stays visible. One that a
 * node is attempting right now ({@code PROCESSING}) or that waits for its first attempt is left alone.
 */
@ApplicationScoped
public class Resets {

    private static final List<DeliveryStatus> RESETTABLE = List.of(DeliveryStatus.DEAD, DeliveryStatus.FAILED,
            DeliveryStatus.PROCESSED, DeliveryStatus.UNHANDLED);
    /** Binds the status {@code RECEIVED}, then the time now, then the conditions' values. */
    private static final String RESET = "UPDATE hookline_delivery SET status = ?,"
            + " attempts_before_replay = attempts,"
            + " next_attempt_at = ?, claimed_by = NULL, lease_until = NULL";
    private static final String ONE = RESET + " WHERE id = ? AND payload_purged_at IS NULL AND status IN ("
            + String.join(", ", Collections.nCopies(RESETTABLE.size(), "?")) + ")";
    private static final String DEAD = RESET + " WHERE status = ?";
    private static final String DEAD_OF_SOURCE = DEAD + " AND source = ?";

    @Inject
    StoreDataSource store;

    /**
     * @return 1 when the delivery was reset, 0 when there is none of that id, it is received or processing, or its
     *         payload was purged
     */
    @Transactional(TxType.REQUIRES_NEW)
    public int one(String id, Instant now) {
        try (Connection connection = store.connection();
             PreparedStatement update = connection.prepareStatement(ONE)) {
            int p = bindReset(update, now);
            update.setString(p++, id);
            for (DeliveryStatus status : RESETTABLE) {
                update.setString(p++, status.name());
            }
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreFailure("Replaying delivery " + id + " failed", e);
        }
    }

    /** Resets every dead delivery of a source, or of all sources when {@code source} is {@code null}. */
    @Transactional(TxType.REQUIRES_NEW)
    public int deadOf(String source, Instant now) {
        try (Connection connection = store.connection();
             PreparedStatement update = connection.prepareStatement(source == null ? DEAD : DEAD_OF_SOURCE)) {
            int p = bindReset(update, now);
            update.setString(p++, DeliveryStatus.DEAD.name());
            if (source != null) {
                update.setString(p, source);
            }
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreFailure("Replaying the dead deliveries" + (source == null ? "" : " of " + source)
                    + " failed", e);
        }
    }

    /** Binds what every reset sets; answers the index of the first condition. */
    private static int bindReset(PreparedStatement update, Instant now) throws SQLException {
        update.setString(1, DeliveryStatus.RECEIVED.name());
        DeliveryRows.setTime(update, 2, now);
        return 3;
    }
}
