package dev.hookline.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The answers the JAX-RS runtime chooses itself (no such path 404, method not allowed 405, unsupported media type
 * 415, ...) in the same problem+json form as Hookline's own, keeping their headers such as {@code Allow}.
 */
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        Response.StatusType status = original.getStatusInfo();
        Problem problem = Problem.of("http-" + status.getStatusCode(), status.getReasonPhrase(),
                status.getStatusCode(), null, uri.getRequestUri().getRawPath());
        Response.ResponseBuilder answer = problem.toResponseBuilder();
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }
}
