package dev.hookline.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;

/** The store's dialect, read once from the first connection asked about. */
@ApplicationScoped
public class StoreDialect {

    private volatile Dialect dialect;

    Dialect of(Connection connection) throws SQLException {
        Dialect known = dialect;
        if (known == null) {
            known = Dialects.of(connection.getMetaData().getDatabaseProductName());
            dialect = known;
        }
        return known;
    }

    /** The dialect once a connection was asked about, else {@code null}. */
    Dialect known() {
        return dialect;
    }
}
