package dev.hookline.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.ds.PGSimpleDataSource;

/** A database of the tests' own on the PostgreSQL server at {@code postgresql.store.url}, created empty and migrated. */
final class PostgresTestDatabase {

    private PostgresTestDatabase() {
    }

    static PGSimpleDataSource create(String database) throws SQLException {
        String url = System.getProperty("postgresql.store.url");
        if (url == null) {
            throw new IllegalStateException("postgresql.store.url is not set: run with mvn verify -Ppostgresql-store");
        }
        PGSimpleDataSource server = new PGSimpleDataSource();
        server.setUrl(url);
        try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database);
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setDatabaseName(database);
        TestMigrations.migrate(dataSource, MigrationScripts.STANDARD);
        return dataSource;
    }
}
