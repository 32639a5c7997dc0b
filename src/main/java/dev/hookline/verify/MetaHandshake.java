package dev.hookline.verify;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.util.Optional;

/**
 * Meta (Facebook, Instagram, WhatsApp) verifies a callback URL with
 * {@code GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…} and takes the challenge back when the token is the
 * one the operator typed into the app dashboard, configured here as {@code verify-token}.
 */
final class MetaHandshake implements Handshake {

    static final String VERIFY_TOKEN = "verify-token";

    private final byte[] verifyToken;

    MetaHandshake(SchemeSettings settings) {
        String token = settings.option(VERIFY_TOKEN).orElseThrow(() -> settings.invalid(VERIFY_TOKEN,
                "is required: the Verify Token typed into the Meta app dashboard's Webhooks settings"));
        this.verifyToken = Digests.sha256(token.getBytes(UTF_8));
    }

    @Override
    public Optional<Challenge> unsigned(Unsigned request) {
        if (!"GET".equals(request.method()) || request.query("hub.mode").isEmpty()) {
            return Optional.empty();
        }
        try {
            if (!"subscribe".equals(Handshake.one(request, "hub.mode"))) {
                return Optional.of(Challenge.refused(400, "The hub.mode parameter is not subscribe."));
            }
            String token = Handshake.one(request, "hub.verify_token");
            String challenge = Handshake.one(request, "hub.challenge");
            // Compared as digests: the same time whatever the lengths.
            if (!MessageDigest.isEqual(verifyToken, Digests.sha256(token.getBytes(UTF_8)))) {
                return Optional.of(Challenge.refused(403, "The hub.verify_token is not this source's verify token."));
            }
            return Optional.of(Challenge.echo(challenge));
        } catch (Challenge.ChallengeRefused e) {
            return Optional.of(e.answer());
        }
    }
}
