package dev.hookline.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** The built-in admin identity of the tests, configured with its password as a PBKDF2 hash. */
final class TestAdmin {

    static final String USER = "operator";
    static final String PASSWORD = "correct horse battery staple";

    /** The test sources and the admin identity, the password given as a hash in Jakarta Security's format. */
    static final String CONFIGURATION = TestSources.CONFIGURATION
            + "hookline.admin.user=" + USER + "\n"
            + "hookline.admin.password=" + pbkdf2(PASSWORD) + "\n";

    private TestAdmin() {
    }

    static String pbkdf2(String password) {
        byte[] salt = "hookline-test-salt".getBytes(UTF_8);
        int iterations = 10_000;
        try {
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
            return "PBKDF2WithHmacSHA256:" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                    + Base64.getEncoder().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
