package dev.hookline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Everything that differs between the databases Hookline stores in: one class per database product, chosen once from
 * the store's connection ({@link Dialects}). No other class asks which database it is on. A new database is a new
 * dialect and, where its DDL differs, a migration folder of its own.
 */
public abstract sealed class Dialect permits H2Dialect, PostgresDialect, MariaDbDialect {

    /** The product, as the deployment's messages name it. */
    abstract String name();

    /** Its schema migrations: where they are below the class path's root, and their names in order. */
    MigrationScripts.Folder migrations() {
        return MigrationScripts.STANDARD;
    }

    /**
     * Checks the connection's settings that this database needs and the store cannot set itself; throws
     * {@link InvalidStoreConfiguration} naming what to change.
     */
    void checkConnection(Connection connection) throws SQLException {
    }

    /**
     * Deletes up to a number of finished deliveries received before an id: binds that id first, then the number.
     *
     * @param finished the condition that a row is finished
     */
    String purgeRecords(String finished) {
        return "DELETE FROM hookline_delivery WHERE id IN (SELECT id FROM hookline_delivery WHERE id < ? AND "
                + finished + " LIMIT ?)";
    }

    /**
     * A select of every column ({@link DeliveryRows#COLUMNS}) of the deliveries of these ids, bound and ready to run;
     * an id may come back more than once. Here a list of placeholders, padded to a power of two (with the last id
     * again), so that the few lengths there are make few distinct statements for the driver and the database to
     * prepare, rather than one for every batch size.
     */
    PreparedStatement selectByIds(Connection connection, List<String> ids) throws SQLException {
        int placeholders = Integer.highestOneBit(ids.size() * 2 - 1);
        return bound(connection, "SELECT " + DeliveryRows.COLUMNS + " FROM hookline_delivery WHERE id IN ("
                + String.join(", ", Collections.nCopies(placeholders, "?")) + ")", select -> {
                    for (int p = 0; p < placeholders; p++) {
                        select.setString(p + 1, ids.get(Math.min(p, ids.size() - 1)));
                    }
                });
    }

    /** Binds a statement's parameters. */
    @FunctionalInterface
    interface Binding {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** A statement prepared and bound, for the caller to run and close; closed here when binding fails. */
    static PreparedStatement bound(Connection connection, String sql, Binding binding) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            binding.bind(statement);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** Whether inserts go in one JDBC batch; a database that runs in the server saves nothing by it. */
    boolean batchesInserts() {
        return true;
    }

    /** Whether a JDBC batch's update counts are each statement's rows, so that finishes can be batched. */
    boolean countsBatchedRows() {
        return false;
    }

    /** Whether commits reach the database's file only later, so that an acknowledgement must wait for a checkpoint. */
    boolean writesCommitsLater() {
        return false;
    }

    /**
     * How a claim selects its due rows: the tables read, the condition on them, and their order, for
     * {@code SELECT … FROM <from> WHERE <condition> … <order> LIMIT ? FOR UPDATE SKIP LOCKED}.
     *
     * @param due the condition that a row of {@code d} is due
     */
    abstract ClaimSelect claimSelect(String due);

    /** The parts of a claim's select. */
    record ClaimSelect(String from, String condition, String order) {
    }

    /**
     * Takes {@code count} places at the end of an ordering key's line, opening the line when it is new.
     *
     * @return the first of the places taken; the others follow it
     */
    long takeLinePlaces(Connection connection, String source, String key, int count) throws SQLException {
        return LinePositions.takeWithoutUpsert(connection, this, source, key, count);
    }

    /** Whether a failure was the database refusing a second row for the same key. */
    abstract boolean isDuplicateKey(SQLException failure);

    /**
     * Whether a failure was the database refusing the row's own content (a value too long for its column, a
     * character its encoding cannot hold), not the database being unavailable.
     */
    boolean isRefusedRow(SQLException failure) {
        // SQL state class 22, data exception, as the standard has it.
        return failure.getSQLState() != null && failure.getSQLState().startsWith("22");
    }
}
