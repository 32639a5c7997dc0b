package dev.hookline.verify;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.json.Json;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Zoom validates an endpoint with a signed {@code endpoint.url_validation} event and expects the plain token back
 * with its HMAC-SHA256 under the secret token, in hex.
 */
final class ZoomHandshake implements Handshake {

    private final KeyRing<HmacKey> keys;

    ZoomHandshake(SchemeSettings settings) {
        this.keys = HmacKey.ring(settings, "HmacSHA256");
    }

    @Override
    public Optional<Challenge> signed(SignedRequest request) {
        if (!JsonBody.contains(request.body(), "endpoint.url_validation")) {
            return Optional.empty();
        }
        return JsonBody.object(request.body())
                .filter(json -> "endpoint.url_validation".equals(JsonBody.text(json, "event")))
                .map(json -> answer(JsonBody.text(json, "payload", "plainToken")));
    }

    private Challenge answer(String plainToken) {
        try {
            Challenge.echoable("plainToken", plainToken);
            // Zoom gives an app one secret token; while it is being rotated, the first in force answers.
            HmacKey key = keys.firstInForce();
            String encrypted = HexFormat.of().formatHex(key.mac().doFinal(plainToken.getBytes(UTF_8)));
            return Challenge.json(Json.createObjectBuilder().add("plainToken", plainToken)
                    .add("encryptedToken", encrypted).build().toString());
        } catch (Challenge.ChallengeRefused e) {
            return e.answer();
        }
    }
}
