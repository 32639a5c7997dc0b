package dev.hookline.verify;

import java.util.Set;

/**
 * GitHub: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, body)>}. The legacy SHA-1 header
 * {@code X-Hub-Signature} is accepted only when the source opts in with {@code github.sha1=true} and the SHA-256
 * header is absent.
 */
final class GithubScheme implements Scheme {

    static final String SHA256_HEADER = "X-Hub-Signature-256";
    static final String SHA1_HEADER = "X-Hub-Signature";

    @Override
    public String name() {
        return "github";
    }

    @Override
    public Verifier verifier(SchemeSettings settings) {
        boolean sha1 = Boolean.parseBoolean(settings.option("github.sha1", "false"));
        KeyRing<HmacKey> sha256Keys = HmacKey.ring(settings, "HmacSHA256");
        KeyRing<HmacKey> sha1Keys = sha1 ? HmacKey.ring(settings, "HmacSHA1") : null;
        return request -> {
            String signature = request.header(SHA256_HEADER);
            if (signature != null || sha1Keys == null) {
                check(request, sha256Keys, SHA256_HEADER, "sha256=", signature);
            } else {
                check(request, sha1Keys, SHA1_HEADER, "sha1=", request.header(SHA1_HEADER));
            }
        };
    }

    private static void check(SignedRequest request, KeyRing<HmacKey> keys, String header, String prefix,
                              String signature) throws SignatureRejected {
        if (signature == null || signature.isBlank()) {
            throw SignatureRejected.missing(header);
        }
        if (!signature.startsWith(prefix)) {
            throw SignatureRejected.malformed(header + " does not start with " + prefix);
        }
        byte[] received = Encodings.hex(signature.substring(prefix.length()));
        keys.requireMatch(key -> key.matches(request.body(), received));
    }

    @Override
    public String eventType() {
        return "header:X-GitHub-Event";
    }

    /** {@code issues} with {@code "action":"opened"} is {@code issues.opened}, as octokit routes it. */
    @Override
    public String eventAction() {
        return "json:/action";
    }

    @Override
    public String deliveryId() {
        return "header:X-GitHub-Delivery";
    }

    @Override
    public Set<String> contentTypes() {
        return Set.of("application/json", "application/x-www-form-urlencoded");
    }

    @Override
    public Set<String> signatureHeaders(SchemeSettings settings) {
        return Set.of("x-hub-signature-256", "x-hub-signature");
    }
}
