package dev.hookline.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** The cheapest query that needs the delivery table: a primary key lookup of an id that never exists. */
@ApplicationScoped
public class StorePing {

    static final int TIMEOUT_MILLIS = 3000;

    @PersistenceContext(unitName = "hookline")
    EntityManager em;

    @Transactional(TxType.REQUIRES_NEW)
    public void ping() {
        em.createQuery("select count(d) from Delivery d where d.id = :none", Long.class)
                .setParameter("none", "")
                .setHint("jakarta.persistence.query.timeout", TIMEOUT_MILLIS)
                .getSingleResult();
    }
}
