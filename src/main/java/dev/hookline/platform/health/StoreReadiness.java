package dev.hookline.platform.health;

import dev.hookline.platform.ServerResources;
import dev.hookline.platform.Started;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: down when the store does not answer a trivial query, since Hookline then answers every webhook 503.
 *
 * <p>Servers call health checks on threads of their own, without the application's naming context that JTA looks
 * things up in; so the ping runs through a contextual proxy captured while the application starts. The query
 * has a timeout of its own; a pool waiting for a connection to a dead database holds the check for the pool's wait
 * time (see docs/operate.md).
 */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {

    @Inject
    StorePing ping;

    @Inject
    ServerResources server;

    private volatile Runnable pingInContext;

    void captureContext(@Observes Started started) {
        pingInContext = server.contexts().createContextualProxy((Runnable) ping::ping, Runnable.class);
    }

    @Override
    public HealthCheckResponse call() {
        Runnable check = pingInContext;
        if (check == null) {
            return HealthCheckResponse.named("hookline-store").down().withData("error", "starting").build();
        }
        try {
            check.run();
            return HealthCheckResponse.named("hookline-store").up().build();
        } catch (RuntimeException e) {
            // The class only: a driver's message may hold a connection URL with credentials.
            return HealthCheckResponse.named("hookline-store").down()
                    .withData("error", rootCause(e).getClass().getName()).build();
        }
    }

    private static Throwable rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
