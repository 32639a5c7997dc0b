package dev.hookline.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: down when a dispatch worker has been on one piece of work longer than {@code hookline.health.stuck-after}
 * (an observer that never returns, a lock never granted, a poll whose select never ends). Restarting is then the cure.
 */
@Liveness
@ApplicationScoped
public class DispatchLiveness implements HealthCheck {

    @Inject
    Heartbeat heartbeat;

    @Inject
    @ConfigProperty(name = "hookline.health.stuck-after", defaultValue = "PT5M")
    Duration stuckAfter;

    @Override
    public HealthCheckResponse call() {
        int stuck = heartbeat.busyLongerThan(stuckAfter.toNanos());
        return HealthCheckResponse.named("hookline-dispatch")
                .status(stuck == 0)
                .withData("busyWorkers", heartbeat.busyWorkers())
                .withData("stuckWorkers", stuck)
                .withData("longestBusySeconds", heartbeat.longestBusyNanos() / 1_000_000_000L)
                .withData("stuckAfter", stuckAfter.toString())
                .build();
    }
}
