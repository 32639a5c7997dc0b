package dev.hookline.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AdminPasswordTest {

    /** "s3cret" as Jakarta Security's Pbkdf2PasswordHash writes it with its defaults (SHA-256, 2048 iterations). */
    private static final String JAKARTA_HASH = "PBKDF2WithHmacSHA256:2048:"
            + Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.UTF_8)) + ":"
            + Base64.getEncoder().encodeToString(pbkdf2("PBKDF2WithHmacSHA256", "s3cret", "0123456789abcdef", 2048, 256));

    @Test
    void aPlainPasswordMatchesOnlyItself() {
        AdminPassword password = AdminPassword.of("open sesame");
        assertFalse(password.isHashed());
        assertTrue(password.matches("open sesame".toCharArray()));
        assertFalse(password.matches("open sesame ".toCharArray()));
        assertFalse(password.matches("".toCharArray()));
    }

    @Test
    void aPbkdf2HashMatchesItsPassword() {
        AdminPassword password = AdminPassword.of(JAKARTA_HASH);
        assertTrue(password.isHashed());
        assertTrue(password.matches("s3cret".toCharArray()));
        assertFalse(password.matches("s3cret!".toCharArray()));
        assertFalse(password.matches(JAKARTA_HASH.toCharArray()), "the hash itself is not the password");
    }

    @Test
    void theHashFormatIsJakartaSecuritys() {
        // A hash of another strength, as Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA512 writes it.
        String sha512 = "PBKDF2WithHmacSHA512:1000:" + Base64.getEncoder().encodeToString("saltsalt".getBytes(StandardCharsets.UTF_8)) + ":"
                + Base64.getEncoder().encodeToString(pbkdf2("PBKDF2WithHmacSHA512", "pw", "saltsalt", 1000, 512));
        assertTrue(AdminPassword.of(sha512).matches("pw".toCharArray()));
    }

    @Test
    void thePasswordHashCommandWritesAHashThatMatchesItsPasswordOnly() {
        String written = PasswordHash.of("tr0ub4dor&3".toCharArray(), new java.security.SecureRandom());
        AdminPassword password = AdminPassword.of(written);
        assertTrue(password.isHashed(), written);
        assertTrue(written.startsWith("PBKDF2WithHmacSHA256:210000:"), written);
        assertTrue(password.matches("tr0ub4dor&3".toCharArray()));
        assertFalse(password.matches("tr0ub4dor&4".toCharArray()));
        assertFalse(written.equals(PasswordHash.of("tr0ub4dor&3".toCharArray(), new java.security.SecureRandom())),
                "each hash has a salt of its own");
    }

    @Test
    void aHashWithoutIterationsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AdminPassword.of("PBKDF2WithHmacSHA256:0:c2FsdA==:aGFzaA=="));
    }

    @Test
    void somethingThatOnlyLooksLikeAHashIsAPlainPassword() {
        assertFalse(AdminPassword.of("PBKDF2WithHmacMD5:1:a:b").isHashed());
    }

    @Test
    void basicCredentialsAreReadAsRfc7617Says() {
        String header = "Basic " + Base64.getEncoder()
                .encodeToString("caf\u00e9:pa:ss".getBytes(StandardCharsets.UTF_8));
        var login = BasicCredentials.parse(header).orElseThrow();
        assertTrue(login.getCaller().equals("caf\u00e9"));
        assertTrue(login.getPasswordAsString().equals("pa:ss"), "a password may hold colons");
        assertTrue(BasicCredentials.parse("basic " + header.substring(6)).isPresent(), "the scheme has no case");
        assertFalse(BasicCredentials.parse("Bearer abc").isPresent());
        assertFalse(BasicCredentials.parse("Basic !!!").isPresent());
        assertFalse(BasicCredentials.parse("Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes()))
                .isPresent());
        assertFalse(BasicCredentials.parse(null).isPresent());
    }

    private static byte[] pbkdf2(String algorithm, String password, String salt, int iterations, int bits) {
        try {
            return javax.crypto.SecretKeyFactory.getInstance(algorithm).generateSecret(new javax.crypto.spec.PBEKeySpec(
                    password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), iterations, bits)).getEncoded();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
