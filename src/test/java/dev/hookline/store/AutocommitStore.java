package dev.hookline.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The store's datasource outside a server: each connection commits its own statements. */
final class AutocommitStore extends StoreDataSource {

    private final DataSource source;

    AutocommitStore(DataSource source) {
        this.source = source;
    }

    @Override
    public Connection connection() throws SQLException {
        return source.getConnection();
    }
}
