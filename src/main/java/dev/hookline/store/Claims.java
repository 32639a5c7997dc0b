package dev.hookline.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Leases due deliveries to one node, so that many nodes share one table without doing the same work twice and a
 * crashed node's work is taken over when its leases end. A claim is one short transaction: the due rows are selected
 * {@code FOR UPDATE SKIP LOCKED} (rows another node is claiming or attempting are passed over, not waited for), then
 * marked {@code PROCESSING} with the node and the end of its lease, and their attempt is counted, so that an attempt
 * cut short by a crash still counts towards the source's maximum.
 */
@ApplicationScoped
public class Claims {

    /** Waiting, and its time has come. */
    private static final String WAITING = "(d.status IN ('RECEIVED', 'FAILED') AND d.next_attempt_at <= ?)";
    /** Leased by a node whose lease has ended. */
    private static final String LEASE_ENDED = "(d.status = 'PROCESSING' AND d.lease_until < ?)";
    /** Due: either. Only where other conditions pick the rows: an OR of the two makes H2 scan the whole table. */
    private static final String DUE = "(" + WAITING + " OR " + LEASE_ENDED + ")";
    /**
     * An ordered delivery waits until no delivery at an earlier place in its key's line is unfinished; a dead one
     * blocks its key. Places follow the order of commits (see {@link LinePositions}), so one committed after it
     * never goes first, and one committed before it was there to be seen.
     */
    private static final String IN_TURN = " AND (d.ordering_key IS NULL OR NOT EXISTS (SELECT 1 FROM hookline_delivery e"
            + " WHERE e.source = d.source AND e.ordering_key = d.ordering_key AND e.line_position < d.line_position"
            + " AND e.status IN ('RECEIVED', 'PROCESSING', 'FAILED', 'DEAD')))";

    @Inject
    StoreDataSource store;

    @Inject
    StoreDialect dialects;

    /**
     * Claims up to {@code limit} of whatever is due: waiting deliveries first, then those whose lease has ended. Two
     * selects, each on the (status, next attempt) index, rather than one that would read every row of the table.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Claim> due(String node, Instant now, Instant leaseUntil, int limit) {
        List<Claim> claimed = new ArrayList<>(claim(node, now, leaseUntil, WAITING, "", List.of(), limit));
        if (claimed.size() < limit) {
            claimed.addAll(claim(node, now, leaseUntil, LEASE_ENDED, "", List.of(), limit - claimed.size()));
        }
        return claimed;
    }

    /** Claims those of the given deliveries that are due: the in-memory hint of freshly stored ones. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Claim> these(String node, Instant now, Instant leaseUntil, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = " AND d.id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
        return claim(node, now, leaseUntil, DUE, in, ids, ids.size());
    }

    /** Claims the next delivery of one ordering key, whose predecessor has just finished. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Claim> nextOf(String node, Instant now, Instant leaseUntil, String source, String orderingKey) {
        return claim(node, now, leaseUntil, DUE, " AND d.source = ? AND d.ordering_key = ?", List.of(source, orderingKey),
                1);
    }

    private List<Claim> claim(String node, Instant now, Instant leaseUntil, String due, String filter,
                              List<String> arguments, int limit) {
        try (Connection connection = store.connection()) {
            List<Claim> selected = select(connection, now, leaseUntil, due, filter, arguments, limit);
            return selected.isEmpty() ? selected : mark(connection, node, now, leaseUntil, due, selected);
        } catch (SQLException e) {
            throw new IllegalStateException("Claiming deliveries failed", e);
        }
    }

    private List<Claim> select(Connection connection, Instant now, Instant leaseUntil, String due, String filter,
                               List<String> arguments, int limit) throws SQLException {
        // Each database locks and orders the rows of a claim in its own way: see its dialect.
        Dialect.ClaimSelect claim = dialects.of(connection).claimSelect(due);
        String condition = claim.condition();
        String sql = "SELECT d.id, d.source, d.ordering_key, d.attempts FROM " + claim.from() + " WHERE " + condition
                + filter + IN_TURN + claim.order() + " LIMIT ? FOR UPDATE SKIP LOCKED";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int p = bindNow(select, 1, condition, now);
            for (String argument : arguments) {
                select.setString(p++, argument);
            }
            select.setInt(p, limit);
            List<Claim> claimed = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new Claim(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4) + 1,
                            leaseUntil));
                }
            }
            return claimed;
        }
    }

    /**
     * Marks the selected deliveries claimed, each only if it is still as selected: still due, and with no attempt
     * counted since. H2 checks a {@code FOR UPDATE} select's condition again only against a row changed since the
     * select read it, and partly against index entries (see {@link #select}), so two claims could select the same
     * row; the update, which finds the row by id, checks it, and so only one of them gets it.
     *
     * @return the claims that were marked
     */
    private static List<Claim> mark(Connection connection, String node, Instant now, Instant leaseUntil, String due,
                                    List<Claim> selected) throws SQLException {
        String sql = "UPDATE hookline_delivery d SET status = 'PROCESSING', claimed_by = ?, lease_until = ?,"
                + " attempts = attempts + 1, last_attempt_at = ? WHERE d.id = ? AND d.attempts = ? AND " + due;
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (Claim claim : selected) {
                int p = 1;
                update.setString(p++, node);
                update.setObject(p++, Delivery.utc(leaseUntil));
                update.setObject(p++, Delivery.utc(now));
                update.setString(p++, claim.id());
                update.setInt(p++, claim.attempt() - 1);
                bindNow(update, p, due, now);
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            List<Claim> marked = new ArrayList<>(selected.size());
            for (int i = 0; i < selected.size(); i++) {
                if (counts[i] > 0 || counts[i] == Statement.SUCCESS_NO_INFO) {
                    marked.add(selected.get(i));
                }
            }
            return marked;
        }
    }

    /** Binds the time now to every placeholder of a due condition, from {@code index} on; answers the next index. */
    private static int bindNow(PreparedStatement statement, int index, String due, Instant now) throws SQLException {
        int p = index;
        for (long times = due.chars().filter(c -> c == '?').count(); times > 0; times--) {
            statement.setObject(p++, Delivery.utc(now));
        }
        return p;
    }
}
