package dev.hookline.crash;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.net.http.HttpRequest;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A delivery as GitHub sends it: a JSON body signed with HMAC-SHA256 in {@code X-Hub-Signature-256}. */
final class GithubDelivery {

    private GithubDelivery() {
    }

    /** The POST of one delivery; the same delivery id posted again is the sender's retry. */
    static HttpRequest post(URI webhooks, String secret, String deliveryId, Duration timeout) {
        byte[] body = ("{\"delivery\":\"" + deliveryId + "\",\"amount\":100}").getBytes(UTF_8);
        return HttpRequest.newBuilder(webhooks)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", "payment")
                .header("X-GitHub-Delivery", deliveryId)
                .header("X-Hub-Signature-256", "sha256=" + hmac(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
