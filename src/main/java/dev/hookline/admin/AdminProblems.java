package dev.hookline.admin;

import dev.hookline.problem.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Answers a refused admin request: 400 for a bad parameter, 404 for an unknown delivery, 409 when not replayable. */
public class AdminProblems implements ExceptionMapper<AdminRequestRefused> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(AdminRequestRefused refused) {
        String instance = uri.getRequestUri().getRawPath();
        Problem problem;
        if (refused instanceof AdminRequestRefused.NoSuchDelivery) {
            problem = Problem.of("no-such-delivery", "No such delivery", 404, refused.getMessage(), instance);
        } else if (refused instanceof AdminRequestRefused.NotReplayable) {
            problem = Problem.of("not-replayable", "Not replayable", 409, refused.getMessage(), instance);
        } else {
            problem = Problem.of("invalid-parameter", "Invalid parameter", 400, refused.getMessage(), instance);
        }
        return problem.toResponse();
    }
}
