package dev.hookline.platform.metrics;

import dev.hookline.store.DeliveryStatus;
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
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What dispatch still owes, read from the store when asked (a scrape, the stats call): deliveries waiting by status,
 * and how long the oldest due one has waited past its due time. Both queries use the (status, next attempt) index.
 */
@ApplicationScoped
public class Backlog {

    /** Statuses of deliveries dispatch has not finished with. */
    public static final List<DeliveryStatus> WAITING =
            List.of(DeliveryStatus.RECEIVED, DeliveryStatus.PROCESSING, DeliveryStatus.FAILED);
    /** Statuses of deliveries that wait for a time to be attempted at. */
    private static final List<DeliveryStatus> DUE = List.of(DeliveryStatus.RECEIVED, DeliveryStatus.FAILED);

    private static final String COUNTS = "SELECT status, COUNT(*) FROM hookline_delivery WHERE status IN ("
            + placeholders(WAITING) + ") GROUP BY status";
    private static final String OLDEST_DUE = "SELECT MIN(next_attempt_at) FROM hookline_delivery WHERE status IN ("
            + placeholders(DUE) + ") AND next_attempt_at IS NOT NULL";

    @Inject
    StoreDataSource store;

    @Inject
    Clock clock;

    public record Snapshot(Map<DeliveryStatus, Long> waiting, Duration oldestDueAge) {
        public long total() {
            return waiting.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Snapshot read() {
        Map<DeliveryStatus, Long> waiting = new EnumMap<>(DeliveryStatus.class);
        WAITING.forEach(status -> waiting.put(status, 0L));
        OffsetDateTime oldestDue;
        try (Connection connection = store.connection();
             PreparedStatement counts = connection.prepareStatement(COUNTS);
             PreparedStatement oldest = connection.prepareStatement(OLDEST_DUE)) {
            bind(counts, WAITING);
            try (ResultSet rows = counts.executeQuery()) {
                while (rows.next()) {
                    waiting.put(DeliveryStatus.valueOf(rows.getString(1)), rows.getLong(2));
                }
            }
            bind(oldest, DUE);
            try (ResultSet row = oldest.executeQuery()) {
                oldestDue = row.next() ? row.getObject(1, OffsetDateTime.class) : null;
            }
        } catch (SQLException e) {
            throw new StoreFailure("Reading the backlog failed", e);
        }
        Duration age = Duration.ZERO;
        if (oldestDue != null) {
            Duration overdue = Duration.between(oldestDue.toInstant(), clock.instant());
            age = overdue.isNegative() ? Duration.ZERO : overdue;
        }
        return new Snapshot(waiting, age);
    }

    private static void bind(PreparedStatement statement, List<DeliveryStatus> statuses) throws SQLException {
        for (int i = 0; i < statuses.size(); i++) {
            statement.setString(i + 1, statuses.get(i).name());
        }
    }

    private static String placeholders(List<?> values) {
        return String.join(", ", Collections.nCopies(values.size(), "?"));
    }
}
