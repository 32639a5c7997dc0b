package dev.hookline.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookline.source.Sources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store's classes on PostgreSQL, where its dialect differs from the other databases' (see {@link PostgresDialect}):
 * a batch of deliveries read back as it was written; a duplicate among them refusing the whole batch by PostgreSQL's
 * own code; and the read of claimed deliveries, planned once on a small table as a prepared statement is, still finding
 * each row through the primary key once the table has grown.
 */
class StorePostgresIT {

    private static DataSource database;

    private final DeliveryWriter writer = new DeliveryWriter();
    private final StoreDialect dialects = new StoreDialect();

    @BeforeAll
    static void createSchema() throws SQLException {
        database = PostgresTestDatabase.create("hookline_store");
    }

    StorePostgresIT() {
        writer.store = new AutocommitStore(database);
        writer.sources = new Sources();
        writer.dialects = dialects;
    }

    /**
     * A batch is one JDBC batch of one-row inserts, its rows as ingest stores them; read back as dispatch reads the
     * deliveries it claimed.
     */
    @Test
    void deliveriesOfABatchAreReadBackAsTheyWereWritten() throws SQLException {
        for (int count : new int[] {1, 3, 17}) {
            List<Delivery> written = deliveries("batch-" + count + "-" + UUID.randomUUID(), count);
            writer.insertAll(written);
            Map<String, Delivery> read = readByIds(written.stream().map(Delivery::id).toList());
            assertEquals(count, read.size(), "deliveries stored of " + count);
            for (Delivery delivery : written) {
                assertSameRow(delivery, read.get(delivery.id()));
            }
        }
    }

    @Test
    void aDuplicateAmongManyRefusesThemAllByPostgresOwnCode() throws SQLException {
        String source = "duplicate-" + UUID.randomUUID();
        List<Delivery> first = deliveries(source, 5);
        writer.insertAll(first.subList(2, 3));
        StoreFailure failure = assertThrows(StoreFailure.class, () -> writer.insertAll(first));
        assertTrue(writer.isDuplicateKey(failure));
        assertFalse(writer.isRefusedRow(failure));
        assertEquals(1, readBack(source).size());
    }

    /**
     * PostgreSQL plans a prepared statement once for all its executions on a connection once it has run it a few
     * times (its generic plan), and keeps that plan until the table is analyzed again. Planned on a table of a few
     * rows, a list of ids became a sequential scan, which it still was at 200,000 rows on a database without
     * autovacuum (docs/benchmarks.md, item 28). The generic plan is made here at once, on an empty table.
     */
    @Test
    void claimedDeliveriesAreReadThroughTheKeyHoweverSmallTheTableWasWhenTheReadWasPlanned() throws SQLException {
        DataSource fresh = PostgresTestDatabase.create("hookline_store_plan");
        try (Connection connection = fresh.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET plan_cache_mode = force_generic_plan");
            statement.execute("PREPARE claimed (varchar[]) AS "
                    + PostgresDialect.SELECT_BY_IDS.replace("?::varchar[]", "$1"));
            statement.execute("EXECUTE claimed ('{a,b}')");
            statement.execute("INSERT INTO hookline_delivery (id, source, delivery_id, event_type, status, attempts,"
                    + " received_at, headers, body) SELECT 'row-' || n, 'grown', 'delivery-' || n, 'push',"
                    + " 'PROCESSED', 1, now(), '{}', '\\x00' FROM generate_series(1, 100000) AS n");
            String plan = explain(statement, "EXECUTE claimed ('{row-7,row-99999}')");
            assertTrue(plan.contains("Index Scan using hookline_delivery_pkey"), plan);
            assertFalse(plan.contains("Seq Scan on hookline_delivery"), plan);
        }
    }

    private static String explain(Statement statement, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (ResultSet plan = statement.executeQuery("EXPLAIN " + sql)) {
            while (plan.next()) {
                lines.add(plan.getString(1));
            }
        }
        return String.join("\n", lines);
    }

    /** Deliveries as ingest stores them: waiting, leased to a node, or in an ordering key's line. */
    private static List<Delivery> deliveries(String source, int count) {
        Instant received = Instant.parse("2026-12-06T10:00:00.123456Z");
        List<Delivery> deliveries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant at = received.plus(i, ChronoUnit.MICROS);
            byte[] body = new byte[64 + i];
            for (int b = 0; b < body.length; b++) {
                body[b] = (byte) (b * 7 + i);
            }
            Delivery delivery = new Delivery(DeliveryIds.next(at.toEpochMilli()), source, "id-" + i,
                    "invoice.paid ✓", at, "{\"x-emoji\":[\"🎉\"],\"n\":[\"" + i + "\"]}", body);
            if (i % 3 == 1) {
                delivery.leaseTo("node-" + i, at, at.plusSeconds(300));
            } else if (i % 3 == 2) {
                delivery.orderBy("key-" + (i % 2));
            }
            deliveries.add(delivery);
        }
        return deliveries;
    }

    private static Map<String, Delivery> readByIds(List<String> ids) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = new PostgresDialect().selectByIds(connection, ids)) {
            return rows(select);
        }
    }

    private static Map<String, Delivery> readBack(String source) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + DeliveryRows.COLUMNS
                     + " FROM hookline_delivery WHERE source = ?")) {
            select.setString(1, source);
            return rows(select);
        }
    }

    private static Map<String, Delivery> rows(PreparedStatement select) throws SQLException {
        List<Delivery> rows = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                rows.add(DeliveryRows.read(row));
            }
        }
        return rows.stream().collect(Collectors.toMap(Delivery::id, d -> d));
    }

    private static void assertSameRow(Delivery written, Delivery read) {
        assertEquals(written.id(), read.id());
        assertEquals(written.source(), read.source());
        assertEquals(written.deliveryId(), read.deliveryId());
        assertEquals(written.eventType(), read.eventType());
        assertEquals(written.status(), read.status());
        assertEquals(written.attempts(), read.attempts());
        assertEquals(written.receivedAt(), read.receivedAt());
        assertEquals(written.nextAttemptAt(), read.nextAttemptAt());
        assertEquals(written.lastAttemptAt(), read.lastAttemptAt());
        assertEquals(written.claimedBy(), read.claimedBy());
        assertEquals(written.leaseUntil(), read.leaseUntil());
        assertEquals(written.orderingKey(), read.orderingKey());
        assertEquals(written.linePosition(), read.linePosition());
        assertEquals(written.headers(), read.headers());
        assertArrayEquals(written.body(), read.body());
    }
}
