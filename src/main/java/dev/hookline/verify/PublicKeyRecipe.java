package dev.hookline.verify;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A sender that signs {@code timestamp + body} with a private key and publishes the public key: Discord (Ed25519,
 * hex) and SendGrid (ECDSA P-256, base64 DER). The source's {@code secrets} hold the public keys as the provider's
 * console shows them; several may be configured while the sender rotates.
 *
 * @param signatureHeader the header with the signature
 * @param timestampHeader the header with the signed Unix-seconds timestamp
 * @param ecdsa           ECDSA P-256 with SHA-256 over DER keys and signatures, rather than Ed25519 over raw ones
 */
public record PublicKeyRecipe(String signatureHeader, String timestampHeader, boolean ecdsa) {

    public List<String> signatureHeaders() {
        return List.of(signatureHeader.toLowerCase(Locale.ROOT));
    }

    public Verifier verifier(SchemeSettings settings) {
        String algorithm = ecdsa ? "SHA256withECDSA" : "Ed25519";
        KeyRing<PublicKey> keys = KeyRing.of(settings.secrets(), settings.clock(), text -> key(settings, text));
        Freshness freshness = settings.freshness();
        return request -> {
            String timestamp = request.requireHeader(timestampHeader);
            String encoded = request.requireHeader(signatureHeader);
            byte[] signature = ecdsa ? Encodings.base64(encoded) : Encodings.hex(encoded);
            if (!ecdsa && signature.length != 64) {
                throw SignatureRejected.malformed(signatureHeader + " is not 64 bytes, as Ed25519 signatures are");
            }
            freshness.check(timestampHeader, timestamp);
            byte[][] signed = {timestamp.getBytes(UTF_8), request.body()};
            keys.requireMatch(key -> PublicKeys.verifies(key, algorithm, signed, signature));
        };
    }

    private PublicKey key(SchemeSettings settings, String text) {
        try {
            return ecdsa ? PublicKeys.p256(Base64.getDecoder().decode(text.trim()))
                    : PublicKeys.ed25519(HexFormat.of().parseHex(text.trim()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw settings.invalid("secrets", ecdsa
                    ? "a key is not a base64 DER P-256 public key, as SendGrid's console shows it"
                    : "a key is not 32 bytes of hex, as Discord's developer portal shows the application's public key");
        }
    }
}
