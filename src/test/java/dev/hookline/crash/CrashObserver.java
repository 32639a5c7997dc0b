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
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The fault tests' application: a transactional observer of every source's deliveries, whose write is the effect
 * counted. The table has no unique key on purpose, so that a delivery processed twice shows as two rows. It takes a
 * little time per delivery after its write, as real work does, so that a node holds leases when it is killed; a test
 * sets another time with {@code crash.observer.work} in the WAR's configuration.
 */
@ApplicationScoped
public class CrashObserver {


    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    Node node;

    @Inject
    @ConfigProperty(name = "crash.observer.work", defaultValue = "PT0.02S")
    Duration work;

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
        Thread.sleep(work.toMillis());
    }
}
