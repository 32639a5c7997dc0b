package dev.hookline.bench.ceiling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * The least a JAX-RS receiver can do: take the body as bytes and answer 204. Its rate is the ceiling of the stack
 * Hookline runs on; Hookline's own rate is reported as a share of it.
 */
@Path("webhooks/{source}")
@ApplicationScoped
public class NoopResource {

    @POST
    public Response receive(@PathParam("source") String source, byte[] body) {
        return Response.noContent().build();
    }
}
