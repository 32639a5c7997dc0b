package dev.hookline.verify;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.security.MessageDigest;

/**
 * Microsoft Graph change notifications carry no signature: each notification in {@code value} repeats the
 * {@code clientState} given when the subscription was created, which is the source's secret. Every notification must
 * carry one in force; compared as SHA-256 digests, in constant time.
 */
final class ClientStateVerifier implements Verifier {

    private final KeyRing<byte[]> states;

    ClientStateVerifier(SchemeSettings settings) {
        this.states = KeyRing.digests(settings);
    }

    @Override
    public void verify(SignedRequest request) throws SignatureRejected {
        JsonObject json = JsonBody.object(request.body())
                .orElseThrow(() -> SignatureRejected.malformed("the body is not a JSON object"));
        JsonValue value = json.get("value");
        if (!(value instanceof JsonArray notifications) || notifications.isEmpty()) {
            throw SignatureRejected.malformed("the body has no notifications in value");
        }
        for (JsonValue notification : notifications) {
            String state = notification instanceof JsonObject object ? JsonBody.text(object, "clientState") : null;
            if (state == null || state.isEmpty()) {
                throw SignatureRejected.malformed("a notification has no clientState");
            }
            byte[] received = Digests.sha256(state.getBytes(UTF_8));
            states.requireMatch(expected -> MessageDigest.isEqual(expected, received));
        }
    }
}
