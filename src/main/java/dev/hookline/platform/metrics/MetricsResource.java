package dev.hookline.platform.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import dev.hookline.problem.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /api/metrics}: Hookline's metrics in Prometheus text format, the same on Payara and WildFly (no server
 * metrics API involved). The backlog gauges come from the store; when it cannot be read they are left out and the
 * counters are still answered. Open to every caller, as Prometheus expects, unless {@value #ROLE_KEY} names the role
 * a caller needs (with the built-in admin identity: {@code hookline-admin}, which its login then gets here too).
 */
@Path("metrics")
@ApplicationScoped
public class MetricsResource {

    /** The role a caller needs for the metrics; unset, they are open. */
    public static final String ROLE_KEY = "hookline.metrics.role";

    private static final Logger LOG = Logger.getLogger(MetricsResource.class.getName());

    @Inject
    Metrics metrics;

    @Inject
    Backlog backlog;

    @Inject
    @ConfigProperty(name = ROLE_KEY)
    Optional<String> role;

    @GET
    @Produces(PrometheusText.MEDIA_TYPE)
    public Response scrape(@Context SecurityContext caller, @Context UriInfo uri) {
        Optional<String> needed = role.map(String::trim).filter(r -> !r.isEmpty());
        if (needed.isPresent() && !caller.isUserInRole(needed.get())) {
            String instance = uri.getRequestUri().getRawPath();
            if (caller.getUserPrincipal() == null) {
                return Response.fromResponse(Problem.of("unauthorized", "Unauthorized", 401,
                        "The metrics need a login of a user with the role " + needed.get() + ".", instance)
                        .toResponse()).header("WWW-Authenticate", "Basic realm=\"hookline\", charset=\"UTF-8\"")
                        .build();
            }
            return Problem.of("forbidden", "Forbidden", 403, "This user does not have the role " + needed.get() + ".",
                    instance).toResponse();
        }
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
