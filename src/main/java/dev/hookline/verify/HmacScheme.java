package dev.hookline.verify;

import java.util.Locale;
import java.util.Set;

/**
 * A generic HMAC of the raw body in one header, for in-house senders: {@code hmac.header} (default
 * {@code X-Signature}), {@code hmac.algorithm} ({@code HmacSHA256}, {@code HmacSHA512}, {@code HmacSHA1}),
 * {@code hmac.encoding} ({@code hex}, {@code base64}) and an optional {@code hmac.prefix} such as {@code sha256=}.
 */
final class HmacScheme implements Scheme {

    private static final Set<String> ALGORITHMS = Set.of("HmacSHA256", "HmacSHA512", "HmacSHA1");
    private static final Set<String> ENCODINGS = Set.of("hex", "base64");

    @Override
    public String name() {
        return "hmac";
    }

    @Override
    public Verifier verifier(SchemeSettings settings) {
        String header = settings.option("hmac.header", "X-Signature");
        String algorithm = settings.option("hmac.algorithm", "HmacSHA256");
        String encoding = settings.option("hmac.encoding", "hex").toLowerCase(Locale.ROOT);
        if (!ALGORITHMS.contains(algorithm)) {
            throw settings.invalid("hmac.algorithm", "'" + algorithm + "' is not one of " + ALGORITHMS);
        }
        if (!ENCODINGS.contains(encoding)) {
            throw settings.invalid("hmac.encoding", "'" + encoding + "' is not one of " + ENCODINGS);
        }
        if (header.isBlank()) {
            throw settings.invalid("hmac.header", "must name a header");
        }
        String prefix = settings.option("hmac.prefix", "");
        return HmacRecipe.ofBody(header, prefix, algorithm, encoding).verifier(settings);
    }

    @Override
    public String eventType() {
        return "json:/event_type";
    }

    @Override
    public String deliveryId() {
        return null;
    }

    @Override
    public Set<String> contentTypes() {
        return Set.of("application/json");
    }

    @Override
    public Set<String> signatureHeaders(SchemeSettings settings) {
        return Set.of(settings.option("hmac.header", "X-Signature").toLowerCase(Locale.ROOT));
    }
}
