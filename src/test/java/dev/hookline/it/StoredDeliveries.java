package dev.hookline.it;

import dev.hookline.store.Delivery;
import dev.hookline.store.DeliveryRows;
import dev.hookline.store.DeliveryStatus;
import dev.hookline.store.StoreDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads the store directly, as the tests' witness of what was (and was not) stored. */
@ApplicationScoped
@Transactional
public class StoredDeliveries {

    private static final String SELECT = "SELECT " + DeliveryRows.COLUMNS + " FROM hookline_delivery";

    @Inject
    StoreDataSource store;

    public List<Delivery> of(String source, String deliveryId) {
        return deliveries(SELECT + " WHERE source = ? AND delivery_id = ?", source, deliveryId);
    }

    public long count() {
        try (Connection connection = store.connection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM hookline_delivery");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many deliveries of the source are in each status. */
    public Map<DeliveryStatus, Long> countByStatus(String source) {
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        try (Connection connection = store.connection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT status, COUNT(*) FROM hookline_delivery WHERE source = ? GROUP BY status")) {
            select.setString(1, source);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(DeliveryStatus.valueOf(rows.getString(1)), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    public Delivery byId(String id) {
        List<Delivery> found = deliveries(SELECT + " WHERE id = ?", id);
        return found.isEmpty() ? null : found.get(0);
    }

    private List<Delivery> deliveries(String sql, String... values) {
        try (Connection connection = store.connection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                select.setString(i + 1, values[i]);
            }
            List<Delivery> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(DeliveryRows.read(rows));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the delivery's status is final or ten seconds pass, and returns it as stored then. Each look is a
     * transaction of its own, through the bean's proxy, so that it sees what dispatch has committed since.
     */
    public static Delivery awaitFinal(StoredDeliveries store, String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        Delivery delivery = store.byId(id);
        while ((delivery == null || delivery.status() == DeliveryStatus.RECEIVED
                || delivery.status() == DeliveryStatus.PROCESSING) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            delivery = store.byId(id);
        }
        return delivery;
    }
}
