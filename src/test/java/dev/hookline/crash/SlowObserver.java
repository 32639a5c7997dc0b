package dev.hookline.crash;

import dev.hookline.api.Webhook;
import dev.hookline.api.WebhookEvent;
import dev.hookline.dispatch.Node;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** An observer that takes longer than the slow-observer test's lease: it writes its effect row, then works on. */
@ApplicationScoped
public class SlowObserver {

    static final long WORK_MILLIS = 5_000;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    Node node;

    void count(@Observes @WebhookEvent(type = "*") Webhook hook) throws InterruptedException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO crash_effect (delivery_id, node, attempt) VALUES (?, ?, ?)")) {
            insert.setString(1, hook.deliveryId());
            insert.setString(2, node.id());
            insert.setInt(3, hook.attempt());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Thread.sleep(WORK_MILLIS);
    }
}
