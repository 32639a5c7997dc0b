package dev.hookline.admin;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logins validated within the last minute, kept as salted digests only, a handful at most: enough for the console
 * and a script, never a store of passwords.
 */
final class RecentLogins {

    private static final long TTL_NANOS = 60_000_000_000L;
    private static final int MAX = 16;

    private final byte[] salt = new byte[16];
    private final Map<String, Long> expiries = new ConcurrentHashMap<>();

    RecentLogins() {
        new SecureRandom().nextBytes(salt);
    }

    boolean contains(String user, char[] password) {
        Long expiry = expiries.get(key(user, password));
        return expiry != null && expiry - System.nanoTime() > 0;
    }

    void remember(String user, char[] password) {
        if (expiries.size() >= MAX) {
            long now = System.nanoTime();
            expiries.values().removeIf(expiry -> expiry - now <= 0);
            if (expiries.size() >= MAX) {
                expiries.clear();
            }
        }
        expiries.put(key(user, password), System.nanoTime() + TTL_NANOS);
    }

    private String key(String user, char[] password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            sha256.update(user.getBytes(UTF_8));
            sha256.update((byte) 0);
            sha256.update(new String(password).getBytes(UTF_8));
            return Base64.getEncoder().encodeToString(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
