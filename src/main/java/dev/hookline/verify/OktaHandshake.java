package dev.hookline.verify;

import jakarta.json.Json;
import java.util.List;
import java.util.Optional;

/**
 * Okta verifies an event hook with a {@code GET} carrying {@code X-Okta-Verification-Challenge} and the
 * {@code Authorization} value the operator configured, and expects {@code {"verification": <challenge>}}.
 */
final class OktaHandshake implements Handshake {

    static final String CHALLENGE = "X-Okta-Verification-Challenge";

    private final Verifier authorization;

    OktaHandshake(Verifier authorization) {
        this.authorization = authorization;
    }

    @Override
    public Optional<Challenge> unsigned(Unsigned request) {
        List<String> challenges = request.headers().all(CHALLENGE);
        if (!"GET".equals(request.method()) || challenges == null || challenges.isEmpty()) {
            return Optional.empty();
        }
        try {
            authorization.verify(new SignedRequest(request.headers(), new byte[0], null));
        } catch (SignatureRejected e) {
            return Optional.of(Challenge.refused(401, e.getMessage()));
        }
        try {
            if (challenges.size() > 1) {
                throw new Challenge.ChallengeRefused(400, "The " + CHALLENGE + " header was sent more than once.");
            }
            String challenge = Challenge.echoable("the " + CHALLENGE + " header", challenges.get(0));
            return Optional.of(Challenge.json(Json.createObjectBuilder().add("verification", challenge).build()
                    .toString()));
        } catch (Challenge.ChallengeRefused e) {
            return Optional.of(e.answer());
        }
    }
}
