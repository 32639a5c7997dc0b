package dev.hookline.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Keeps Hookline's resources out of the host application's own JAX-RS application. A host {@code Application}
 * that lists no classes gets every annotated resource and provider of the web application, Hookline's included: its
 * webhook endpoint would then answer without the signature filter, and its admin API outside the URL that the
 * security constraint guards. This feature is found by that same scanning, and only by it ({@link
 * HooklineApplication} does not list it): wherever it runs, a Hookline resource answers 404, as if it were not there.
 */
@Provider
public class ForeignHooklineResources implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (HooklineApplication.RESOURCES.contains(resource.getResourceClass())) {
            context.register(NotHere.class);
        }
    }

    /** Answers before anything of the resource runs. */
    public static class NotHere implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            request.abortWith(Response.status(Response.Status.NOT_FOUND).build());
        }
    }
}
