package dev.hookline.verify;

import java.util.List;
import java.util.Set;

/**
 * <a href="https://www.standardwebhooks.com/">Standard Webhooks</a>: {@code webhook-id}, {@code webhook-timestamp}
 * and {@code webhook-signature}, checked by {@link StandardWebhooksVerifier}. Svix's own header names are read by
 * {@link SvixScheme} only, so that a source states which sender it expects.
 */
final class StandardWebhooksScheme implements Scheme {

    @Override
    public String name() {
        return "standard-webhooks";
    }

    @Override
    public Verifier verifier(SchemeSettings settings) {
        return new StandardWebhooksVerifier(settings, List.of(StandardWebhooksVerifier.HeaderNames.WEBHOOK));
    }

    @Override
    public String eventType() {
        return "json:/type";
    }

    @Override
    public String deliveryId() {
        return "header:webhook-id";
    }

    @Override
    public Set<String> contentTypes() {
        return Set.of("application/json");
    }

    @Override
    public Set<String> signatureHeaders(SchemeSettings settings) {
        return Set.of("webhook-signature");
    }
}
