package dev.hookline.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The deliveries of an attempt, read and finished inside the attempt's own transaction, a few statements for however
 * many deliveries it carries. Finishing is where a claim is checked: the update matches only rows whose lease is still
 * this attempt's, and holds their row locks until the attempt commits.
 */
@ApplicationScoped
public class ClaimedDeliveries {

    /**
     * Matches a row by its key and by columns no index holds. A delivery has a claimant only while it is
     * {@code PROCESSING} (every way out of that status clears it), so the claimant stands for the status here. A
     * condition on the status itself would let PostgreSQL's planner read the status index as well, which it takes to
     * be selective (few rows are ever {@code PROCESSING} at once) while every delivery ever leased has left a dead
     * entry there: under load the update then read hundreds of thousands of index entries for each batch.
     */
    private static final String FINISH = "UPDATE Delivery d SET d.status = :outcome, d.lastError = NULL,"
            + " d.nextAttemptAt = NULL, d.claimedBy = NULL, d.leaseUntil = NULL"
            + " WHERE d.id IN :ids AND d.claimedBy = :node AND d.attempts = :attempt";

    @PersistenceContext(unitName = "hookline")
    EntityManager em;

    /**
     * Of these claims, the deliveries that are still this node's for the claimed attempt, in the order they were
     * received (their ids sort so). They are read without a lock and are not to be changed: {@link #finish} records
     * the outcome.
     */
    @Transactional(TxType.MANDATORY)
    public List<Delivery> stillClaimed(List<Claim> claims, String node) {
        Map<String, Claim> byId = new HashMap<>();
        claims.forEach(claim -> byId.put(claim.id(), claim));
        Map<String, Delivery> found = new HashMap<>();
        em.createQuery("select d from Delivery d where d.id in :ids", Delivery.class)
                .setParameter("ids", List.copyOf(byId.keySet()))
                // Nothing read here is written back: spare the providers their change tracking.
                .setHint("eclipselink.read-only", "true")
                .setHint("org.hibernate.readOnly", true)
                .getResultList()
                .forEach(delivery -> found.put(delivery.id(), delivery));
        List<Delivery> current = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            Delivery delivery = found.get(claim.id());
            if (delivery != null && delivery.isClaimedBy(claim, node)) {
                current.add(delivery);
            }
        }
        current.sort(Comparator.comparing(Delivery::id));
        return current;
    }

    /**
     * Records these claims' attempts as finished with this outcome, each only where its claim is still the current
     * one.
     *
     * @return how many were: fewer than given when a lease was taken over meanwhile
     */
    @Transactional(TxType.MANDATORY)
    public int finish(List<Claim> claims, String node, DeliveryStatus outcome) {
        if (claims.isEmpty()) {
            return 0;
        }
        // One statement per attempt number: fresh deliveries are all on their first.
        Map<Integer, List<String>> idsByAttempt = new TreeMap<>();
        claims.forEach(claim -> idsByAttempt.computeIfAbsent(claim.attempt(), n -> new ArrayList<>()).add(claim.id()));
        int finished = 0;
        for (Map.Entry<Integer, List<String>> group : idsByAttempt.entrySet()) {
            finished += em.createQuery(FINISH)
                    .setParameter("outcome", outcome)
                    .setParameter("ids", group.getValue())
                    .setParameter("node", node)
                    .setParameter("attempt", group.getKey())
                    .executeUpdate();
        }
        return finished;
    }
}
