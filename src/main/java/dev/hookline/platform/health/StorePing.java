package dev.hookline.platform.health;

import dev.hookline.store.StoreDataSource;
import dev.hookline.store.StoreFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The cheapest query that needs the delivery table: a primary key lookup of an id that never exists. */
@ApplicationScoped
public class StorePing {

    static final int TIMEOUT_SECONDS = 3;
    private static final String PING = "SELECT COUNT(*) FROM hookline_delivery WHERE id = ?";

    @Inject
    StoreDataSource store;

    @Transactional(TxType.REQUIRES_NEW)
    public void ping() {
        try (Connection connection = store.connection();
             PreparedStatement select = connection.prepareStatement(PING)) {
            select.setString(1, "");
            select.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet row = select.executeQuery()) {
                row.next();
            }
        } catch (SQLException e) {
            throw new StoreFailure("The store did not answer", e);
        }
    }
}
