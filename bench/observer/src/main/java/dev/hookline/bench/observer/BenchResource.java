package dev.hookline.bench.observer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * What the benchmark reads between runs, never during one: {@code /api/bench/e2e} gives what {@link BenchObserver}
 * measured (DELETE starts afresh); {@code /api/bench/backlog} counts stored deliveries and those still waiting for
 * dispatch. Benchmark only.
 */
@Path("bench")
@ApplicationScoped
public class BenchResource {

    @Inject
    BenchObserver observer;

    @PersistenceContext(unitName = "hookline")
    EntityManager em;

    @GET
    @Path("e2e")
    @Produces(MediaType.APPLICATION_JSON)
    public String endToEnd() {
        LatencyHistogram h = observer.endToEnd();
        return "{\"notified\":" + h.count() + ",\"p50_us\":" + h.quantile(0.50) + ",\"p99_us\":" + h.quantile(0.99)
                + ",\"max_us\":" + h.quantile(1.0) + ",\"received_before\":" + observer.receivedBefore() + "}";
    }

    @DELETE
    @Path("e2e")
    public void reset() {
        observer.reset();
    }

    @GET
    @Path("backlog")
    @Produces(MediaType.APPLICATION_JSON)
    public String backlog() {
        long stored = em.createQuery("select count(d) from Delivery d", Long.class).getSingleResult();
        long waiting = em.createQuery("select count(d) from Delivery d where d.status in"
                        + " (dev.hookline.store.DeliveryStatus.RECEIVED, dev.hookline.store.DeliveryStatus.PROCESSING)",
                Long.class).getSingleResult();
        return "{\"stored\":" + stored + ",\"waiting\":" + waiting + "}";
    }
}
