package dev.hookline.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;

/**
 * Puts finished or failing deliveries back to {@code RECEIVED}, due at once, with a new series of retries; the count
 * of attempts goes on, so that the history stays visible. One that a
 * node is attempting right now ({@code PROCESSING}) or that waits for its first attempt is left alone.
 */
@ApplicationScoped
public class Resets {

    private static final List<DeliveryStatus> RESETTABLE = List.of(DeliveryStatus.DEAD, DeliveryStatus.FAILED,
            DeliveryStatus.PROCESSED, DeliveryStatus.UNHANDLED);
    private static final String RESET = "update Delivery d set d.status = :received,"
            + " d.attemptsBeforeReplay = d.attempts,"
            + " d.nextAttemptAt = :now, d.claimedBy = null, d.leaseUntil = null";

    @PersistenceContext(unitName = "hookline")
    EntityManager em;

    /** @return 1 when the delivery was reset, 0 when there is none of that id or it is received or processing */
    @Transactional(TxType.REQUIRES_NEW)
    public int one(String id, Instant now) {
        return em.createQuery(RESET + " where d.id = :id and d.status in :resettable")
                .setParameter("received", DeliveryStatus.RECEIVED)
                .setParameter("now", Delivery.utc(now))
                .setParameter("id", id)
                .setParameter("resettable", RESETTABLE)
                .executeUpdate();
    }

    /** Resets every dead delivery of a source, or of all sources when {@code source} is {@code null}. */
    @Transactional(TxType.REQUIRES_NEW)
    public int deadOf(String source, Instant now) {
        String where = source == null ? " where d.status = :dead" : " where d.status = :dead and d.source = :source";
        var update = em.createQuery(RESET + where)
                .setParameter("received", DeliveryStatus.RECEIVED)
                .setParameter("now", Delivery.utc(now))
                .setParameter("dead", DeliveryStatus.DEAD);
        if (source != null) {
            update.setParameter("source", source);
        }
        return update.executeUpdate();
    }
}
