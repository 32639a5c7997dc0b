package dev.hookline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** PostgreSQL: the production store. */
final class PostgresDialect extends Dialect {

    /** {@code unique_violation}. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** Takes the places under the line row's lock in one statement, opening the line when it is new. */
    private static final String TAKE_PLACES = "INSERT INTO hookline_line (source, ordering_key, last_position)"
            + " VALUES (?, ?, ?) ON CONFLICT (source, ordering_key)"
            + " DO UPDATE SET last_position = hookline_line.last_position + EXCLUDED.last_position"
            + " RETURNING last_position";

    /** Every column of the deliveries of an array of ids: see {@link #selectByIds}. */
    static final String SELECT_BY_IDS = "SELECT d.* FROM unnest(?::varchar[]) AS u(id) CROSS JOIN LATERAL (SELECT "
            + DeliveryRows.COLUMNS + " FROM hookline_delivery WHERE id = u.id LIMIT 1) d";

    @Override
    String name() {
        return "PostgreSQL";
    }

    @Override
    boolean countsBatchedRows() {
        return true;
    }

    /**
     * One array of ids, each looked up on its own by the primary key. PostgreSQL plans a prepared statement once for
     * all its executions on a connection (its generic plan): planned while the table was small, a list of ids was a
     * sequential scan, kept as the table grew (213 ms for 16 ids at 200,000 rows) until the table was analyzed again.
     * A lookup that stops at its first row has no such plan (docs/benchmarks.md, item 28).
     */
    @Override
    PreparedStatement selectByIds(Connection connection, List<String> ids) throws SQLException {
        return bound(connection, SELECT_BY_IDS,
                select -> select.setArray(1, connection.createArrayOf("varchar", ids.toArray())));
    }

    /** PostgreSQL locks only the rows it returns, in due order. */
    @Override
    ClaimSelect claimSelect(String due) {
        return new ClaimSelect("hookline_delivery d", due, " ORDER BY d.next_attempt_at");
    }

    @Override
    long takeLinePlaces(Connection connection, String source, String key, int count) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(TAKE_PLACES)) {
            LinePositions.bind(upsert, source, key, count);
            try (ResultSet last = upsert.executeQuery()) {
                last.next();
                return last.getLong(1) - count + 1;
            }
        }
    }

    @Override
    boolean isDuplicateKey(SQLException failure) {
        return UNIQUE_VIOLATION.equals(failure.getSQLState());
    }
}
