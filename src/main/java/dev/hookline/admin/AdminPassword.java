package dev.hookline.admin;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The configured admin password: plain, or a PBKDF2 hash in the form that Jakarta Security's
 * {@code Pbkdf2PasswordHash} writes, {@code PBKDF2WithHmacSHA256:<iterations>:<salt base64>:<hash base64>}
 * (SHA224, SHA256, SHA384 and SHA512 are taken). A candidate is compared in constant time either way.
 */
final class AdminPassword {

    private static final Pattern HASH = Pattern.compile(
            "(PBKDF2WithHmacSHA(?:224|256|384|512)):(\\d{1,9}):([A-Za-z0-9+/]+=*):([A-Za-z0-9+/]+=*)");

    /** For a plain password: its SHA-256, so that comparing it takes as long whatever the candidate's length. */
    private final byte[] plainDigest;
    private final String algorithm;
    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private AdminPassword(byte[] plainDigest, String algorithm, int iterations, byte[] salt, byte[] hash) {
        this.plainDigest = plainDigest;
        this.algorithm = algorithm;
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Reads a configured value: a PBKDF2 hash when it has that form, else a plain password. */
    static AdminPassword of(String configured) {
        Matcher hashed = HASH.matcher(configured);
        if (!hashed.matches()) {
            return new AdminPassword(sha256(configured.getBytes(UTF_8)), null, 0, null, null);
        }
        int iterations = Integer.parseInt(hashed.group(2));
        if (iterations < 1) {
            throw new IllegalArgumentException("hookline.admin.password: a PBKDF2 hash needs at least 1 iteration");
        }
        return new AdminPassword(null, hashed.group(1), iterations,
                Base64.getDecoder().decode(hashed.group(3)), Base64.getDecoder().decode(hashed.group(4)));
    }

    boolean isHashed() {
        return algorithm != null;
    }

    boolean matches(char[] candidate) {
        if (!isHashed()) {
            return MessageDigest.isEqual(plainDigest, sha256(new String(candidate).getBytes(UTF_8)));
        }
        return MessageDigest.isEqual(hash, pbkdf2(algorithm, candidate, salt, iterations, hash.length * 8));
    }

    private static byte[] pbkdf2(String algorithm, char[] password, byte[] salt, int iterations, int bits) {
        try {
            return SecretKeyFactory.getInstance(algorithm)
                    .generateSecret(new PBEKeySpec(password, salt, iterations, bits)).getEncoded();
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("hookline.admin.password: not a usable PBKDF2 hash", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is missing from this Java runtime", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return isHashed() ? "AdminPassword[" + algorithm + ", " + iterations + " iterations]" : "AdminPassword[plain]";
    }
}
