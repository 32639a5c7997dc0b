package dev.hookline.verify;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;

/**
 * A shared token sent as it is in a header (GitLab's {@code X-Gitlab-Token}, Okta's {@code Authorization}): it proves
 * only that the sender knows the token, nothing about the body. Tokens are compared as SHA-256 digests, which takes
 * the same time whatever their lengths.
 */
final class TokenVerifier implements Verifier {

    private final String header;
    private final KeyRing<byte[]> tokens;

    TokenVerifier(String header, SchemeSettings settings) {
        this.header = header;
        this.tokens = KeyRing.digests(settings);
    }

    @Override
    public void verify(SignedRequest request) throws SignatureRejected {
        byte[] received = Digests.sha256(request.requireHeader(header).getBytes(UTF_8));
        tokens.requireMatch(expected -> MessageDigest.isEqual(expected, received));
    }
}
