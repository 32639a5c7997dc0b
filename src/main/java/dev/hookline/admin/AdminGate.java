package dev.hookline.admin;

import dev.hookline.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Checks the role on every admin request itself, beside the web fragment's security constraint on
 * {@code /api/admin/*}. The constraint alone guards only that URL: an application that moves Hookline's API, or
 * leaves the fragment out ({@code metadata-complete}, {@code absolute-ordering}), would otherwise serve the admin API
 * to anyone. Where the constraint applies, a caller who reaches this filter already has the role.
 */
@AdminOnly
@Priority(Priorities.AUTHORIZATION)
public class AdminGate implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        if (security != null && security.isUserInRole(AdminRole.NAME)) {
            return;
        }
        String instance = request.getUriInfo().getRequestUri().getRawPath();
        boolean anonymous = security == null || security.getUserPrincipal() == null;
        request.abortWith((anonymous
                ? Problem.of("unauthorized", "Unauthorized", 401,
                        "The admin API needs a login of a user with the role " + AdminRole.NAME + ".", instance)
                : Problem.of("forbidden", "Forbidden", 403,
                        "This user does not have the role " + AdminRole.NAME + ".", instance)).toResponse());
    }
}
