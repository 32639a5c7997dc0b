package dev.hookline.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Retention of finished deliveries, in two steps, one bounded batch per transaction so that a purge never holds many
 * locks or a long transaction. First a delivery's payload goes (headers and body), and its row stays as the record
 * that its delivery id was seen: the unique (source, delivery id) goes on refusing a sender's replay of it at no cost
 * to ingest. Later the row goes. Only {@code PROCESSED} and {@code UNHANDLED} ones: a dead delivery stays until an
 * operator replays or deletes it. Several nodes may purge at once: what another node purged is purged once.
 */
@ApplicationScoped
public class Purges {

    private static final String FINISHED = "status IN ('PROCESSED', 'UNHANDLED')";
    // Ids are UUIDv7, ordered by receipt time: the primary key index finds the old ones without a second index.
    private static final String PAYLOADS = "SELECT id, body FROM hookline_delivery WHERE id < ? AND " + FINISHED
            + " AND payload_purged_at IS NULL ORDER BY id LIMIT ?";
    private static final String DROP_PAYLOAD = "UPDATE hookline_delivery SET headers = '{}', body = ?,"
            + " body_sha256 = ?, payload_purged_at = ? WHERE id = ? AND " + FINISHED + " AND payload_purged_at IS NULL";
    private static final byte[] NO_BODY = new byte[0];

    @Inject
    StoreDataSource store;

    @Inject
    StoreDialect dialects;

    /**
     * Drops the headers and body of up to {@code batch} finished deliveries received before {@code before}, keeping
     * the body's SHA-256.
     *
     * @return how many were looked at; fewer than {@code batch} means none is left
     */
    @Transactional(TxType.REQUIRES_NEW)
    public int payloadsBefore(Instant before, int batch, Instant now) {
        try (Connection connection = store.connection();
             PreparedStatement select = connection.prepareStatement(PAYLOADS);
             PreparedStatement update = connection.prepareStatement(DROP_PAYLOAD)) {
            select.setString(1, firstIdAt(before));
            select.setInt(2, batch);
            int found = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found++;
                    update.setBytes(1, NO_BODY);
                    update.setString(2, BodyDigests.sha256Hex(rows.getBytes(2)));
                    DeliveryRows.setTime(update, 3, now);
                    update.setString(4, rows.getString(1));
                    update.addBatch();
                }
            }
            if (found > 0) {
                update.executeBatch();
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Purging the payloads of finished deliveries failed", e);
        }
    }

    /**
     * Deletes up to {@code batch} finished deliveries received before {@code before}, payload and record.
     *
     * @return how many were deleted; fewer than {@code batch} means none is left
     */
    @Transactional(TxType.REQUIRES_NEW)
    public int recordsBefore(Instant before, int batch) {
        try (Connection connection = store.connection();
             PreparedStatement delete = connection.prepareStatement(dialects.of(connection)
                     .purgeRecords(FINISHED))) {
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
