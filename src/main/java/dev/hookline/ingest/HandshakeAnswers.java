package dev.hookline.ingest;

import dev.hookline.platform.metrics.Metrics;
import dev.hookline.problem.Problem;
import dev.hookline.source.Source;
import dev.hookline.verify.Challenge;
import dev.hookline.verify.Handshake;
import dev.hookline.verify.SignedRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Answers a source's handshakes: counted, logged at FINE without the values they carry, and never stored. A refusal
 * is a problem document like every other.
 */
@ApplicationScoped
public class HandshakeAnswers {

    private static final Logger LOG = Logger.getLogger(HandshakeAnswers.class.getName());

    @Inject
    Metrics metrics;

    /** The answer to a request that is a handshake before any signature is checked, if it is one. */
    public Optional<Response> unsigned(Source source, String method, Supplier<MultivaluedMap<String, String>> query,
                                       SignedRequest.Headers headers, Supplier<String> instance) {
        Handshake handshake = source.handshake();
        if (handshake == null) {
            return Optional.empty();
        }
        Handshake.Unsigned request = new Handshake.Unsigned() {
            @Override
            public String method() {
                return method;
            }

            @Override
            public List<String> query(String name) {
                // Parsed only for a handshake that asks: most requests of a source with a handshake are events.
                List<String> values = query.get().get(name);
                return values == null ? List.of() : values;
            }

            @Override
            public SignedRequest.Headers headers() {
                return headers;
            }
        };
        return handshake.unsigned(request).map(challenge -> answer(source, challenge, instance));
    }

    /** The answer to a request whose body is read, before its signature is checked, if it is a handshake. */
    public Optional<Response> unverified(Source source, SignedRequest request, Supplier<String> instance) {
        Handshake handshake = source.handshake();
        return handshake == null ? Optional.empty()
                : handshake.unverified(request).map(challenge -> answer(source, challenge, instance));
    }

    /** The answer to a verified request that is a handshake, if it is one. */
    public Optional<Response> signed(Source source, SignedRequest request, Supplier<String> instance) {
        Handshake handshake = source.handshake();
        return handshake == null ? Optional.empty()
                : handshake.signed(request).map(challenge -> answer(source, challenge, instance));
    }

    /** @param instance the request's path, made only for a refusal, which carries it */
    private Response answer(Source source, Challenge challenge, Supplier<String> instance) {
        metrics.handshake(source.name());
        LOG.fine(() -> "Answered a handshake of " + source.name() + " with " + challenge.status());
        if (challenge.refusal()) {
            return Problem.of("handshake-refused", "Handshake refused", challenge.status(), challenge.body(),
                    instance.get()).toResponse();
        }
        Response.ResponseBuilder response = Response.status(challenge.status());
        if (challenge.noSniff()) {
            response.header("X-Content-Type-Options", "nosniff");
        }
        challenge.headers().forEach(response::header);
        return challenge.body() == null ? response.build()
                : response.entity(challenge.body()).type(challenge.contentType()).build();
    }
}
