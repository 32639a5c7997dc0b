package dev.hookline.verify;

import java.security.MessageDigest;
import java.util.Base64;

/**
 * HTTP Basic credentials, for senders that sign nothing and put a user and password in the webhook URL
 * ({@code https://user:password@host/…}), which clients send as {@code Authorization: Basic …}. Each secret is
 * {@code user:password}; compared as SHA-256 digests, in constant time.
 */
final class BasicAuthVerifier implements Verifier {

    private static final String HEADER = "Authorization";
    private static final String BASIC = "basic ";

    private final KeyRing<byte[]> credentials;

    BasicAuthVerifier(SchemeSettings settings) {
        for (Secret secret : settings.secrets()) {
            if (secret.value().indexOf(':') < 1) {
                throw settings.invalid("secrets", "each entry is user:password");
            }
        }
        this.credentials = KeyRing.digests(settings);
    }

    @Override
    public void verify(SignedRequest request) throws SignatureRejected {
        String value = request.requireHeader(HEADER);
        if (!value.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            throw SignatureRejected.malformed(HEADER + " is not Basic");
        }
        byte[] decoded = Encodings.base64(value.substring(BASIC.length()).trim());
        byte[] received = Digests.sha256(decoded);
        credentials.requireMatch(expected -> MessageDigest.isEqual(expected, received));
    }
}
