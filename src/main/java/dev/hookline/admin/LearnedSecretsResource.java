package dev.hookline.admin;

import dev.hookline.platform.JsonSupport;
import dev.hookline.problem.Problem;
import dev.hookline.source.Source;
import dev.hookline.source.Sources;
import dev.hookline.verify.LearnedSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET /api/admin/sources/{source}/learned-secrets}: the secrets a source learned in handshakes, for the one
 * kind of sender that asks the operator to type its secret back (Notion's verification token), and only while the
 * source's handshake window is open. The only answer of Hookline's that holds a secret: admins only, never cached.
 */
@Path("admin/sources/{source}/learned-secrets")
@AdminOnly
@ApplicationScoped
public class LearnedSecretsResource {

    @Inject
    Sources sources;

    @Inject
    LearnedSecrets learned;

    @GET
    public Response learned(@PathParam("source") String name, @Context UriInfo uri) {
        String instance = uri.getRequestUri().getRawPath();
        Source source = sources.find(name);
        if (source == null) {
            return Problem.unknownSource(instance).toResponse();
        }
        if (source.handshake() == null || !source.handshake().showsLearnedSecrets()) {
            return Problem.of("learned-secrets-hidden", "Learned secrets hidden", 403,
                    "This source's learned secrets are shown only for a sender that asks for them back, while its"
                            + " handshake window (<scheme>.handshake-until) is open.", instance).toResponse();
        }
        JsonArrayBuilder secrets = JsonSupport.provider().createArrayBuilder();
        learned.of(name).forEach(secrets::add);
        return Response.ok(JsonSupport.provider().createObjectBuilder().add("source", name).add("secrets", secrets)
                        .build().toString(), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store").build();
    }
}
