package dev.hookline.web;

import dev.hookline.admin.AdminGate;
import dev.hookline.admin.CrossSiteRequestGate;
import dev.hookline.admin.AdminProblems;
import dev.hookline.admin.DeliveriesResource;
import dev.hookline.admin.LearnedSecretsResource;
import dev.hookline.admin.StatsResource;
import dev.hookline.ingest.IngestExceptionMapper;
import dev.hookline.ingest.SignatureFilter;
import dev.hookline.ingest.WebhookResource;
import dev.hookline.platform.metrics.MetricsResource;
import dev.hookline.problem.UnexpectedErrorMapper;
import dev.hookline.problem.WebApplicationExceptionMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * Hookline's HTTP API, under {@code /api} of the web application; the web console is under {@code /admin}. An
 * application that includes Hookline moves the API with a servlet mapping of this class's name in its own web.xml.
 *
 * <p>The classes are listed rather than found by scanning, so that this application serves only Hookline's
 * resources and Hookline's providers (its exception mappers above all) never apply to the host application's own
 * resources. An application of the host's that relies on scanning finds Hookline's resources too: {@link
 * ForeignHooklineResources} answers them 404 there.
 */
@ApplicationPath("api")
public class HooklineApplication extends Application {

    /** Hookline's root resources: served here, and refused under any other application. */
    static final Set<Class<?>> RESOURCES = Set.of(WebhookResource.class, DeliveriesResource.class,
            StatsResource.class, MetricsResource.class, LearnedSecretsResource.class);

    private static final Set<Class<?>> PROVIDERS = Set.of(SignatureFilter.class, AdminGate.class,
            CrossSiteRequestGate.class,
            IngestExceptionMapper.class, AdminProblems.class, WebApplicationExceptionMapper.class,
            UnexpectedErrorMapper.class);

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new java.util.HashSet<>(RESOURCES);
        classes.addAll(PROVIDERS);
        return classes;
    }
}
