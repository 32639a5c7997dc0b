package dev.hookline.crash;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A fault test's own database on one of this machine's shared servers, made anew for each run, and what the test
 * reads in it. Nothing here touches the server's other databases. What differs between the servers is in the
 * subclasses: how the database is made, reached, and given to Payara Micro as its default datasource.
 */
abstract sealed class CrashDatabase permits PostgresCrashDatabase, MariaDbCrashDatabase {

    private final String name;

    /** @param name a plain SQL identifier, used as it is in statements */
    CrashDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        this.name = name;
    }

    String name() {
        return name;
    }

    /** The server's name, as reports and file names give it. */
    abstract String kind();

    @Override
    public String toString() {
        return kind();
    }

    /** Drops and creates the database, with the observer's effect table and nothing else: Flyway makes the rest. */
    abstract void recreate() throws SQLException;

    /**
     * Writes the Payara Micro post-boot commands that make this database the default datasource, and so Hookline's
     * store; answers the file. The node starts with {@link #environment()}.
     */
    abstract Path postBoot(Path file) throws IOException, InterruptedException;

    /** What a node needs in its environment for {@link #postBoot}'s commands: a password, if they refer to one. */
    Map<String, String> environment() {
        return Map.of();
    }

    abstract Connection connect() throws SQLException;

    /** Delivery ids leased by the node of that process id and not finished. */
    Set<String> leasedBy(long pid) throws SQLException {
        return strings("SELECT delivery_id FROM hookline_delivery WHERE status = 'PROCESSING' AND claimed_by LIKE ?",
                pid + "@%");
    }

    /** Of these delivery ids, those not yet processed. */
    Set<String> unfinished(Set<String> deliveryIds) throws SQLException {
        Set<String> processed = strings("SELECT delivery_id FROM hookline_delivery WHERE status = 'PROCESSED'");
        Set<String> left = new HashSet<>(deliveryIds);
        left.removeAll(processed);
        return left;
    }

    /** Status by delivery id, of every stored delivery. */
    Map<String, String> statuses() throws SQLException {
        return pairs("SELECT delivery_id, status FROM hookline_delivery");
    }

    /** Effect rows by delivery id. */
    Map<String, Integer> effects() throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        pairs("SELECT delivery_id, COUNT(*) FROM crash_effect GROUP BY delivery_id")
                .forEach((id, count) -> counts.put(id, Integer.parseInt(count)));
        return counts;
    }

    /** Stored deliveries counted by status, for the report. */
    Map<String, String> countsByStatus() throws SQLException {
        return pairs("SELECT status, COUNT(*) FROM hookline_delivery GROUP BY status");
    }

    /** Stored deliveries counted by their number of attempts: more than one is an attempt that failed or was cut. */
    Map<String, String> countsByAttempts() throws SQLException {
        return pairs("SELECT attempts, COUNT(*) FROM hookline_delivery GROUP BY attempts");
    }

    private Set<String> strings(String query, String... arguments) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Connection connection = connect(); PreparedStatement select = connection.prepareStatement(query)) {
            for (int i = 0; i < arguments.length; i++) {
                select.setString(i + 1, arguments[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    /** The first two columns of every row, as the driver writes them as text. */
    private Map<String, String> pairs(String query) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (Connection connection = connect(); Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery(query)) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getString(2));
            }
        }
        return values;
    }
}
