package dev.hookline.verify;

import java.util.List;
import java.util.Set;

/**
 * Svix: the Standard Webhooks algorithm under {@code svix-id}, {@code svix-timestamp} and {@code svix-signature}.
 * Svix can also send the {@code webhook-*} names; when a request carries a {@code webhook-signature} those names are
 * read, otherwise the {@code svix-*} ones.
 */
final class SvixScheme implements Scheme {

    @Override
    public String name() {
        return "svix";
    }

    @Override
    public Verifier verifier(SchemeSettings settings) {
        return new StandardWebhooksVerifier(settings, List.of(
                StandardWebhooksVerifier.HeaderNames.WEBHOOK, StandardWebhooksVerifier.HeaderNames.SVIX));
    }

    @Override
    public String eventType() {
        return "json:/type";
    }

    @Override
    public String deliveryId() {
        return "header:svix-id";
    }

    @Override
    public Set<String> contentTypes() {
        return Set.of("application/json");
    }

    @Override
    public Set<String> signatureHeaders(SchemeSettings settings) {
        return Set.of("webhook-signature", "svix-signature");
    }
}
