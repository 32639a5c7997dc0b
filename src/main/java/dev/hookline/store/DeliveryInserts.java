package dev.hookline.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;

/**
 * The statements that store new deliveries: one row a statement, or many rows in one. A statement of many rows has a
 * power of two of them, the rows it does not need bound to nulls and left out by its condition, so that the few
 * sizes there are make few distinct statements for the driver and the database to prepare. Every value is cast to
 * its column's type, so that the statement means the same whichever types a driver gives its parameters.
 */
final class DeliveryInserts {

    /** The most rows one statement carries. */
    static final int MAX_ROWS = 64;

    private static final String COLUMNS = "id, source, delivery_id, event_type, status, attempts,"
            + " attempts_before_replay, received_at, next_attempt_at, last_attempt_at, claimed_by, lease_until,"
            + " ordering_key, line_position, headers, body";

    static final String ONE_ROW = "INSERT INTO hookline_delivery (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String TEXT = "CAST(? AS VARCHAR)";
    private static final String TIME = "CAST(? AS TIMESTAMP WITH TIME ZONE)";
    /** One row of the statement of many: {@code attempts_before_replay} is 0 for every new delivery. */
    private static final String ROW = "(" + String.join(", ", TEXT, TEXT, TEXT, TEXT, TEXT, "CAST(? AS INTEGER)",
            "0", TIME, TIME, TIME, TEXT, TIME, TEXT, "CAST(? AS BIGINT)", TEXT, "CAST(? AS BYTEA)") + ")";

    private DeliveryInserts() {
    }

    /** How many rows a statement of many carries for this many deliveries: {@link #rows} has that many. */
    static int rowsFor(int deliveries) {
        return Math.min(MAX_ROWS, Integer.highestOneBit(deliveries * 2 - 1));
    }

    /**
     * A statement of this many rows, each bound by {@link #bind} or {@link #bindNone}; rows whose id is null are left
     * out.
     */
    static String rows(int rows) {
        return "INSERT INTO hookline_delivery (" + COLUMNS + ") SELECT * FROM (VALUES "
                + String.join(", ", Collections.nCopies(rows, ROW)) + ") AS v (" + COLUMNS + ")"
                + " WHERE v.id IS NOT NULL";
    }

    /**
     * Binds a delivery's values from parameter {@code first} on.
     *
     * @return the index of the next row's first parameter
     */
    static int bind(PreparedStatement insert, int first, Delivery delivery) throws SQLException {
        int p = first;
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
        insert.setBytes(p++, delivery.body());
        return p;
    }

    /**
     * Binds a row that is left out: every value null, typed as {@link #bind} types it, so that a driver that prepares
     * a statement for its parameters' types prepares this one once.
     *
     * @return the index of the next row's first parameter
     */
    static int bindNone(PreparedStatement insert, int first) throws SQLException {
        int p = first;
        for (int i = 0; i < 5; i++) {
            insert.setNull(p++, Types.VARCHAR);
        }
        insert.setNull(p++, Types.INTEGER);
        for (int i = 0; i < 3; i++) {
            insert.setNull(p++, Types.TIMESTAMP_WITH_TIMEZONE);
        }
        insert.setNull(p++, Types.VARCHAR);
        insert.setNull(p++, Types.TIMESTAMP_WITH_TIMEZONE);
        insert.setNull(p++, Types.VARCHAR);
        insert.setNull(p++, Types.BIGINT);
        insert.setNull(p++, Types.VARCHAR);
        insert.setNull(p++, Types.BINARY);
        return p;
    }
}
