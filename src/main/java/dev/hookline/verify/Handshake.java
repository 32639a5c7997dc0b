package dev.hookline.verify;

import java.util.List;
import java.util.Optional;

/**
 * How a scheme answers the requests its sender makes to prove an endpoint before, or between, events: Slack's
 * {@code url_verification}, Meta's {@code hub.challenge}, X's CRC and the like. Implementations are immutable and
 * built once per source.
 */
public interface Handshake {

    /** What a handshake sees of a request that is not signed: its method, query and headers. */
    interface Unsigned {
        String method();

        /** Every value of a query parameter, decoded; empty when absent. */
        List<String> query(String name);

        SignedRequest.Headers headers();
    }

    /**
     * A request answered before any signature is checked, such as a {@code GET} challenge that carries no signature;
     * empty when the request is not one, in which case a {@code GET} is refused and a {@code POST} is verified.
     */
    default Optional<Challenge> unsigned(Unsigned request) {
        return Optional.empty();
    }

    /**
     * A request whose body is read but whose signature is not yet checked, for a sender whose handshake carries no
     * signature but a body (Notion's verification token); empty when it is not one, and it is verified.
     */
    default Optional<Challenge> unverified(SignedRequest request) {
        return Optional.empty();
    }

    /** A verified request that is a handshake rather than an event; empty when it is an event to store. */
    default Optional<Challenge> signed(SignedRequest request) {
        return Optional.empty();
    }

    /**
     * Whether the operator may read the secrets this source learned: only where the sender asks the operator to type
     * the secret back (Notion), and only while the handshake window is open.
     */
    default boolean showsLearnedSecrets() {
        return false;
    }

    /** The one value of a query parameter; a missing or repeated one is refused. */
    static String one(Unsigned request, String name) throws Challenge.ChallengeRefused {
        List<String> values = request.query(name);
        if (values.size() > 1) {
            throw new Challenge.ChallengeRefused(400, "The " + name + " parameter was sent more than once.");
        }
        return Challenge.echoable("the " + name + " parameter", values.isEmpty() ? null : values.get(0));
    }
}
