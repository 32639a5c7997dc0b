package dev.hookline.verify;

import java.util.Set;

/**
 * Shopify: {@code X-Shopify-Hmac-Sha256: <base64 HMAC-SHA256(client secret, body)>}. There is no timestamp, so
 * replays are caught only by the delivery id. Shopify may sign with the old secret for up to an hour after a
 * rotation: keep both secrets configured until then.
 */
final class ShopifyScheme implements Scheme {

    static final String HEADER = "X-Shopify-Hmac-Sha256";

    @Override
    public String name() {
        return "shopify";
    }

    @Override
    public Verifier verifier(SchemeSettings settings) {
        KeyRing<HmacKey> keys = HmacKey.ring(settings, "HmacSHA256");
        return request -> {
            byte[] received = Encodings.base64(request.requireHeader(HEADER));
            keys.requireMatch(key -> key.matches(request.body(), received));
        };
    }

    @Override
    public String eventType() {
        return "header:X-Shopify-Topic";
    }

    @Override
    public String deliveryId() {
        return "header:X-Shopify-Webhook-Id";
    }

    @Override
    public Set<String> contentTypes() {
        return Set.of("application/json");
    }

    @Override
    public Set<String> signatureHeaders(SchemeSettings settings) {
        return Set.of("x-shopify-hmac-sha256");
    }
}
