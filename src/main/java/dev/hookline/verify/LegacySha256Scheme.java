package dev.hookline.verify;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * The scheme of the blog post Hookline grew from: {@code X-Signature: <hex SHA-256(secret || body)>}, or
 * {@code body || secret} with {@code legacy-sha256.order=body-then-secret}. It is a plain hash, not a MAC, and open
 * to length extension: accept it only from senders that cannot yet send an HMAC.
 */
final class LegacySha256Scheme implements Scheme {

    static final String HEADER = "X-Signature";

    @Override
    public String name() {
        return "legacy-sha256";
    }

    @Override
    public Verifier verifier(SchemeSettings settings) {
        String order = settings.option("legacy-sha256.order", "secret-then-body");
        boolean secretFirst = switch (order) {
            case "secret-then-body" -> true;
            case "body-then-secret" -> false;
            default -> throw settings.invalid("legacy-sha256.order",
                    "'" + order + "' is not secret-then-body or body-then-secret");
        };
        KeyRing<byte[]> keys = KeyRing.of(settings.secrets(), settings.clock(), secret -> secret.getBytes(UTF_8));
        return request -> {
            byte[] received = Encodings.hex(request.requireHeader(HEADER));
            keys.requireMatch(secret -> MessageDigest.isEqual(digest(secret, request.body(), secretFirst), received));
        };
    }

    private static byte[] digest(byte[] secret, byte[] body, boolean secretFirst) {
        MessageDigest sha256 = sha256();
        sha256.update(secretFirst ? secret : body);
        sha256.update(secretFirst ? body : secret);
        return sha256.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
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
        return Set.of("x-signature");
    }
}
