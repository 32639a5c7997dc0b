package dev.hookline.it;

import dev.hookline.store.Delivery;
import dev.hookline.store.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads the store directly, as the tests' witness of what was (and was not) stored. */
@ApplicationScoped
@Transactional
public class StoredDeliveries {

    @PersistenceContext(unitName = "hookline")
    EntityManager em;

    public List<Delivery> of(String source, String deliveryId) {
        return em.createQuery("select d from Delivery d where d.source = :s and d.deliveryId = :d", Delivery.class)
                .setParameter("s", source).setParameter("d", deliveryId).getResultList();
    }

    public long count() {
        return em.createQuery("select count(d) from Delivery d", Long.class).getSingleResult();
    }

    /** How many deliveries of the source are in each status. */
    public Map<DeliveryStatus, Long> countByStatus(String source) {
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        em.createQuery("select d.status, count(d) from Delivery d where d.source = :s group by d.status", Object[].class)
                .setParameter("s", source).getResultList()
                .forEach(row -> counts.put((DeliveryStatus) row[0], (Long) row[1]));
        return counts;
    }

    public Delivery byId(String id) {
        return em.find(Delivery.class, id);
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
