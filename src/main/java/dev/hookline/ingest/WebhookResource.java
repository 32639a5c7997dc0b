package dev.hookline.ingest;

import dev.hookline.platform.metrics.Metrics;
import dev.hookline.platform.metrics.Rejection;
import dev.hookline.problem.Problem;
import dev.hookline.source.Acknowledgement;
import dev.hookline.source.Source;
import dev.hookline.source.Sources;
import dev.hookline.store.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * {@code POST /api/webhooks/{source}}: a request that reaches this method is verified (see {@link SignatureFilter}).
 * It is stored, or recognised as a duplicate, before it is answered. {@code GET} answers senders' challenges.
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

    @Inject
    Metrics metrics;

    @Inject
    HandshakeAnswers handshakes;

    /**
     * CDI's built-in bean for the request being served, a proxy to it. A {@code @Context HttpServletRequest}
     * parameter cost more: Jersey resolves it by creating a service of its injection framework for every request
     * (docs/benchmarks.md, item 21).
     */
    @Inject
    HttpServletRequest request;

    /**
     * {@code GET /api/webhooks/{source}}: only senders' challenges (Meta's {@code hub.challenge}, X's CRC, Dropbox's,
     * Okta's, Mailchimp's) are answered; anything else is 405, as no event is ever read from a {@code GET}.
     */
    @GET
    public Response challenge(@PathParam("source") String name, @Context UriInfo uri, @Context HttpHeaders headers) {
        String instance = uri.getRequestUri().getRawPath();
        Source source = sources.find(name);
        if (source == null) {
            metrics.rejected(null, Rejection.UNKNOWN_SOURCE);
            return Problem.unknownSource(instance).toResponse();
        }
        return handshakes.unsigned(source, "GET", uri::getQueryParameters, headers.getRequestHeaders()::get,
                        () -> instance)
                .orElseGet(() -> Problem.of("method-not-allowed", "Method not allowed", 405,
                        "This source takes webhooks by POST; its sender makes no GET challenge.", instance)
                        .toResponseBuilder().allow("POST").build());
    }

    /**
     * The source, body and headers are those the filter verified, taken from the request's properties (which a servlet
     * container keeps as the request's attributes): the body is not read again from the entity, and the method has
     * no parameters for the runtime to resolve.
     */
    @POST
    @Signed
    public Response receive() {
        long start = System.nanoTime();
        VerifiedRequest verified = (VerifiedRequest) request.getAttribute(VerifiedRequest.PROPERTY);
        Source source = verified.source();
        Receipt receipt;
        try {
            Delivery delivery = DeliveryReader.read(source, verified.headers(), verified.body(), clock.instant());
            receipt = inbox.accept(delivery);
        } catch (IngestException e) {
            metrics.rejected(source.name(), e instanceof UnreadableDelivery ? Rejection.UNREADABLE
                    : e instanceof UnstorableDelivery ? Rejection.UNSTORABLE : Rejection.STORAGE_UNAVAILABLE);
            throw e;
        }
        boolean accepted = receipt instanceof Receipt.Accepted;
        if (accepted) {
            metrics.accepted(source.name(), System.nanoTime() - start);
        } else {
            metrics.duplicate(source.name(), System.nanoTime() - start);
        }
        return acknowledgement(source.ack(), accepted, receipt.id());
    }

    private static Response acknowledgement(Acknowledgement ack, boolean accepted, String id) {
        Response.ResponseBuilder response = Response.status(ack != null && ack.status() != null ? ack.status()
                : accepted ? 202 : 200);
        if (ack != null && ack.body() != null) {
            return response.entity(ack.body()).type(ack.contentType()).build();
        }
        if (ack != null && ack.status() != null && ack.status() == 204) {
            return response.build();
        }
        return response.entity(answer(accepted ? "accepted" : "duplicate", id))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * The ids are UUIDs, so the answer needs no JSON escaping; as bytes, it is written as it is, where a string is
     * encoded through a writer of its own for each answer.
     */
    private static byte[] answer(String status, String id) {
        return ("{\"status\":\"" + status + "\",\"id\":\"" + id + "\"}").getBytes(StandardCharsets.US_ASCII);
    }
}
