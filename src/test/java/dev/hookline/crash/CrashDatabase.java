package dev.hookline.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A fault test's own PostgreSQL database on this machine's shared server, made anew for each run, and what the test
 * does to it and reads in it. Nothing here touches the server's other databases.
 */
final class CrashDatabase {

    static final String HOST = "127.0.0.1";
    static final int PORT = 5432;
    static final String USER = "postgres";
    private static final String SERVER = "jdbc:postgresql://" + HOST + ":" + PORT + "/";

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

    /** Drops and creates the database, with the observer's effect table and nothing else: Flyway makes the rest. */
    void recreate() throws SQLException {
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + name);
        }
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE crash_effect (delivery_id VARCHAR(255) NOT NULL, node VARCHAR(64) NOT NULL,"
                    + " attempt INTEGER NOT NULL, at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP)");
        }
    }

    /** Writes the Payara Micro post-boot commands that make this database the default datasource; answers the file. */
    Path postBoot(Path file) throws IOException {
        Files.writeString(file, String.join("\n",
                "create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource"
                        + " --restype=javax.sql.DataSource --steadypoolsize=4 --maxpoolsize=32"
                        + " --property=serverName=" + HOST + ":portNumber=" + PORT + ":databaseName=" + name
                        + ":user=" + USER + ":password=trust HooklineCrashPool",
                "set resources.jdbc-resource.jdbc/__default.pool-name=HooklineCrashPool",
                ""));
        return file;
    }

    /**
     * Takes this database down for its clients while the server and its other databases run on: new connections are
     * refused, and every open one is ended, as when the database's host goes away.
     *
     * @return how many open connections were ended
     */
    int goDown() throws SQLException {
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            int ended = 0;
            try (ResultSet rows = sql.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = '" + name + "' AND pid <> pg_backend_pid()")) {
                while (rows.next()) {
                    ended += rows.getBoolean(1) ? 1 : 0;
                }
            }
            return ended;
        }
    }

    /** Lets clients connect again. */
    void comeBack() throws SQLException {
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER + name, USER, "");
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(SERVER + "postgres", USER, "");
    }

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
        pairs("SELECT delivery_id, CAST(COUNT(*) AS VARCHAR) FROM crash_effect GROUP BY delivery_id")
                .forEach((id, count) -> counts.put(id, Integer.parseInt(count)));
        return counts;
    }

    /** Stored deliveries counted by status, for the report. */
    Map<String, String> countsByStatus() throws SQLException {
        return pairs("SELECT status, CAST(COUNT(*) AS VARCHAR) FROM hookline_delivery GROUP BY status");
    }

    /** Stored deliveries counted by their number of attempts: more than one is an attempt that failed or was cut. */
    Map<String, String> countsByAttempts() throws SQLException {
        return pairs("SELECT CAST(attempts AS VARCHAR), CAST(COUNT(*) AS VARCHAR) FROM hookline_delivery"
                + " GROUP BY attempts");
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
