package dev.hookline.verify;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A sender that checks a new endpoint with an unsigned {@code POST} and expects 200: WooCommerce posts
 * {@code webhook_id=<n>} as a form, without its signature header, when a webhook is activated. Answered empty and
 * never stored; a signed request is never taken for one.
 *
 * @param signatureHeader the header the sender's events carry and its ping does not
 * @param mediaType       what the ping is posted as
 */
record UnsignedPing(String signatureHeader, String mediaType) implements Handshake {

    @Override
    public Optional<Challenge> unsigned(Unsigned request) {
        if (!"POST".equals(request.method())) {
            return Optional.empty();
        }
        List<String> signatures = request.headers().all(signatureHeader);
        List<String> types = request.headers().all("Content-Type");
        boolean ping = (signatures == null || signatures.isEmpty()) && types != null && types.size() == 1
                && types.get(0).toLowerCase(Locale.ROOT).startsWith(mediaType);
        return ping ? Optional.of(Challenge.empty()) : Optional.empty();
    }
}
