package dev.hookline.ingest;

import dev.hookline.source.Source;
import dev.hookline.source.Sources;
import dev.hookline.store.Delivery;
import dev.hookline.verify.SignatureFilter;
import dev.hookline.verify.Signed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;

/**
 * {@code POST /api/webhooks/{source}}: a request that reaches this method is verified (see {@link SignatureFilter}).
 * It is stored, or recognised as a duplicate, before it is answered.
 */
@Path("webhooks/{source}")
@ApplicationScoped
public class WebhookResource {

    @Inject
    Sources sources;

    @Inject
    Inbox inbox;

    @Inject
    Clock clock;

    @POST
    @Signed
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("source") String name, @Context HttpHeaders headers, byte[] body) {
        Source source = sources.find(name);
        Delivery delivery = DeliveryReader.read(source, headers.getRequestHeaders(), body, clock.instant());
        Receipt receipt = inbox.accept(delivery);
        return receipt instanceof Receipt.Accepted
                ? Response.accepted(answer("accepted", receipt.id())).build()
                : Response.ok(answer("duplicate", receipt.id())).build();
    }

    /** The ids are UUIDs, so the answer needs no JSON escaping. */
    private static String answer(String status, String id) {
        return "{\"status\":\"" + status + "\",\"id\":\"" + id + "\"}";
    }
}
