package dev.hookline.store;

import dev.hookline.source.Source;
import dev.hookline.source.Sources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.SQLException;
import java.util.List;

/**
 * Inserts received deliveries, each call its own transaction, committed when the call returns. The database's unique
 * (source, delivery id) decides what is a duplicate: nothing here checks before inserting.
 */
@ApplicationScoped
public class DeliveryWriter {

    @PersistenceContext(unitName = "hookline")
    EntityManager em;

    @Inject
    Sources sources;

    /** Inserts all in one transaction: all are stored, or none. */
    @Transactional(TxType.REQUIRES_NEW)
    public void insertAll(List<Delivery> deliveries) {
        for (Delivery delivery : deliveries) {
            Source source = sources.find(delivery.source());
            if (source != null && source.ordering() != null && delivery.orderingKey() == null) {
                delivery.orderBy(source.ordering().keyOf(StoredHeaders.decode(delivery.headers()), delivery.body()));
            }
            em.persist(delivery);
        }
        em.flush();
    }

    /** The id of the delivery stored for this source and delivery id, or {@code null}. */
    @Transactional(TxType.REQUIRES_NEW)
    public String idOf(String source, String deliveryId) {
        List<String> ids = em.createQuery(
                        "select d.id from Delivery d where d.source = :source and d.deliveryId = :deliveryId",
                        String.class)
                .setParameter("source", source)
                .setParameter("deliveryId", deliveryId)
                .getResultList();
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** Whether a failure was the database refusing a second row for the same key (SQL state class 23). */
    public static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
