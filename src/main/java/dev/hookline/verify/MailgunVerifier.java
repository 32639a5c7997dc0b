package dev.hookline.verify;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.json.JsonObject;

/**
 * Mailgun signs inside the body: {@code {"signature":{"timestamp","token","signature"},"event-data":{…}}}, where
 * {@code signature} is the hex HMAC-SHA256 of {@code timestamp + token} under the webhook signing key. The body itself
 * is not covered, so the timestamp's age and the token (the delivery id preset) are what stop replays.
 */
final class MailgunVerifier implements Verifier {

    private final KeyRing<HmacKey> keys;
    private final Freshness freshness;

    MailgunVerifier(SchemeSettings settings) {
        this.keys = HmacKey.ring(settings, "HmacSHA256");
        this.freshness = settings.freshness();
    }

    @Override
    public void verify(SignedRequest request) throws SignatureRejected {
        JsonObject json = JsonBody.object(request.body())
                .orElseThrow(() -> SignatureRejected.malformed("the body is not a JSON object"));
        String timestamp = field(json, "timestamp");
        String token = field(json, "token");
        byte[] received = Encodings.hex(field(json, "signature"));
        freshness.check("signature.timestamp", timestamp);
        byte[] signed = (timestamp + token).getBytes(UTF_8);
        keys.requireMatch(key -> key.matches(signed, received));
    }

    private static String field(JsonObject json, String name) throws SignatureRejected {
        String value = JsonBody.text(json, "signature", name);
        if (value == null || value.isEmpty()) {
            throw SignatureRejected.malformed("the body has no signature." + name);
        }
        return value;
    }
}
