package dev.hookline.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A {@link Delivery} as a row of {@code hookline_delivery}: the columns a whole delivery is selected with, and the
 * reading of one such row. Times are UTC timestamps with zone, read and written as {@link OffsetDateTime} (JDBC 4.2's
 * portable mapping); a status is its name.
 */
public final class DeliveryRows {

    /** Every column of a delivery, in the order {@link #read} takes them: {@code SELECT COLUMNS FROM ...}. */
    public static final String COLUMNS = "id, source, delivery_id, event_type, status, attempts,"
            + " attempts_before_replay, received_at, next_attempt_at, last_attempt_at, last_error, claimed_by,"
            + " lease_until, ordering_key, line_position, headers, body, payload_purged_at, body_sha256";

    private DeliveryRows() {
    }

    /** The delivery of the current row of a select of {@link #COLUMNS}. */
    public static Delivery read(ResultSet row) throws SQLException {
        return new Delivery(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                DeliveryStatus.valueOf(row.getString(5)), row.getInt(6), row.getInt(7),
                row.getObject(8, OffsetDateTime.class), row.getObject(9, OffsetDateTime.class),
                row.getObject(10, OffsetDateTime.class), row.getString(11), row.getString(12),
                row.getObject(13, OffsetDateTime.class), row.getString(14), row.getObject(15, Long.class),
                row.getString(16), row.getBytes(17),
                purgedPayload(row.getObject(18, OffsetDateTime.class), row.getString(19)));
    }

    private static PurgedPayload purgedPayload(OffsetDateTime purgedAt, String bodySha256) {
        return purgedAt == null ? null : new PurgedPayload(purgedAt.toInstant(), bodySha256);
    }

    /** Binds a time as a UTC timestamp with zone; a null typed, for drivers that ask for its type. */
    public static void setTime(PreparedStatement statement, int index, Instant time) throws SQLException {
        if (time == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, Delivery.utc(time));
        }
    }
}
