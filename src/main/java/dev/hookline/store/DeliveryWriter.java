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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Inserts received deliveries, each call its own transaction, committed when the call returns. The database's unique
 * (source, delivery id) decides what is a duplicate: nothing here checks before inserting. The insert is one
 * statement of many rows on PostgreSQL, one JDBC batch on MariaDB, on the transaction's connection. On H2, which runs
 * in the server's own process, the rows are inserted one statement each instead: a batch saves no round trip there,
 * and H2's {@code executeBatch} builds an exception (with the request thread's whole stack trace) on every call, which
 * cost more than the insert of a small batch.
 */
@ApplicationScoped
public class DeliveryWriter {

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
        try (Connection connection = store.connection()) {
            Dialect dialect = dialects.of(connection);
            placeInLines(connection, dialect, deliveries);
            if (dialect.insertStyle() == Dialect.InsertStyle.ROWS_TOGETHER) {
                insertTogether(connection, deliveries);
            } else {
                insertEach(connection, deliveries, dialect.insertStyle() == Dialect.InsertStyle.BATCH);
            }
        } catch (SQLException e) {
            throw new StoreFailure("Storing " + deliveries.size() + " deliveries failed", e);
        }
    }

    private static void insertEach(Connection connection, List<Delivery> deliveries, boolean batch)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(DeliveryInserts.ONE_ROW)) {
            for (Delivery delivery : deliveries) {
                DeliveryInserts.bind(insert, 1, delivery);
                if (batch) {
                    insert.addBatch();
                } else {
                    insert.executeUpdate();
                }
            }
            if (batch) {
                insert.executeBatch();
            }
        }
    }

    private static void insertTogether(Connection connection, List<Delivery> deliveries) throws SQLException {
        for (int from = 0; from < deliveries.size(); from += DeliveryInserts.MAX_ROWS) {
            int to = Math.min(deliveries.size(), from + DeliveryInserts.MAX_ROWS);
            List<Delivery> part = deliveries.subList(from, to);
            int rows = DeliveryInserts.rowsFor(part.size());
            try (PreparedStatement insert = connection.prepareStatement(DeliveryInserts.rows(rows))) {
                int p = 1;
                for (Delivery delivery : part) {
                    p = DeliveryInserts.bind(insert, p, delivery);
                }
                for (int left = rows - part.size(); left > 0; left--) {
                    p = DeliveryInserts.bindNone(insert, p);
                }
                insert.executeUpdate();
            }
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
