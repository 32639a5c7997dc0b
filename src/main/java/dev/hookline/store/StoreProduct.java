package dev.hookline.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Which database the store is, read once from the first connection asked about: the few statements that must differ
 * between databases ask here rather than each reading the driver's metadata again.
 */
@ApplicationScoped
public class StoreProduct {

    private volatile String name;

    /** H2, which runs inside the server: a JDBC batch saves it no round trip. */
    public boolean isH2(Connection connection) throws SQLException {
        return name(connection).equals("h2");
    }

    public boolean isPostgres(Connection connection) throws SQLException {
        return name(connection).contains("postgres");
    }

    private String name(Connection connection) throws SQLException {
        String known = name;
        if (known == null) {
            known = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            name = known;
        }
        return known;
    }
}
