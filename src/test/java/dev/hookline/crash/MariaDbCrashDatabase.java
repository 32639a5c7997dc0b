package dev.hookline.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A fault test's database on this machine's MariaDB, reached by the nodes through the pool that
 * {@code server-config/payara/render --micro} writes for {@code db.kind=mariadb}, as a user of its own: Payara's pool
 * wants a password, which the server's local root has not.
 */
final class MariaDbCrashDatabase extends CrashDatabase {

    static final String HOST = "127.0.0.1";
    static final int PORT = 3306;
    private static final String SERVER = "jdbc:mariadb://" + HOST + ":" + PORT + "/";
    private static final String ROOT = "?user=root";
    private static final String USER = "hookline_crash";
    private static final String PASSWORD = "crash-database-password";

    MariaDbCrashDatabase(String name) {
        super(name);
    }

    @Override
    String kind() {
        return "mariadb";
    }

    @Override
    void recreate() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + ROOT); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name());
            sql.execute("CREATE DATABASE " + name() + " CHARACTER SET utf8mb4");
            for (String host : new String[] {"localhost", "%"}) {
                sql.execute("CREATE USER IF NOT EXISTS '" + USER + "'@'" + host + "' IDENTIFIED BY '" + PASSWORD + "'");
                sql.execute("GRANT ALL PRIVILEGES ON " + name() + ".* TO '" + USER + "'@'" + host + "'");
            }
        }
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE crash_effect (delivery_id VARCHAR(255) NOT NULL, node VARCHAR(64) NOT NULL,"
                    + " attempt INTEGER NOT NULL, at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6))");
        }
    }

    /** The pool as shipped: {@code server-config/payara/render --micro} with this machine's MariaDB. */
    @Override
    Path postBoot(Path file) throws IOException, InterruptedException {
        Path properties = file.resolveSibling(file.getFileName() + ".properties");
        Files.writeString(properties, String.join("\n",
                "db.kind=mariadb",
                "db.host=" + HOST,
                "db.port=" + PORT,
                "db.name=" + name(),
                "db.user=" + USER,
                "db.password=" + PASSWORD,
                ""));
        return ShippedPool.render(properties, file, PASSWORD);
    }

    @Override
    Map<String, String> environment() {
        return Map.of("HOOKLINE_DB_PASSWORD", PASSWORD);
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER + name() + ROOT);
    }
}
