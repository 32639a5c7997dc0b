package dev.hookline.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Records failed attempts, in the transaction of their own that follows the rollback of the attempt's: the delivery
 * is read under a row lock, so that no claim of another node comes between the check of this node's claim and the
 * write of the outcome, and the lock is held until that transaction commits.
 */
@ApplicationScoped
public class FailedAttempts {

    private static final String LOCK = "SELECT " + DeliveryRows.COLUMNS + " FROM hookline_delivery WHERE id = ?"
            + " FOR UPDATE";
    private static final String RECORD = "UPDATE hookline_delivery SET status = ?, last_error = ?,"
            + " next_attempt_at = ?, claimed_by = ?, lease_until = ? WHERE id = ?";

    @Inject
    StoreDataSource store;

    /** The delivery of that id, locked until the transaction ends; {@code null} when there is none. */
    @Transactional(TxType.MANDATORY)
    public Delivery lock(String id) {
        try (Connection connection = store.connection();
             PreparedStatement select = connection.prepareStatement(LOCK)) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? DeliveryRows.read(row) : null;
            }
        } catch (SQLException e) {
            throw new StoreFailure("Locking delivery " + id + " failed", e);
        }
    }

    /** Writes what a failure changes of a locked delivery: its status, error, next attempt and lease. */
    @Transactional(TxType.MANDATORY)
    public void record(Delivery delivery) {
        try (Connection connection = store.connection();
             PreparedStatement update = connection.prepareStatement(RECORD)) {
            update.setString(1, delivery.status().name());
            update.setString(2, delivery.lastError());
            DeliveryRows.setTime(update, 3, delivery.nextAttemptAt());
            update.setString(4, delivery.claimedBy());
            DeliveryRows.setTime(update, 5, delivery.leaseUntil());
            update.setString(6, delivery.id());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreFailure("Recording the failed attempt of delivery " + delivery.id() + " failed", e);
        }
    }
}
