package dev.hookline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * MariaDB 10.6 and later (InnoDB, {@code SKIP LOCKED}): its own migrations, with ids and statuses in a binary
 * collation and times as UTC {@code DATETIME(6)}, which the driver must write as such.
 */
final class MariaDbDialect extends Dialect {

    /** {@code ER_DUP_ENTRY}. */
    private static final int DUPLICATE_ENTRY = 1062;
    /** Under the line row's lock until the transaction ends; the select then reads this transaction's own value. */
    private static final String TAKE_PLACES = "INSERT INTO hookline_line (source, ordering_key, last_position)"
            + " VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE last_position = last_position + VALUES(last_position)";
    private static final String LAST = "SELECT last_position FROM hookline_line WHERE source = ? AND ordering_key = ?";
    /** A known instant, read back as the text the column holds: it must be the UTC time. */
    private static final OffsetDateTime PROBE = OffsetDateTime.of(2001, 2, 3, 4, 5, 6, 0, ZoneOffset.UTC);

    @Override
    String name() {
        return "MariaDB";
    }

    @Override
    MigrationScripts.Folder migrations() {
        return MigrationScripts.MARIADB;
    }

    /**
     * Times are written as UTC whatever the server's and the JVM's zones only when the driver converts them to the
     * connection's zone and that zone is UTC: MariaDB Connector/J's {@code connectionTimeZone=UTC} and
     * {@code preserveInstants=true}. Without them each node would write its own local time.
     * <p>
     * The store's transactions must be {@code READ COMMITTED} ({@code transactionIsolation=READ-COMMITTED}), as on
     * PostgreSQL. Under InnoDB's default, {@code REPEATABLE READ}, a claim's {@code SELECT … FOR UPDATE} and a
     * purge's range lock the gaps between index entries too, which is where every new delivery is inserted: each
     * claim holds ingest back until it commits, and one that stalls (a node paused mid-claim) makes every
     * acknowledgement wait until InnoDB gives up on the lock, and answer 503. From MariaDB 11.6.2 on,
     * {@code REPEATABLE READ} also fails an update of a row changed since the transaction's snapshot.
     */
    @Override
    void checkConnection(Connection connection) throws SQLException {
        checkTimes(connection);
        if (connection.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED) {
            throw new InvalidStoreConfiguration("The MariaDB store's transactions are not READ COMMITTED, and so"
                    + " would lock out new deliveries while a claim runs; add transactionIsolation=READ-COMMITTED to"
                    + " the datasource's URL", null);
        }
    }

    private static void checkTimes(Connection connection) throws SQLException {
        try (PreparedStatement probe = connection.prepareStatement("SELECT CAST(CAST(? AS DATETIME) AS CHAR)")) {
            probe.setObject(1, PROBE);
            try (ResultSet text = probe.executeQuery()) {
                text.next();
                if (!text.getString(1).startsWith("2001-02-03 04:05:06")) {
                    throw new InvalidStoreConfiguration("The MariaDB store writes times in another zone than UTC;"
                            + " add connectionTimeZone=UTC&preserveInstants=true to the datasource's URL", null);
                }
            }
        }
    }

    @Override
    ClaimSelect claimSelect(String due) {
        return new ClaimSelect("hookline_delivery d", due, " ORDER BY d.next_attempt_at");
    }

    @Override
    long takeLinePlaces(Connection connection, String source, String key, int count) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(TAKE_PLACES);
             PreparedStatement select = connection.prepareStatement(LAST)) {
            LinePositions.bind(upsert, source, key, count);
            upsert.executeUpdate();
            select.setString(1, source);
            select.setString(2, key);
            try (ResultSet last = select.executeQuery()) {
                last.next();
                return last.getLong(1) - count + 1;
            }
        }
    }

    /** MariaDB takes neither a {@code LIMIT} in an {@code IN} subquery nor its own table there: it limits a delete. */
    @Override
    String purgeRecords(String finished) {
        return "DELETE FROM hookline_delivery WHERE id < ? AND " + finished + " ORDER BY id LIMIT ?";
    }

    @Override
    boolean isDuplicateKey(SQLException failure) {
        return failure.getErrorCode() == DUPLICATE_ENTRY;
    }
}
