package dev.hookline.verify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HMAC key initialised once. Each use clones the initialised prototype, which costs far less than looking the
 * algorithm up and initialising it again, and keeps the key thread-safe.
 */
public final class HmacKey {

    private final Mac prototype;

    public HmacKey(String algorithm, byte[] key) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            this.prototype = mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unsupported HMAC algorithm " + algorithm, e);
        }
    }

    /** The source's secrets, each as an HMAC key over its UTF-8 bytes: what most schemes sign with. */
    public static KeyRing<HmacKey> ring(SchemeSettings settings, String algorithm) {
        return KeyRing.of(settings.secrets(), settings.clock(),
                secret -> new HmacKey(algorithm, secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** A MAC ready for {@code update}; never shared. */
    public Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HMAC provider cannot clone " + prototype.getAlgorithm(), e);
        }
    }

    /** Whether the MAC of {@code message} equals {@code received}, compared in constant time. */
    public boolean matches(byte[] message, byte[] received) {
        return MessageDigest.isEqual(mac().doFinal(message), received);
    }
}
