package dev.hookline.verify;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.util.Set;

/**
 * GitLab's secret token: {@code X-Gitlab-Token} carries the configured token itself, not a signature, so it proves
 * only that the sender knows the token and nothing about the body. Tokens are compared as SHA-256 digests, which
 * takes the same time whatever their lengths.
 */
final class GitlabTokenScheme implements Scheme {

    static final String HEADER = "X-Gitlab-Token";

    @Override
    public String name() {
        return "gitlab-token";
    }

    @Override
    public Verifier verifier(SchemeSettings settings) {
        KeyRing<byte[]> keys = KeyRing.of(settings.secrets(), settings.clock(),
                secret -> Digests.sha256(secret.getBytes(UTF_8)));
        return request -> {
            byte[] received = Digests.sha256(request.requireHeader(HEADER).getBytes(UTF_8));
            keys.requireMatch(expected -> MessageDigest.isEqual(expected, received));
        };
    }

    @Override
    public String eventType() {
        return "header:X-Gitlab-Event";
    }

    @Override
    public String deliveryId() {
        return "header:Idempotency-Key";
    }

    @Override
    public Set<String> contentTypes() {
        return Set.of("application/json");
    }

    @Override
    public Set<String> signatureHeaders(SchemeSettings settings) {
        return Set.of("x-gitlab-token");
    }
}
