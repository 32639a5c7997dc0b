package dev.hookline.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLEncoder;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How each provider signs a delivery, written from the providers' published definitions, for round trips through
 * the deployed server. Each scheme has a source of its own name in {@link #CONFIGURATION}, with three secrets: the
 * current one, the next one of a rotation, and one whose {@code not-after} has passed.
 */
final class Signers {

    /** Signs one delivery whose body is set: its delivery id, the Unix time it claims, with one secret. */
    @FunctionalInterface
    interface Signer {
        Sender.Post sign(Sender.Post post, String deliveryId, long timestamp, String secret);
    }

    static final String EXPIRED = ";not-after=2020-01-01T00:00:00Z";
    static final String TWILIO_URL = "https://hooks.example.com/twilio/voice";

    /** Standard Webhooks' published Ed25519 pair (whsk_ signs, whpk_ verifies), from the conformance vectors. */
    static final String ED25519_SIGNING_KEY =
            "whsk_6Xb/dCcHpPea21PS1N9VY/NZW723CEc77N4rJCubMbfVKIDij2HKpMKkioLlX0dRqSKJp4AJ6p9lMicMFs6Kvg==";
    static final String ED25519_PUBLIC_KEY = "whpk_1SiA4o9hyqTCpIqC5V9HUakiiaeACeqfZTInDBbOir4=";

    /** The secrets of each source, in order: current, next, expired. */
    static final Map<String, String[]> SECRETS = new TreeMap<>(Map.of(
            "github", new String[] {"gh-current", "gh-next", "gh-old"},
            "stripe", new String[] {"whsec_stripe_current", "whsec_stripe_next", "whsec_stripe_old"},
            "standard-webhooks", new String[] {whsec("sw-current"), whsec("sw-next"), whsec("sw-old")},
            "svix", new String[] {whsec("svix-current"), whsec("svix-next"), whsec("svix-old")},
            "slack", new String[] {"slack-current", "slack-next", "slack-old"},
            "shopify", new String[] {"shopify-current", "shopify-next", "shopify-old"},
            "twilio", new String[] {"twilio-current", "twilio-next", "twilio-old"},
            "gitlab-token", new String[] {"gitlab-current", "gitlab-next", "gitlab-old"},
            "hmac", new String[] {"hmac-current", "hmac-next", "hmac-old"},
            "legacy-sha256", new String[] {"legacy-current", "legacy-next", "legacy-old"}));

    static final Map<String, Boolean> TIMESTAMPED = Map.of("stripe", true, "standard-webhooks", true, "svix", true,
            "slack", true);

    static final String CONFIGURATION = configuration();

    static final Map<String, Signer> SIGNERS = Map.of(
            "github", (post, id, ts, secret) -> post
                    .header("X-GitHub-Delivery", id).header("X-GitHub-Event", "push")
                    .signWith(body -> "sha256=" + hex(Sender.hmac("HmacSHA256", secret, body)), "X-Hub-Signature-256"),
            "stripe", (post, id, ts, secret) -> post
                    .signWith(body -> "t=" + ts + ",v1=" + hex(Sender.hmac("HmacSHA256", secret,
                            concat((ts + ".").getBytes(UTF_8), body))), "Stripe-Signature"),
            "standard-webhooks", (post, id, ts, secret) -> standard(post, "webhook", id, ts, secret),
            "svix", (post, id, ts, secret) -> standard(post, "svix", id, ts, secret),
            "slack", (post, id, ts, secret) -> post
                    .header("X-Slack-Request-Timestamp", Long.toString(ts))
                    .signWith(body -> "v0=" + hex(Sender.hmac("HmacSHA256", secret,
                            concat(("v0:" + ts + ":").getBytes(UTF_8), body))), "X-Slack-Signature"),
            "shopify", (post, id, ts, secret) -> post
                    .header("X-Shopify-Webhook-Id", id).header("X-Shopify-Topic", "orders/create")
                    .signWith(body -> b64(Sender.hmac("HmacSHA256", secret, body)), "X-Shopify-Hmac-Sha256"),
            "twilio", Signers::twilio,
            "gitlab-token", (post, id, ts, secret) -> post
                    .header("Idempotency-Key", id).header("X-Gitlab-Event", "Push Hook").header("X-Gitlab-Token", secret),
            "hmac", (post, id, ts, secret) -> post
                    .signWith(body -> hex(Sender.hmac("HmacSHA256", secret, body)), "X-Signature"),
            "legacy-sha256", (post, id, ts, secret) -> post
                    .signWith(body -> hex(sha256(concat(secret.getBytes(UTF_8), body))), "X-Signature"));

    private Signers() {
    }

    private static String configuration() {
        StringBuilder config = new StringBuilder("hookline.sources=" + String.join(",", SECRETS.keySet()) + "\n");
        SECRETS.forEach((scheme, secrets) -> {
            String prefix = "hookline.source." + scheme + ".";
            config.append(prefix).append("scheme=").append(scheme).append('\n');
            config.append(prefix).append("secrets=").append(secrets[0]).append(',').append(secrets[1]).append(',')
                    .append(secrets[2]).append(EXPIRED);
            if (scheme.equals("standard-webhooks")) {
                config.append(',').append(ED25519_PUBLIC_KEY);
            }
            config.append('\n');
        });
        config.append("hookline.source.slack.delivery-id=json:/event_id\n");
        config.append("hookline.source.hmac.delivery-id=json:/id\n");
        config.append("hookline.source.legacy-sha256.delivery-id=json:/id\n");
        config.append("hookline.source.twilio.public-url=").append(TWILIO_URL).append('\n');
        config.append("hookline.source.twilio.event-type=form:CallStatus\n");
        return config.toString();
    }

    /** A delivery of the scheme's source, with a JSON body that carries the id and type under every preset's name. */
    static Sender.Post signed(Sender sender, String scheme, String id, long ts, String secret) {
        return signed(sender.to(scheme).body("{\"id\":\"" + id + "\",\"event_id\":\"" + id
                + "\",\"type\":\"test.event\",\"event_type\":\"test.event\",\"data\":{\"amount\":100}}"),
                scheme, id, ts, secret);
    }

    /** The post, with the body it has, signed as the scheme's source expects. */
    static Sender.Post signed(Sender.Post post, String scheme, String id, long ts, String secret) {
        return SIGNERS.get(scheme).sign(post, id, ts, secret);
    }

    private static Sender.Post standard(Sender.Post unsigned, String prefix, String id, long ts, String secret) {
        Sender.Post post = unsigned.header(prefix + "-id", id).header(prefix + "-timestamp", Long.toString(ts));
        return post.signWith(body -> {
            byte[] signed = concat((id + "." + ts + ".").getBytes(UTF_8), body);
            if (secret.equals(ED25519_SIGNING_KEY)) {
                return "v1a," + b64(ed25519(signed));
            }
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            return "v1," + b64(Sender.hmac("HmacSHA256", key, signed));
        }, prefix + "-signature");
    }

    private static Sender.Post twilio(Sender.Post post, String id, long ts, String secret) {
        Map<String, String> form = new TreeMap<>(Map.of("CallSid", "CA" + id.replace("-", ""), "CallStatus",
                "completed", "From", "+14158675309", "To", "+18005551212"));
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), UTF_8) + "=" + URLEncoder.encode(e.getValue(), UTF_8))
                .collect(Collectors.joining("&"));
        String signed = TWILIO_URL + form.entrySet().stream().map(e -> e.getKey() + e.getValue())
                .collect(Collectors.joining());
        return post.contentType("application/x-www-form-urlencoded").body(body)
                .header("I-Twilio-Idempotency-Token", id)
                .header("X-Twilio-Signature", b64(Sender.hmac("HmacSHA1", secret, signed.getBytes(UTF_8))));
    }

    /** Signs with {@link #ED25519_SIGNING_KEY}, whose public key is {@link #ED25519_PUBLIC_KEY}. */
    static byte[] ed25519(byte[] message) {
        try {
            byte[] seed = Arrays.copyOf(Base64.getDecoder().decode(ED25519_SIGNING_KEY.substring("whsk_".length())), 32);
            PrivateKey key = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String whsec(String seed) {
        return "whsec_" + Base64.getEncoder().encodeToString(sha256(seed.getBytes(UTF_8)));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
