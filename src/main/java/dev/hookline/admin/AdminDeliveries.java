package dev.hookline.admin;

import dev.hookline.store.Delivery;
import dev.hookline.store.DeliveryRows;
import dev.hookline.store.DeliveryStatus;
import dev.hookline.store.StoreDataSource;
import dev.hookline.store.StoreFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The store as the admin API reads and purges it. Internal ids are UUIDv7 and sort by arrival, so "newest first" is
 * the primary key in descending order and a page goes on below the last id of the one before (keyset paging).
 */
@ApplicationScoped
@Transactional
public class AdminDeliveries {

    private static final String SELECT = "SELECT " + DeliveryRows.COLUMNS + " FROM hookline_delivery";
    private static final String PURGE = "DELETE FROM hookline_delivery WHERE status = ? AND received_at < ?";
    private static final String COUNTS = "SELECT source, status, COUNT(*) FROM hookline_delivery"
            + " GROUP BY source, status";

    @Inject
    StoreDataSource store;

    /** One page, newest first, and the id to continue below, or {@code null} on the last page. */
    public record Page(List<Delivery> deliveries, String next) {
    }

    public Page list(DeliveryFilter filter, String after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        List<String> values = new ArrayList<>(4);
        narrow(sql, values, " AND source = ?", filter.source());
        narrow(sql, values, " AND event_type = ?", filter.type());
        narrow(sql, values, " AND status = ?", filter.status() == null ? null : filter.status().name());
        narrow(sql, values, " AND id < ?", after);
        sql.append(" ORDER BY id DESC");
        List<Delivery> found = new ArrayList<>(limit + 1);
        try (Connection connection = store.connection();
             PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                select.setString(i + 1, values.get(i));
            }
            // One more than a page tells whether another follows; the driver's limit, since SQL's differs by database.
            select.setMaxRows(limit + 1);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(DeliveryRows.read(rows));
                }
            }
        } catch (SQLException e) {
            throw new StoreFailure("Listing deliveries failed", e);
        }
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<Delivery> page = found.subList(0, limit);
        return new Page(List.copyOf(page), page.get(limit - 1).id());
    }

    /** Adds a condition and its value, unless the value is {@code null}: then the condition does not narrow. */
    private static void narrow(StringBuilder sql, List<String> values, String condition, String value) {
        if (value != null) {
            sql.append(condition);
            values.add(value);
        }
    }

    public Optional<Delivery> find(String id) {
        try (Connection connection = store.connection();
             PreparedStatement select = connection.prepareStatement(SELECT + " WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(DeliveryRows.read(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreFailure("Reading delivery " + id + " failed", e);
        }
    }

    /** Deletes the deliveries of a final status received before the given instant; returns how many. */
    public int purge(DeliveryStatus status, Instant before) {
        try (Connection connection = store.connection();
             PreparedStatement delete = connection.prepareStatement(PURGE)) {
            delete.setString(1, status.name());
            DeliveryRows.setTime(delete, 2, before);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreFailure("Purging " + status + " deliveries failed", e);
        }
    }

    /** How many deliveries each source has in each status, sources by name. */
    public Map<String, Map<DeliveryStatus, Long>> countsBySource() {
        Map<String, Map<DeliveryStatus, Long>> counts = new TreeMap<>();
        try (Connection connection = store.connection();
             PreparedStatement select = connection.prepareStatement(COUNTS);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                counts.computeIfAbsent(rows.getString(1), s -> new EnumMap<>(DeliveryStatus.class))
                        .put(DeliveryStatus.valueOf(rows.getString(2)), rows.getLong(3));
            }
        } catch (SQLException e) {
            throw new StoreFailure("Counting deliveries failed", e);
        }
        return counts;
    }
}
