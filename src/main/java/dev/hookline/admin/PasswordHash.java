package dev.hookline.admin;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Prints the value of {@code hookline.admin.password} for a password: a PBKDF2 hash in the form that Jakarta
 * Security's {@code Pbkdf2PasswordHash} writes, with a random salt. The password is asked for twice at a terminal, or
 * read as the first line of standard input, so that it is neither an argument (visible to every process) nor in the
 * shell's history:
 * <pre>java -cp hookline.jar dev.hookline.admin.PasswordHash</pre>
 */
public final class PasswordHash {

    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** OWASP's figure for PBKDF2 with HMAC-SHA-256. */
    static final int ITERATIONS = 210_000;

    private PasswordHash() {
    }

    public static void main(String[] args) throws IOException {
        char[] password = read();
        if (password == null || password.length == 0) {
            System.err.println("No password given.");
            System.exit(2);
        }
        System.out.println(of(password, new SecureRandom()));
        Arrays.fill(password, '\0');
    }

    static String of(char[] password, SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        try {
            byte[] hash = SecretKeyFactory.getInstance(ALGORITHM)
                    .generateSecret(new PBEKeySpec(password, salt, ITERATIONS, 256)).getEncoded();
            Base64.Encoder base64 = Base64.getEncoder();
            return ALGORITHM + ":" + ITERATIONS + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is missing from this Java runtime", e);
        }
    }

    private static char[] read() throws IOException {
        Console console = System.console();
        if (console == null) {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? null : line.toCharArray();
        }
        char[] first = console.readPassword("Password: ");
        char[] again = console.readPassword("Again: ");
        if (first == null || !Arrays.equals(first, again)) {
            System.err.println("The two passwords differ.");
            System.exit(2);
        }
        return first;
    }
}
