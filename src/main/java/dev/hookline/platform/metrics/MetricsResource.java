package dev.hookline.platform.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /api/metrics}: Hookline's metrics in Prometheus text format, the same on Payara and WildFly (no server
 * metrics API involved). The backlog gauges come from the store; when it cannot be read they are left out and the
 * counters are still answered.
 */
@Path("metrics")
@ApplicationScoped
public class MetricsResource {

    private static final Logger LOG = Logger.getLogger(MetricsResource.class.getName());

    @Inject
    Metrics metrics;

    @Inject
    Backlog backlog;

    @GET
    @Produces(PrometheusText.MEDIA_TYPE)
    public Response scrape() {
        PrometheusText text = new PrometheusText();
        metrics.expose(text);
        backlog(text);
        return Response.ok(text.toString()).build();
    }

    private void backlog(PrometheusText text) {
        Backlog.Snapshot snapshot;
        try {
            snapshot = backlog.read();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "The backlog could not be read for the metrics", e);
            return;
        }
        text.family("hookline_backlog", "gauge",
                "Deliveries dispatch has not finished with, by status (RECEIVED, PROCESSING, FAILED).");
        snapshot.waiting().forEach((status, count) -> text.sample("hookline_backlog", count, "status", status.name()));
        text.family("hookline_oldest_due_age_seconds", "gauge",
                "How long the oldest delivery due for an attempt has waited past its due time.");
        text.sample("hookline_oldest_due_age_seconds", snapshot.oldestDueAge().toMillis() / 1000.0);
    }
}
