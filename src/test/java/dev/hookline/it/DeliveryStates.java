package dev.hookline.it;

import dev.hookline.store.DeliveryStatus;
import dev.hookline.store.StoreDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Puts a stored delivery into a state the tests need and dispatch does not produce on its own yet (DEAD). */
@ApplicationScoped
@Transactional
public class DeliveryStates {

    @Inject
    StoreDataSource store;

    public void set(String id, DeliveryStatus status) {
        int updated;
        try (Connection connection = store.connection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE hookline_delivery SET status = ? WHERE id = ?")) {
            update.setString(1, status.name());
            update.setString(2, id);
            updated = update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (updated != 1) {
            throw new IllegalStateException("no delivery " + id);
        }
    }
}
