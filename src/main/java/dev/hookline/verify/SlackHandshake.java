package dev.hookline.verify;

import java.util.Optional;

/**
 * Slack's Events API proves a Request URL with a signed {@code {"type":"url_verification","challenge":…}} and takes
 * the challenge back as plain text.
 */
final class SlackHandshake implements Handshake {

    @Override
    public Optional<Challenge> signed(SignedRequest request) {
        if (!JsonBody.contains(request.body(), "url_verification")) {
            return Optional.empty();
        }
        return JsonBody.object(request.body())
                .filter(json -> "url_verification".equals(JsonBody.text(json, "type")))
                .map(json -> answer(JsonBody.text(json, "challenge")));
    }

    private static Challenge answer(String challenge) {
        try {
            return Challenge.echo(Challenge.echoable("challenge", challenge));
        } catch (Challenge.ChallengeRefused e) {
            return e.answer();
        }
    }
}
