package dev.hookline.crash;

import dev.hookline.api.Webhook;
import dev.hookline.api.WebhookEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The soak's application: one row per processing of a delivery, written in the delivery's own transaction into the
 * same embedded database. The table has no unique key on purpose, so that a delivery processed twice shows as two
 * rows; the index only keeps the audit's look-ups cheap.
 */
@ApplicationScoped
public class SoakObserver {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    void createTable(@Observes @Initialized(ApplicationScoped.class) Object started) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS soak_effect (delivery_id VARCHAR(255) NOT NULL)");
            sql.execute("CREATE INDEX IF NOT EXISTS soak_effect_delivery ON soak_effect (delivery_id)");
        }
    }

    void count(@Observes @WebhookEvent(type = "*") Webhook hook) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO soak_effect (delivery_id) VALUES (?)")) {
            insert.setString(1, hook.deliveryId());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
