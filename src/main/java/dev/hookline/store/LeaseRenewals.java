package dev.hookline.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Extends the leases of claims whose attempts are running, each only where the claim is still the current one. Outside
 * any transaction: each row is updated and committed on its own, so that a renewal never holds one row's lock while it
 * waits for another's (an attempt locks its rows as it records their outcomes), and cannot deadlock with an attempt.
 */
@ApplicationScoped
public class LeaseRenewals {

    /** Like finishing an attempt, matched by key and claimant only (see {@link ClaimedDeliveries}). */
    private static final String RENEW = "UPDATE hookline_delivery SET lease_until = ?"
            + " WHERE id = ? AND claimed_by = ? AND attempts = ?";

    @Inject
    StoreDataSource store;

    /** @return the claims renewed until {@code until}: those still this node's for their attempt */
    @Transactional(TxType.NOT_SUPPORTED)
    public List<Claim> renew(List<Claim> claims, String node, Instant until) {
        List<Claim> renewed = new ArrayList<>(claims.size());
        try (Connection connection = store.connection();
             PreparedStatement update = connection.prepareStatement(RENEW)) {
            for (Claim claim : claims) {
                DeliveryRows.setTime(update, 1, until);
                update.setString(2, claim.id());
                update.setString(3, node);
                update.setInt(4, claim.attempt());
                if (update.executeUpdate() > 0) {
                    renewed.add(claim.renewedUntil(until));
                }
            }
            return renewed;
        } catch (SQLException e) {
            throw new StoreFailure("Renewing the leases of " + claims.size() + " attempts failed", e);
        }
    }
}
