package dev.hookline.ingest;

import dev.hookline.platform.metrics.Metrics;
import dev.hookline.platform.metrics.Rejection;
import dev.hookline.problem.Problem;
import dev.hookline.source.Source;
import dev.hookline.source.Sources;
import dev.hookline.verify.SignatureRejected;
import dev.hookline.verify.SignedRequest;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The gate of every webhook: the source must be known (404), the body within its limit (413, read no further than
 * the limit), of a type the scheme takes (415) and signed with one of the source's secrets (401). A handshake is
 * answered here, before the checks when it is not signed (Microsoft Graph's) and after them when it is (Slack's), and
 * goes no further. Only then does the resource see the request, with the raw bytes exactly as they arrived, in the
 * property {@link VerifiedRequest#PROPERTY} and put back as the entity.
 */
@Signed
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class SignatureFilter implements ContainerRequestFilter {

    /** What a body's array starts at when its request declares more: about the largest webhook payload seen. */
    static final int FIRST_ALLOCATION = 64 * 1024;

    private static final Logger LOG = Logger.getLogger(SignatureFilter.class.getName());

    @Inject
    Sources sources;

    @Inject
    Metrics metrics;

    @Inject
    HandshakeAnswers handshakes;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String name = request.getUriInfo().getPathParameters().getFirst("source");
        Source source = sources.find(name);
        if (source == null) {
            metrics.rejected(null, Rejection.UNKNOWN_SOURCE);
            request.abortWith(Problem.unknownSource(instance(request)).toResponse());
            return;
        }
        if (source.handshake() != null) {
            Optional<Response> answer = handshakes.unsigned(source, request.getMethod(),
                    request.getUriInfo()::getQueryParameters, request.getHeaders()::get, () -> instance(request));
            if (answer.isPresent()) {
                request.abortWith(answer.get());
                return;
            }
        }
        if (request.getLength() > source.maxBody()) {
            metrics.rejected(source.name(), Rejection.BODY_TOO_LARGE);
            request.abortWith(tooLarge(source, instance(request)));
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null || !source.accepts(type.getType().toLowerCase(Locale.ROOT) + "/"
                + type.getSubtype().toLowerCase(Locale.ROOT))) {
            metrics.rejected(source.name(), Rejection.UNSUPPORTED_MEDIA_TYPE);
            request.abortWith(Problem.of("unsupported-media-type", "Unsupported media type", 415,
                    "This source takes " + String.join(" or ", source.contentTypes()) + ".", instance(request))
                    .toResponse());
            return;
        }
        byte[] body;
        try {
            body = readAtMost(request.getEntityStream(), source.maxBody() + 1, request.getLength());
        } catch (IOException e) {
            // The sender stopped before the length it declared; nothing to verify.
            metrics.rejected(source.name(), Rejection.UNREADABLE);
            request.abortWith(Problem.of("incomplete-body", "Incomplete body", 400,
                    "The body ended before its declared length.", instance(request)).toResponse());
            return;
        }
        if (body.length > source.maxBody()) {
            metrics.rejected(source.name(), Rejection.BODY_TOO_LARGE);
            request.abortWith(tooLarge(source, instance(request)));
            return;
        }
        SignedRequest signed = new SignedRequest(request.getHeaders()::get, body, publicUrl(source, request),
                request.getMethod());
        Optional<Response> unverified = handshakes.unverified(source, signed, () -> instance(request));
        if (unverified.isPresent()) {
            request.abortWith(unverified.get());
            return;
        }
        try {
            source.verifier().verify(signed);
        } catch (SignatureRejected e) {
            metrics.rejected(source.name(), Rejection.of(e.reason()));
            LOG.fine(() -> "Refused a delivery for " + source.name() + ": " + e.reason() + " " + e.getMessage());
            request.abortWith(Problem.of("invalid-signature", "Invalid signature", 401, e.getMessage(),
                    instance(request)).toResponse());
            return;
        }
        Optional<Response> answer = handshakes.signed(source, signed, () -> instance(request));
        if (answer.isPresent()) {
            request.abortWith(answer.get());
            return;
        }
        // Read once here, the body is not read again by an entity provider (which would copy it through buffers of
        // its own); it is put back as the entity for any other filter of the application's that reads it.
        request.setProperty(VerifiedRequest.PROPERTY, new VerifiedRequest(source, body, request.getHeaders()));
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    /**
     * The request's path as an answer's {@code instance}: made only for the answers that carry it, as the runtime
     * builds the request's URI for it.
     */
    private static String instance(ContainerRequestContext request) {
        return request.getUriInfo().getRequestUri().getRawPath();
    }

    private static Response tooLarge(Source source, String instance) {
        return Problem.of("body-too-large", "Body too large", 413,
                "This source takes bodies of at most " + source.maxBody() + " bytes.", instance).toResponse();
    }

    /** The URL as the sender signed it: the configured public URL with the request's query. */
    private static String publicUrl(Source source, ContainerRequestContext request) {
        if (source.publicUrl() == null) {
            return null;
        }
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        return query == null ? source.publicUrl() : source.publicUrl() + "?" + query;
    }

    /**
     * Reads up to {@code limit} bytes: enough to tell a body over the limit without holding more of it. The array
     * grows with the bytes that arrive: a declared length is where it stops growing, never what it allocates before
     * they come, so that requests declaring large bodies and sending them slowly hold little. A body that fits the
     * first allocation, or arrives as declared, is returned without a final copy.
     */
    static byte[] readAtMost(InputStream in, int limit, long declared) throws IOException {
        int expected = declared >= 0 ? (int) Math.min(limit, declared) : -1;
        byte[] buffer = new byte[expected >= 0 ? Math.min(expected, FIRST_ALLOCATION) : Math.min(limit, 8192)];
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                int next = length == limit ? -1 : in.read();
                if (next < 0) {
                    return buffer;
                }
                buffer = Arrays.copyOf(buffer, grown(buffer.length, limit, expected));
                buffer[length++] = (byte) next;
                continue;
            }
            int read = in.read(buffer, length, buffer.length - length);
            if (read < 0) {
                return Arrays.copyOf(buffer, length);
            }
            length += read;
        }
    }

    /** Twice the size, but no more than the declared length while that is ahead, nor than the limit. */
    private static int grown(int size, int limit, int expected) {
        long next = Math.max(8192, size * 2L);
        if (expected > size) {
            next = Math.min(next, expected);
        }
        return (int) Math.min(limit, next);
    }
}
