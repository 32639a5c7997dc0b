package dev.hookline.platform.health;

import dev.hookline.source.InvalidSourceConfiguration;
import dev.hookline.source.Source;
import dev.hookline.source.Sources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: down when no source is configured (every webhook would be 404), or when the configuration as it is now
 * no longer reads (a changed property, a password alias removed): the next restart would fail. The message names the
 * key, never a secret.
 */
@Readiness
@ApplicationScoped
public class SourcesReadiness implements HealthCheck {

    @Inject
    Sources sources;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("hookline-sources")
                .withData("sources", sources.all().stream().map(Source::name).collect(Collectors.joining(",")));
        if (sources.all().isEmpty()) {
            return response.down().withData("error", "no source configured: set hookline.sources").build();
        }
        try {
            sources.recheck();
        } catch (InvalidSourceConfiguration e) {
            return response.down().withData("error", e.getMessage()).build();
        }
        return response.up().build();
    }
}
