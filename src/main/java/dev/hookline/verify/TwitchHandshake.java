package dev.hookline.verify;

import java.util.Optional;

/**
 * Twitch EventSub confirms a subscription with a signed {@code webhook_callback_verification} message and takes its
 * {@code challenge} back as plain text.
 */
final class TwitchHandshake implements Handshake {

    static final String MESSAGE_TYPE = "Twitch-Eventsub-Message-Type";

    @Override
    public Optional<Challenge> signed(SignedRequest request) {
        String type;
        try {
            type = request.header(MESSAGE_TYPE);
        } catch (SignatureRejected e) {
            return Optional.of(Challenge.refused(400, "The " + MESSAGE_TYPE + " header was sent more than once."));
        }
        if (!"webhook_callback_verification".equals(type)) {
            return Optional.empty();
        }
        String challenge = JsonBody.object(request.body()).map(json -> JsonBody.text(json, "challenge")).orElse(null);
        try {
            return Optional.of(Challenge.echo(Challenge.echoable("challenge", challenge)));
        } catch (Challenge.ChallengeRefused e) {
            return Optional.of(e.answer());
        }
    }
}
