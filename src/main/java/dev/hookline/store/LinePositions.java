package dev.hookline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Gives ordered deliveries their places in their key's line, in the transaction that stores them. The line's row in
 * {@code hookline_line} stays locked until that transaction ends, so another transaction storing deliveries of the
 * same key, on this node or another, waits for it and gets the places after: places follow the order in which the
 * deliveries were committed, and so acknowledged, whatever the nodes' clocks say. Ids, made from each node's clock,
 * could not promise that.
 */
final class LinePositions {

    private static final String ADVANCE = "UPDATE hookline_line SET last_position = last_position + ?"
            + " WHERE source = ? AND ordering_key = ?";
    private static final String OPEN = "INSERT INTO hookline_line (source, ordering_key, last_position)"
            + " VALUES (?, ?, ?)";
    private static final String LAST = "SELECT last_position FROM hookline_line WHERE source = ? AND ordering_key = ?";

    private LinePositions() {
    }

    /**
     * Takes {@code count} places at the end of a key's line, opening the line when it is new, as the database's
     * dialect does it.
     *
     * @return the first of the places taken; the others follow it
     */
    static long take(Connection connection, Dialect dialect, String source, String key, int count)
            throws SQLException {
        return dialect.takeLinePlaces(connection, source, key, count);
    }

    /** With an update, then an insert when the line is new, for databases without an upsert that returns. */
    static long takeWithoutUpsert(Connection connection, Dialect dialect, String source, String key, int count)
            throws SQLException {
        if (!advance(connection, source, key, count)) {
            try (PreparedStatement open = connection.prepareStatement(OPEN)) {
                bind(open, source, key, count);
                open.executeUpdate();
            } catch (SQLException e) {
                // Another transaction opened the line meanwhile, and has committed: the database made this insert wait
                // for it, then refused it. Only this statement failed (as it does on these databases): advance instead.
                if (!dialect.isDuplicateKey(e) || !advance(connection, source, key, count)) {
                    throw e;
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement(LAST)) {
            select.setString(1, source);
            select.setString(2, key);
            try (ResultSet last = select.executeQuery()) {
                last.next();
                return last.getLong(1) - count + 1;
            }
        }
    }

    private static boolean advance(Connection connection, String source, String key, int count) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(ADVANCE)) {
            update.setInt(1, count);
            update.setString(2, source);
            update.setString(3, key);
            return update.executeUpdate() > 0;
        }
    }

    /** Binds a line's source, key and count of places, in that order. */
    static void bind(PreparedStatement statement, String source, String key, int count) throws SQLException {
        statement.setString(1, source);
        statement.setString(2, key);
        statement.setLong(3, count);
    }
}
