package dev.hookline.dispatch;

import dev.hookline.store.Delivery;
import dev.hookline.store.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;

/** Puts deliveries back to {@code RECEIVED}, committed before {@link Replays} hands them to dispatch. */
@ApplicationScoped
public class ReplayResets {

    @PersistenceContext(unitName = "hookline")
    EntityManager em;

    @Inject
    Clock clock;

    /** Whether the delivery exists and had finished an attempt (so that dispatch does not hold it). */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean reset(String id) {
        Delivery delivery = em.find(Delivery.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || !replayable(delivery.status())) {
            return false;
        }
        delivery.finish(DeliveryStatus.RECEIVED, delivery.lastError(), clock.instant());
        return true;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public List<String> resetDead(String source) {
        TypedQuery<Delivery> query = em.createQuery("select d from Delivery d where d.status = :dead"
                        + (source == null ? "" : " and d.source = :source"), Delivery.class)
                .setParameter("dead", DeliveryStatus.DEAD)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE);
        if (source != null) {
            query.setParameter("source", source);
        }
        List<Delivery> dead = query.getResultList();
        dead.forEach(d -> d.finish(DeliveryStatus.RECEIVED, d.lastError(), clock.instant()));
        return dead.stream().map(Delivery::id).toList();
    }

    private static boolean replayable(DeliveryStatus status) {
        return status != DeliveryStatus.RECEIVED && status != DeliveryStatus.PROCESSING;
    }
}
