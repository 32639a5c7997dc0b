package dev.hookline.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.mariadb.jdbc.MariaDbDataSource;

/** A database of the tests' own on the MariaDB server at {@code mariadb.url}, created empty and migrated. */
final class MariaDbTestDatabase {

    /**
     * The options Hookline's MariaDB store needs: times in UTC, whatever the server's and the JVM's zones, and
     * transactions that lock rows, not the gaps between them.
     */
    static final String OPTIONS = "connectionTimeZone=UTC&preserveInstants=true&transactionIsolation=READ-COMMITTED";

    private MariaDbTestDatabase() {
    }

    static String serverUrl() {
        String url = System.getProperty("mariadb.url");
        if (url == null) {
            throw new IllegalStateException("mariadb.url is not set: run with mvn verify -Pmariadb-store");
        }
        return url;
    }

    /** The URL of a database on that server, with extra options. */
    static String url(String database, String options) {
        String server = serverUrl();
        int query = server.indexOf('?');
        String base = query < 0 ? server : server.substring(0, query);
        String serverOptions = query < 0 ? "" : server.substring(query + 1) + "&";
        return (base.endsWith("/") ? base : base + "/") + database + "?" + serverOptions + options;
    }

    static MariaDbDataSource create(String database) throws SQLException {
        try (Connection server = DriverManager.getConnection(serverUrl());
             Statement statement = server.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
        }
        MariaDbDataSource dataSource = new MariaDbDataSource(url(database, OPTIONS));
        TestMigrations.migrate(dataSource, MigrationScripts.MARIADB);
        return dataSource;
    }
}
