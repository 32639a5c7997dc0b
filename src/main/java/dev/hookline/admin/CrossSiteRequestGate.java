package dev.hookline.admin;

import dev.hookline.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/**
 * Lets an admin POST (replay, bulk replay) through only when it carries what a cross-site form cannot send: the
 * header {@value #HEADER} (any value; the console sends {@code XMLHttpRequest}) or a JSON content type. A browser adds
 * cached Basic credentials to a form that another site posts to Hookline, but it can send neither of these across
 * sites without a CORS preflight, which Hookline does not answer. POST is the one state-changing method another site
 * can send without that preflight; a DELETE (a purge) always needs one, whatever headers it carries, so a script's
 * plain {@code curl -X DELETE} is taken. Reading calls change nothing and their answers are not readable across sites.
 */
@AdminOnly
@Priority(Priorities.AUTHORIZATION + 10)
public class CrossSiteRequestGate implements ContainerRequestFilter {

    static final String HEADER = "X-Requested-With";

    @Override
    public void filter(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod())) {
            return;
        }
        String marker = request.getHeaderString(HEADER);
        MediaType type = request.getMediaType();
        if (marker != null && !marker.isBlank() || isJson(type)) {
            return;
        }
        request.abortWith(Problem.of("cross-site-request", "Cross-site request refused", 403,
                "A call that changes deliveries needs the header " + HEADER + " or Content-Type: application/json,"
                        + " which a form on another site cannot send.",
                request.getUriInfo().getRequestUri().getRawPath()).toResponse());
    }

    /** {@code application/json} or a {@code +json} type, named exactly: a wildcard is not a JSON type. */
    private static boolean isJson(MediaType type) {
        return type != null && "application".equalsIgnoreCase(type.getType())
                && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
    }
}
