package com.example.billing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.net.http.HttpRequest;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Requests signed as Stripe and GitHub sign theirs, with the secrets the build configured the server with. */
final class Senders {

    static final String STRIPE_SECRET = System.getProperty("STRIPE_WEBHOOK_SECRET");
    static final String GITHUB_SECRET = System.getProperty("GITHUB_WEBHOOK_SECRET");

    private Senders() {
    }

    /** {@code Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">}. */
    static HttpRequest stripe(URI endpoint, String body) {
        long now = System.currentTimeMillis() / 1000;
        String signature = "t=" + now + ",v1=" + hmac(STRIPE_SECRET, now + "." + body);
        return HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>}. */
    static HttpRequest github(URI endpoint, String event, String delivery, String body) {
        return HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", delivery)
                .header("X-Hub-Signature-256", "sha256=" + hmac(GITHUB_SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    static String stripeEvent(String eventId, String type, String object) {
        return "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"type\":\"" + type + "\",\"data\":{\"object\":"
                + object + "}}";
    }

    private static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
