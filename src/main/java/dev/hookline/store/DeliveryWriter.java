package dev.hookline.store;

import dev.hookline.source.Source;
import dev.hookline.source.Sources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Inserts received deliveries, each call its own transaction, committed when the call returns. The database's unique
 * (source, delivery id) decides what is a duplicate: nothing here checks before inserting. The insert is one JDBC
 * batch on the transaction's connection. On H2, which runs in the server's own process, the rows are inserted one statement each
 * instead: a batch saves no round trip there, and H2's {@code executeBatch} builds an exception (with the request
 * thread's whole stack trace) on every call, which cost more than the insert of a small batch.
 */
@ApplicationScoped
public class DeliveryWriter {

    private static final String INSERT = "INSERT INTO hookline_delivery (id, source, delivery_id, event_type, status,"
            + " attempts, attempts_before_replay, received_at, next_attempt_at, last_attempt_at, claimed_by,"
            + " lease_until, ordering_key, line_position, headers, body)"
            + " VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String ID_OF = "SELECT id FROM hookline_delivery WHERE source = ? AND delivery_id = ?";

    @Inject
    StoreDataSource store;

    @Inject
    Sources sources;

    @Inject
    StoreDialect dialects;

    /**
     * Inserts all in one transaction: all are stored, or none.
     *
     * @throws StoreFailure when the database refused them; {@link #isDuplicateKey} tells whether for a duplicate
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void insertAll(List<Delivery> deliveries) {
        try (Connection connection = store.connection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            Dialect dialect = dialects.of(connection);
            boolean oneByOne = !dialect.batchesInserts();
            placeInLines(connection, dialect, deliveries);
            for (Delivery delivery : deliveries) {
                int p = 1;
                insert.setString(p++, delivery.id());
                insert.setString(p++, delivery.source());
                insert.setString(p++, delivery.deliveryId());
                insert.setString(p++, delivery.eventType());
                insert.setString(p++, delivery.status().name());
                insert.setInt(p++, delivery.attempts());
                DeliveryRows.setTime(insert, p++, delivery.receivedAt());
                DeliveryRows.setTime(insert, p++, delivery.nextAttemptAt());
                DeliveryRows.setTime(insert, p++, delivery.lastAttemptAt());
                insert.setString(p++, delivery.claimedBy());
                DeliveryRows.setTime(insert, p++, delivery.leaseUntil());
                insert.setString(p++, delivery.orderingKey());
                insert.setObject(p++, delivery.linePosition(), Types.BIGINT);
                insert.setString(p++, delivery.headers());
                insert.setBytes(p, delivery.body());
                if (oneByOne) {
                    insert.executeUpdate();
                } else {
                    insert.addBatch();
                }
            }
            if (!oneByOne) {
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new StoreFailure("Storing " + deliveries.size() + " deliveries failed", e);
        }
    }

    /**
     * Gives each delivery of an ordered source its key and its place in the key's line, in the order of the list.
     * Lines are taken in the order of their keys: two transactions that need the same lines take them in the same
     * order, so neither can hold one that the other holds and wait for the other's.
     */
    private void placeInLines(Connection connection, Dialect dialect, List<Delivery> deliveries)
            throws SQLException {
        Map<Line, List<Delivery>> lines = new TreeMap<>();
        for (Delivery delivery : deliveries) {
            Source source = sources.find(delivery.source());
            if (source != null && source.ordering() != null && delivery.orderingKey() == null) {
                delivery.orderBy(source.ordering().keyOf(StoredHeaders.decode(delivery.headers()), delivery.body()));
            }
            if (delivery.orderingKey() != null) {
                lines.computeIfAbsent(new Line(delivery.source(), delivery.orderingKey()), line -> new ArrayList<>())
                        .add(delivery);
            }
        }
        for (Map.Entry<Line, List<Delivery>> line : lines.entrySet()) {
            long place = LinePositions.take(connection, dialect, line.getKey().source(), line.getKey().key(),
                    line.getValue().size());
            for (Delivery delivery : line.getValue()) {
                delivery.placeInLine(place++);
            }
        }
    }

    private record Line(String source, String key) implements Comparable<Line> {
        @Override
        public int compareTo(Line other) {
            int bySource = source.compareTo(other.source);
            return bySource != 0 ? bySource : key.compareTo(other.key);
        }
    }

    /** The id of the delivery stored for this source and delivery id, or {@code null}. */
    @Transactional(TxType.REQUIRES_NEW)
    public String idOf(String source, String deliveryId) {
        try (Connection connection = store.connection();
             PreparedStatement select = connection.prepareStatement(ID_OF)) {
            select.setString(1, source);
            select.setString(2, deliveryId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new StoreFailure("Reading the id of a stored delivery failed", e);
        }
    }

    /**
     * Whether a failure was the database refusing the row's own content (a value too long for its column, a character
     * the encoding cannot hold), not the database being unavailable.
     */
    public boolean isRefusedRow(Throwable failure) {
        Dialect dialect = dialects.known();
        return dialect != null && anyCause(failure, dialect::isRefusedRow);
    }

    /** Whether a failure was the database refusing a second row for the same key, by the database's own code. */
    public boolean isDuplicateKey(Throwable failure) {
        Dialect dialect = dialects.known();
        return dialect != null && anyCause(failure, dialect::isDuplicateKey);
    }

    private static boolean anyCause(Throwable failure, java.util.function.Predicate<SQLException> test) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (test.test(e)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
