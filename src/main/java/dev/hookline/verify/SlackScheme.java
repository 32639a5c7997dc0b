package dev.hookline.verify;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.util.Set;
import javax.crypto.Mac;

/**
 * Slack: {@code X-Slack-Signature: v0=<hex HMAC-SHA256(signing secret, "v0:" + timestamp + ":" + body)>} with the
 * timestamp in {@code X-Slack-Request-Timestamp}. The presets fit the Events API (JSON with {@code type} and
 * {@code event_id}); slash commands and interactivity post forms, so such a source sets its own {@code event-type}
 * and {@code delivery-id}.
 */
final class SlackScheme implements Scheme {

    static final String SIGNATURE_HEADER = "X-Slack-Signature";
    static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    private static final String PREFIX = "v0=";
    private static final byte[] VERSION = "v0:".getBytes(UTF_8);

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public Verifier verifier(SchemeSettings settings) {
        KeyRing<HmacKey> keys = HmacKey.ring(settings, "HmacSHA256");
        Freshness freshness = settings.freshness();
        return request -> {
            String timestamp = request.requireHeader(TIMESTAMP_HEADER);
            String signature = request.requireHeader(SIGNATURE_HEADER);
            if (!signature.startsWith(PREFIX)) {
                throw SignatureRejected.malformed(SIGNATURE_HEADER + " does not start with " + PREFIX);
            }
            byte[] received = Encodings.hex(signature.substring(PREFIX.length()));
            freshness.check(TIMESTAMP_HEADER, timestamp);
            byte[] timestampBytes = timestamp.getBytes(UTF_8);
            keys.requireMatch(key -> {
                Mac mac = key.mac();
                mac.update(VERSION);
                mac.update(timestampBytes);
                mac.update((byte) ':');
                return MessageDigest.isEqual(mac.doFinal(request.body()), received);
            });
        };
    }

    @Override
    public String eventType() {
        return "json:/type";
    }

    @Override
    public String deliveryId() {
        return "json:/event_id";
    }

    @Override
    public Set<String> contentTypes() {
        return Set.of("application/x-www-form-urlencoded", "application/json");
    }

    @Override
    public Set<String> signatureHeaders(SchemeSettings settings) {
        return Set.of("x-slack-signature");
    }
}
