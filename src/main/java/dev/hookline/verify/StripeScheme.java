package dev.hookline.verify;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;

/**
 * Stripe: {@code Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>...]}, an HMAC-SHA256 of {@code t.body} keyed with the
 * whole signing secret as text ({@code whsec_} included; Stripe does not base64-decode it). Stripe sends one
 * {@code v1} per active secret while the sender rotates, so any may match; {@code v0} and unknown entries are test
 * signatures or future schemes and are ignored. Unlike stripe-java, a timestamp too far in the future is refused as
 * well as one too old, as for every timestamped scheme.
 */
final class StripeScheme implements Scheme {

    static final String HEADER = "Stripe-Signature";

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public Verifier verifier(SchemeSettings settings) {
        KeyRing<HmacKey> keys = HmacKey.ring(settings, "HmacSHA256");
        Freshness freshness = settings.freshness();
        return request -> {
            Header header = Header.parse(request.requireHeader(HEADER));
            freshness.check(HEADER + " t", header.timestamp());
            byte[] timestamp = header.timestamp().getBytes(UTF_8);
            keys.requireMatch(key -> {
                Mac mac = key.mac();
                mac.update(timestamp);
                mac.update((byte) '.');
                byte[] expected = mac.doFinal(request.body());
                for (byte[] received : header.signatures()) {
                    if (MessageDigest.isEqual(expected, received)) {
                        return true;
                    }
                }
                return false;
            });
        };
    }

    /** The timestamp and the decodable {@code v1} signatures of one header. */
    private record Header(String timestamp, List<byte[]> signatures) {

        static Header parse(String value) throws SignatureRejected {
            String timestamp = null;
            List<byte[]> signatures = new ArrayList<>(2);
            int start = 0;
            while (start < value.length()) {
                int end = value.indexOf(',', start);
                end = end < 0 ? value.length() : end;
                if (value.startsWith("t=", start)) {
                    if (timestamp != null) {
                        throw SignatureRejected.malformed(HEADER + " has more than one timestamp");
                    }
                    timestamp = value.substring(start + 2, end);
                } else if (value.startsWith("v1=", start)) {
                    try {
                        signatures.add(Encodings.hex(value.substring(start + 3, end)));
                    } catch (SignatureRejected skipped) {
                        // An undecodable entry cannot match; another v1 entry still may.
                    }
                }
                start = end + 1;
            }
            if (timestamp == null) {
                throw SignatureRejected.malformed(HEADER + " has no timestamp");
            }
            if (signatures.isEmpty()) {
                throw SignatureRejected.malformed(HEADER + " has no v1 signature");
            }
            return new Header(timestamp, signatures);
        }
    }

    @Override
    public String eventType() {
        return "json:/type";
    }

    @Override
    public String deliveryId() {
        return "json:/id";
    }

    @Override
    public Set<String> contentTypes() {
        return Set.of("application/json");
    }

    @Override
    public Set<String> signatureHeaders(SchemeSettings settings) {
        return Set.of("stripe-signature");
    }
}
