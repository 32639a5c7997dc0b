package dev.hookline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** PostgreSQL: the production store. */
final class PostgresDialect extends Dialect {

    /** {@code unique_violation}. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** Takes the places under the line row's lock in one statement, opening the line when it is new. */
    private static final String TAKE_PLACES = "INSERT INTO hookline_line (source, ordering_key, last_position)"
            + " VALUES (?, ?, ?) ON CONFLICT (source, ordering_key)"
            + " DO UPDATE SET last_position = hookline_line.last_position + EXCLUDED.last_position"
            + " RETURNING last_position";

    @Override
    String name() {
        return "PostgreSQL";
    }

    @Override
    boolean countsBatchedRows() {
        return true;
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
