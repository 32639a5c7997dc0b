package dev.hookline.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Deletes finished deliveries past their retention, one bounded batch per transaction, so that a purge never holds
 * many locks or a long transaction. Only {@code PROCESSED} and {@code UNHANDLED} ones go: a dead delivery stays until
 * an operator replays or deletes it.
 */
@ApplicationScoped
public class Purges {

    @Inject
    StoreDataSource store;

    /**
     * Deletes up to {@code batch} finished deliveries received before {@code before}.
     *
     * @return how many were deleted; fewer than {@code batch} means none is left
     */
    @Transactional(TxType.REQUIRES_NEW)
    public int finishedBefore(Instant before, int batch) {
        // Ids are UUIDv7, ordered by receipt time: the primary key index finds the old ones without a second index.
        String sql = "DELETE FROM hookline_delivery WHERE id IN (SELECT id FROM hookline_delivery"
                + " WHERE id < ? AND status IN ('PROCESSED', 'UNHANDLED') LIMIT ?)";
        try (Connection connection = store.connection();
             PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setString(1, firstIdAt(before));
            delete.setInt(2, batch);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Purging finished deliveries failed", e);
        }
    }

    /** The smallest id a delivery received at that instant can have (see {@link DeliveryIds}). */
    static String firstIdAt(Instant instant) {
        return new UUID((instant.toEpochMilli() << 16) | 0x7000L, 0x8000000000000000L).toString();
    }
}
