package dev.hookline.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * How a signature header is written: one encoded signature behind an optional prefix ({@code sha256=…}), or a list of
 * fields ({@code t=…,v1=…,v1=…} for Stripe, {@code ts=…;h1=…} for Paddle) that may hold a timestamp and one signature
 * per secret the sender is rotating through.
 */
public sealed interface SignatureFormat {

    /** What one header holds: the signatures, still encoded, and the timestamp when the header carries one. */
    record Parsed(List<String> signatures, String timestamp) {
    }

    Parsed parse(String header, String value) throws SignatureRejected;

    /** {@code <prefix><signature>}. */
    record Prefixed(String prefix) implements SignatureFormat {
        @Override
        public Parsed parse(String header, String value) throws SignatureRejected {
            if (!value.startsWith(prefix)) {
                throw SignatureRejected.malformed(header + " does not start with " + prefix);
            }
            return new Parsed(List.of(value.substring(prefix.length())), null);
        }
    }

    /**
     * Fields such as {@code t=1700000000,v1=ab…,v1=cd…}: the signatures are every field named {@code signatureKey};
     * the timestamp, when {@code timestampKey} is set, the one field of that name. Other fields are ignored, as the
     * senders ask: they are test signatures or later versions.
     */
    record Fields(char separator, String timestampKey, String signatureKey) implements SignatureFormat {
        @Override
        public Parsed parse(String header, String value) throws SignatureRejected {
            String timestamp = null;
            List<String> signatures = new ArrayList<>(2);
            int start = 0;
            while (start < value.length()) {
                int end = value.indexOf(separator, start);
                end = end < 0 ? value.length() : end;
                int equals = value.indexOf('=', start);
                if (equals > start && equals < end) {
                    String key = value.substring(start, equals).trim();
                    String field = value.substring(equals + 1, end).trim();
                    if (key.equals(timestampKey)) {
                        if (timestamp != null) {
                            throw SignatureRejected.malformed(header + " has more than one " + timestampKey);
                        }
                        timestamp = field;
                    } else if (key.equals(signatureKey)) {
                        signatures.add(field);
                    }
                }
                start = end + 1;
            }
            if (timestampKey != null && timestamp == null) {
                throw SignatureRejected.malformed(header + " has no " + timestampKey);
            }
            if (signatures.isEmpty()) {
                throw SignatureRejected.malformed(header + " has no " + signatureKey + " signature");
            }
            return new Parsed(signatures, timestamp);
        }
    }

    SignatureFormat PLAIN = new Prefixed("");

    static SignatureFormat prefixed(String prefix) {
        return new Prefixed(prefix);
    }

    /** Stripe's shape, shared by Calendly and Mux: {@code t=<unix>,v1=<hex>[,v1=<hex>…]}. */
    static SignatureFormat stripeShaped() {
        return new Fields(',', "t", "v1");
    }
}
