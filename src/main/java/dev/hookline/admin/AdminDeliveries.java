package dev.hookline.admin;

import dev.hookline.store.Delivery;
import dev.hookline.store.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
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

    @PersistenceContext(unitName = "hookline")
    EntityManager em;

    /** One page, newest first, and the id to continue below, or {@code null} on the last page. */
    public record Page(List<Delivery> deliveries, String next) {
    }

    public Page list(DeliveryFilter filter, String after, int limit) {
        StringBuilder jpql = new StringBuilder("select d from Delivery d where 1 = 1");
        if (filter.source() != null) {
            jpql.append(" and d.source = :source");
        }
        if (filter.type() != null) {
            jpql.append(" and d.eventType = :type");
        }
        if (filter.status() != null) {
            jpql.append(" and d.status = :status");
        }
        if (after != null) {
            jpql.append(" and d.id < :after");
        }
        TypedQuery<Delivery> query = em.createQuery(jpql.append(" order by d.id desc").toString(), Delivery.class);
        if (filter.source() != null) {
            query.setParameter("source", filter.source());
        }
        if (filter.type() != null) {
            query.setParameter("type", filter.type());
        }
        if (filter.status() != null) {
            query.setParameter("status", filter.status());
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        List<Delivery> found = query.setMaxResults(limit + 1).getResultList();
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<Delivery> page = found.subList(0, limit);
        return new Page(List.copyOf(page), page.get(limit - 1).id());
    }

    public Optional<Delivery> find(String id) {
        return Optional.ofNullable(em.find(Delivery.class, id));
    }

    /** Deletes the deliveries of a final status received before the given instant; returns how many. */
    public int purge(DeliveryStatus status, Instant before) {
        return em.createQuery("delete from Delivery d where d.status = :status and d.receivedAt < :before")
                .setParameter("status", status)
                .setParameter("before", Delivery.utc(before))
                .executeUpdate();
    }

    /** How many deliveries each source has in each status, sources by name. */
    public Map<String, Map<DeliveryStatus, Long>> countsBySource() {
        Map<String, Map<DeliveryStatus, Long>> counts = new TreeMap<>();
        em.createQuery("select d.source, d.status, count(d) from Delivery d group by d.source, d.status",
                        Object[].class)
                .getResultList()
                .forEach(row -> counts.computeIfAbsent((String) row[0], s -> new EnumMap<>(DeliveryStatus.class))
                        .put((DeliveryStatus) row[1], ((Number) row[2]).longValue()));
        return counts;
    }
}
