package dev.hookline.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The deliveries of an attempt, read and finished inside the attempt's own transaction: one read for however many
 * deliveries it carries, and one round trip to finish them (on PostgreSQL; a statement each elsewhere). Finishing is
 * where a claim is checked: the update matches only rows whose lease is still this attempt's, and holds their row
 * locks until the attempt commits.
 */
@ApplicationScoped
public class ClaimedDeliveries {

    /**
     * Matches a row by its key and by columns no index holds. A delivery has a claimant only while it is
     * {@code PROCESSING} (every way out of that status clears it), so the claimant stands for the status here. A
     * condition on the status itself would let PostgreSQL's planner read the status index as well, which it takes to
     * be selective (few rows are ever {@code PROCESSING} at once) while every delivery ever leased has left a dead
     * entry there: under load the update then read hundreds of thousands of index entries for each batch. One row a
     * statement, so that the statement is always the same one, prepared once per connection.
     */
    private static final String FINISH = "UPDATE hookline_delivery SET status = ?, last_error = NULL,"
            + " next_attempt_at = NULL, claimed_by = NULL, lease_until = NULL"
            + " WHERE id = ? AND claimed_by = ? AND attempts = ?";

    @Inject
    StoreDataSource store;

    @Inject
    StoreDialect dialects;

    /**
     * Of these claims, the deliveries that are still this node's for the claimed attempt, in the order they were
     * received (their ids sort so). They are read without a lock and are not to be changed: {@link #finish} records
     * the outcome.
     */
    @Transactional(TxType.MANDATORY)
    public List<Delivery> stillClaimed(List<Claim> claims, String node) {
        if (claims.isEmpty()) {
            return List.of();
        }
        Map<String, Delivery> found = read(claims.stream().map(Claim::id).distinct().toList());
        List<Delivery> current = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            Delivery delivery = found.get(claim.id());
            if (delivery != null && delivery.isClaimedBy(claim, node)) {
                current.add(delivery);
            }
        }
        current.sort(Comparator.comparing(Delivery::id));
        return current;
    }

    /** The deliveries of these ids that are stored, by id. */
    private Map<String, Delivery> read(List<String> ids) {
        Map<String, Delivery> found = new HashMap<>();
        try (Connection connection = store.connection();
             PreparedStatement select = dialects.of(connection).selectByIds(connection, ids);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Delivery delivery = DeliveryRows.read(rows);
                found.put(delivery.id(), delivery);
            }
            return found;
        } catch (SQLException e) {
            throw new StoreFailure("Reading " + ids.size() + " claimed deliveries failed", e);
        }
    }

    /**
     * Records these claims' attempts as finished with this outcome, each only where its claim is still the current
     * one.
     *
     * @return how many were: fewer than given when a lease was taken over meanwhile
     */
    @Transactional(TxType.MANDATORY)
    public int finish(List<Claim> claims, String node, DeliveryStatus outcome) {
        if (claims.isEmpty()) {
            return 0;
        }
        // The connection is the transaction's: the server hands out the one already enlisted in it.
        try (Connection connection = store.connection();
             PreparedStatement update = connection.prepareStatement(FINISH)) {
            // A batch where the driver counts each statement's rows: a row not counted is a claim lost.
            boolean batch = dialects.of(connection).countsBatchedRows();
            int finished = 0;
            for (Claim claim : claims) {
                update.setString(1, outcome.name());
                update.setString(2, claim.id());
                update.setString(3, node);
                update.setInt(4, claim.attempt());
                if (batch) {
                    update.addBatch();
                } else {
                    finished += update.executeUpdate();
                }
            }
            if (batch) {
                finished += IntStream.of(update.executeBatch()).sum();
            }
            return finished;
        } catch (SQLException e) {
            throw new StoreFailure("Recording the outcome of " + claims.size() + " attempts failed", e);
        }
    }
}
