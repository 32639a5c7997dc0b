package dev.hookline.it;

import dev.hookline.store.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Puts a stored delivery into a state the tests need and dispatch does not produce on its own yet (DEAD). */
@ApplicationScoped
@Transactional
public class DeliveryStates {

    @PersistenceContext(unitName = "hookline")
    EntityManager em;

    public void set(String id, DeliveryStatus status) {
        int updated = em.createQuery("update Delivery d set d.status = :status where d.id = :id")
                .setParameter("status", status).setParameter("id", id).executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("no delivery " + id);
        }
    }
}
