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

    private final byte[] user;
    private final AdminPassword password;

    private AdminAccount(String user, AdminPassword password) {
        this.user = user.getBytes(UTF_8);
        this.password = password;
    }

    static Optional<AdminAccount> from(Config config) {
        Optional<String> user = config.getOptionalValue(USER_KEY, String.class).map(String::trim)
                .filter(name -> !name.isEmpty());
        Optional<String> password = config.getOptionalValue(PASSWORD_KEY, String.class).filter(p -> !p.isEmpty());
        if (user.isEmpty() || password.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AdminAccount(user.get(), AdminPassword.of(password.get())));
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
