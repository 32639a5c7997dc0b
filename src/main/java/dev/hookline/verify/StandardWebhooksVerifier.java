package dev.hookline.verify;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;

/**
 * The Standard Webhooks algorithm, shared by {@code standard-webhooks} and {@code svix}, which differ only in the
 * header names they read. The signed content is {@code id.timestamp.body}; the signature header is a space-separated
 * list of {@code version,base64} entries and any supported entry may match, so that a sender can sign with an old
 * and a new key during rotation. Secrets are {@code whsec_} HMAC keys (the prefix is optional) or {@code whpk_}
 * Ed25519 public keys, and each entry is checked only against keys of its own version.
 */
final class StandardWebhooksVerifier implements Verifier {

    /** Where one family of senders puts the message id, the timestamp and the signatures. */
    record HeaderNames(String id, String timestamp, String signature) {
        static final HeaderNames WEBHOOK = new HeaderNames("webhook-id", "webhook-timestamp", "webhook-signature");
        static final HeaderNames SVIX = new HeaderNames("svix-id", "svix-timestamp", "svix-signature");
    }

    private static final String HMAC_PREFIX = "whsec_";
    private static final String PUBLIC_KEY_PREFIX = "whpk_";
    private static final String SIGNING_KEY_PREFIX = "whsk_";
    private static final int ED25519_KEY_LENGTH = 32;
    private static final int ED25519_SIGNATURE_LENGTH = 64;

    private final List<HeaderNames> families;
    private final KeyRing<Key> keys;
    private final Freshness freshness;

    /** {@code families} in order of preference. */
    StandardWebhooksVerifier(SchemeSettings settings, List<HeaderNames> families) {
        this.families = List.copyOf(families);
        this.keys = KeyRing.of(settings.secrets(), settings.clock(), secret -> key(settings, secret));
        this.freshness = settings.freshness();
    }

    @Override
    public void verify(SignedRequest request) throws SignatureRejected {
        HeaderNames names = family(request);
        String id = request.requireHeader(names.id());
        String timestamp = request.requireHeader(names.timestamp());
        Entries entries = Entries.parse(request.requireHeader(names.signature()));
        if (entries.isEmpty()) {
            throw SignatureRejected.malformed(names.signature() + " has no v1 or v1a entry");
        }
        freshness.check(names.timestamp(), timestamp);
        SignedMessage content = new SignedMessage(id.getBytes(UTF_8), timestamp.getBytes(UTF_8), request.body());
        keys.requireMatch(key -> key.matches(content, entries));
    }

    /** The first family that sends a signature; one request is never read in a mix of names. */
    private HeaderNames family(SignedRequest request) throws SignatureRejected {
        for (HeaderNames family : families) {
            String signature = request.header(family.signature());
            if (signature != null && !signature.isBlank()) {
                return family;
            }
        }
        throw SignatureRejected.missing(families.get(families.size() - 1).signature());
    }

    private static Key key(SchemeSettings settings, String secret) {
        if (secret.startsWith(SIGNING_KEY_PREFIX)) {
            throw settings.invalid("secrets", "a whsk_ key is the sender's private signing key; configure the "
                    + "whpk_ public key instead");
        }
        if (secret.startsWith(PUBLIC_KEY_PREFIX)) {
            byte[] raw = decode(settings, secret.substring(PUBLIC_KEY_PREFIX.length()), "whpk_");
            if (raw.length != ED25519_KEY_LENGTH) {
                throw settings.invalid("secrets", "a whpk_ key must hold 32 bytes");
            }
            return new Ed25519Key(settings, raw);
        }
        String encoded = secret.startsWith(HMAC_PREFIX) ? secret.substring(HMAC_PREFIX.length()) : secret;
        byte[] raw = decode(settings, encoded, "whsec_");
        if (raw.length == 0) {
            throw settings.invalid("secrets", "a whsec_ secret is empty");
        }
        return new HmacSha256Key(new HmacKey("HmacSHA256", raw));
    }

    /** The cause is dropped on purpose: the decoder's message quotes the offending character of the secret. */
    private static byte[] decode(SchemeSettings settings, String encoded, String kind) {
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw settings.invalid("secrets", "a " + kind + " secret is not base64");
        }
    }

    private record SignedMessage(byte[] id, byte[] timestamp, byte[] body) {
    }

    /** The decodable entries of a signature header, by version; everything else in the header is skipped. */
    private record Entries(List<byte[]> hmac, List<byte[]> ed25519) {

        static Entries parse(String header) {
            Entries entries = new Entries(new ArrayList<>(2), new ArrayList<>(0));
            int start = 0;
            while (start < header.length()) {
                int end = header.indexOf(' ', start);
                end = end < 0 ? header.length() : end;
                entries.add(header, start, end);
                start = end + 1;
            }
            return entries;
        }

        private void add(String header, int start, int end) {
            if (header.startsWith("v1,", start)) {
                byte[] signature = decode(header, start + 3, end);
                if (signature != null) {
                    hmac.add(signature);
                }
            } else if (header.startsWith("v1a,", start)) {
                byte[] signature = decode(header, start + 4, end);
                if (signature != null && signature.length == ED25519_SIGNATURE_LENGTH) {
                    ed25519.add(signature);
                }
            }
        }

        private static byte[] decode(String header, int start, int end) {
            if (start >= end) {
                return null;
            }
            try {
                return Base64.getDecoder().decode(header.substring(start, end));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        boolean isEmpty() {
            return hmac.isEmpty() && ed25519.isEmpty();
        }
    }

    private sealed interface Key permits HmacSha256Key, Ed25519Key {
        boolean matches(SignedMessage content, Entries entries);
    }

    private record HmacSha256Key(HmacKey key) implements Key {

        @Override
        public boolean matches(SignedMessage content, Entries entries) {
            if (entries.hmac().isEmpty()) {
                return false;
            }
            Mac mac = key.mac();
            mac.update(content.id());
            mac.update((byte) '.');
            mac.update(content.timestamp());
            mac.update((byte) '.');
            byte[] expected = mac.doFinal(content.body());
            for (byte[] received : entries.hmac()) {
                if (MessageDigest.isEqual(expected, received)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** An Ed25519 public key built once from its raw form. */
    private static final class Ed25519Key implements Key {

        private static final byte[] DOT = {'.'};

        private final PublicKey key;

        Ed25519Key(SchemeSettings settings, byte[] raw) {
            try {
                this.key = PublicKeys.ed25519(raw);
            } catch (GeneralSecurityException e) {
                throw settings.invalid("secrets", "a whpk_ key is not an Ed25519 public key");
            }
        }

        @Override
        public boolean matches(SignedMessage content, Entries entries) {
            for (byte[] received : entries.ed25519()) {
                if (verifies(content, received)) {
                    return true;
                }
            }
            return false;
        }

        private boolean verifies(SignedMessage content, byte[] received) {
            byte[][] signed = {content.id(), DOT, content.timestamp(), DOT, content.body()};
            return PublicKeys.verifies(key, "Ed25519", signed, received);
        }
    }
}
