package dev.hookline.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A fault test's database on this machine's PostgreSQL, which trusts local connections; it can also go down. */
final class PostgresCrashDatabase extends CrashDatabase {

    static final String HOST = "127.0.0.1";
    static final int PORT = 5432;
    static final String USER = "postgres";
    private static final String SERVER = "jdbc:postgresql://" + HOST + ":" + PORT + "/";

    PostgresCrashDatabase(String name) {
        super(name);
    }

    @Override
    String kind() {
        return "postgresql";
    }

    @Override
    void recreate() throws SQLException {
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name() + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + name());
        }
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE crash_effect (delivery_id VARCHAR(255) NOT NULL, node VARCHAR(64) NOT NULL,"
                    + " attempt INTEGER NOT NULL, at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP)");
        }
    }

    /** A pool of its own: the server trusts local connections, but Payara wants a password property all the same. */
    @Override
    Path postBoot(Path file) throws IOException {
        Files.writeString(file, String.join("\n",
                "create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource"
                        + " --restype=javax.sql.DataSource --steadypoolsize=4 --maxpoolsize=32"
                        + " --property=serverName=" + HOST + ":portNumber=" + PORT + ":databaseName=" + name()
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
            sql.execute("ALTER DATABASE " + name() + " ALLOW_CONNECTIONS false");
            int ended = 0;
            try (ResultSet rows = sql.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = '" + name() + "' AND pid <> pg_backend_pid()")) {
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
            sql.execute("ALTER DATABASE " + name() + " ALLOW_CONNECTIONS true");
        }
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER + name(), USER, "");
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(SERVER + "postgres", USER, "");
    }
}
