package dev.hookline.platform.metrics;

import dev.hookline.store.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
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

    @PersistenceContext(unitName = "hookline")
    EntityManager em;

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
        em.createQuery("select d.status, count(d) from Delivery d where d.status in :waiting group by d.status",
                        Object[].class)
                .setParameter("waiting", WAITING)
                .getResultList()
                .forEach(row -> waiting.put((DeliveryStatus) row[0], ((Number) row[1]).longValue()));
        OffsetDateTime oldestDue = em.createQuery("select min(d.nextAttemptAt) from Delivery d"
                        + " where d.status in :due and d.nextAttemptAt is not null", OffsetDateTime.class)
                .setParameter("due", List.of(DeliveryStatus.RECEIVED, DeliveryStatus.FAILED))
                .getSingleResult();
        Duration age = Duration.ZERO;
        if (oldestDue != null) {
            Duration overdue = Duration.between(oldestDue.toInstant(), clock.instant());
            age = overdue.isNegative() ? Duration.ZERO : overdue;
        }
        return new Snapshot(waiting, age);
    }
}
