package dev.hookline.verify;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.json.Json;
import java.util.Base64;
import java.util.Optional;

/**
 * X's challenge-response check: {@code GET ?crc_token=…}, answered with
 * {@code {"response_token":"sha256=<base64 HMAC-SHA256(consumer secret, crc_token)>"}}. X repeats it hourly while
 * the webhook is registered.
 */
final class CrcHandshake implements Handshake {

    private final KeyRing<HmacKey> keys;

    CrcHandshake(SchemeSettings settings) {
        this.keys = HmacKey.ring(settings, "HmacSHA256");
    }

    @Override
    public Optional<Challenge> unsigned(Unsigned request) {
        if (!"GET".equals(request.method()) || request.query("crc_token").isEmpty()) {
            return Optional.empty();
        }
        try {
            String token = Handshake.one(request, "crc_token");
            byte[] mac = keys.firstInForce().mac().doFinal(token.getBytes(UTF_8));
            return Optional.of(Challenge.json(Json.createObjectBuilder()
                    .add("response_token", "sha256=" + Base64.getEncoder().encodeToString(mac)).build().toString()));
        } catch (Challenge.ChallengeRefused e) {
            return Optional.of(e.answer());
        }
    }
}
