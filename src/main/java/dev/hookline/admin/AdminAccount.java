package dev.hookline.admin;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The built-in admin identity, {@code hookline.admin.user} with {@code hookline.admin.password}: absent unless both
 * are set, and then the admin API is left to a server realm (see docs/admin-api.md).
 */
final class AdminAccount {

    static final String USER_KEY = "hookline.admin.user";
    static final String PASSWORD_KEY = "hookline.admin.password";
    static final String ALLOW_PLAINTEXT_KEY = "hookline.admin.allow-plaintext";

    private final byte[] user;
    private final AdminPassword password;

    private AdminAccount(String user, AdminPassword password) {
        this.user = user.getBytes(UTF_8);
        this.password = password;
    }

    /**
     * The configured identity, if both keys are set.
     *
     * @throws IllegalArgumentException when the password is plain and {@value #ALLOW_PLAINTEXT_KEY} is not
     *                                  {@code true}, or is a hash that cannot be read
     */
    static Optional<AdminAccount> from(Config config) {
        if (!isConfigured(config)) {
            return Optional.empty();
        }
        AdminPassword password = AdminPassword.of(config.getValue(PASSWORD_KEY, String.class));
        if (!password.isHashed() && !config.getOptionalValue(ALLOW_PLAINTEXT_KEY, Boolean.class).orElse(false)) {
            throw new IllegalArgumentException(PASSWORD_KEY + " is a plain password; give it as a PBKDF2 hash,"
                    + " which 'java -cp hookline.jar " + PasswordHash.class.getName() + "' prints (see"
                    + " docs/admin-api.md), or set " + ALLOW_PLAINTEXT_KEY + "=true, as only a demo should");
        }
        return Optional.of(new AdminAccount(config.getValue(USER_KEY, String.class).trim(), password));
    }

    /** Whether both keys are set, whatever their values are worth. */
    static boolean isConfigured(Config config) {
        return config.getOptionalValue(USER_KEY, String.class).map(String::trim).filter(n -> !n.isEmpty()).isPresent()
                && config.getOptionalValue(PASSWORD_KEY, String.class).filter(p -> !p.isEmpty()).isPresent();
    }

    /** Whether these are the admin's credentials; both parts are always compared, in constant time. */
    boolean matches(String candidateUser, char[] candidatePassword) {
        boolean userMatches = MessageDigest.isEqual(digest(user), digest(candidateUser.getBytes(UTF_8)));
        boolean passwordMatches = password.matches(candidatePassword);
        return userMatches & passwordMatches;
    }

    String user() {
        return new String(user, UTF_8);
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
