package dev.hookline.verify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds what verifiers take, so that a scheme's test only says what it signs and what it changes. Signatures are
 * computed here with javax.crypto directly, independently of the code under test.
 */
final class Requests {

    /** The verifiers' clock in every test. */
    static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private byte[] body;
    private String url;

    private Requests(byte[] body) {
        this.body = body;
    }

    static Requests body(String body) {
        return new Requests(body.getBytes(UTF_8));
    }

    /** Adds a value; a second call with the same name sends the header twice. */
    Requests header(String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    Requests replace(String name, String value) {
        headers.put(name, new ArrayList<>(List.of(value)));
        return this;
    }

    Requests without(String name) {
        headers.remove(name);
        return this;
    }

    /** Sends another body under the same headers, as a tampering proxy would. */
    Requests tamper(String otherBody) {
        this.body = otherBody.getBytes(UTF_8);
        return this;
    }

    Requests url(String url) {
        this.url = url;
        return this;
    }

    SignedRequest build() {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return new SignedRequest(name -> copy.getOrDefault(name, List.of()), body, url);
    }

    /** A source's settings; the clock stands at {@link #NOW}. */
    static final class Settings {

        private final List<Secret> secrets = new ArrayList<>();
        private final Map<String, String> options = new HashMap<>();
        private Duration tolerance = Duration.ofMinutes(5);

        static Settings secrets(String... values) {
            Settings settings = new Settings();
            for (String value : values) {
                settings.secrets.add(Secret.of(value));
            }
            return settings;
        }

        /** Adds a secret that stopped being accepted before {@link #NOW}. */
        Settings expired(String value) {
            secrets.add(new Secret(value, NOW.minusSeconds(1)));
            return this;
        }

        Settings tolerance(Duration tolerance) {
            this.tolerance = tolerance;
            return this;
        }

        Settings option(String name, String value) {
            options.put(name, value);
            return this;
        }

        SchemeSettings build() {
            return new SchemeSettings("test", List.copyOf(secrets), tolerance, Clock.fixed(NOW, ZoneOffset.UTC),
                    name -> Optional.ofNullable(options.get(name)));
        }

        Verifier verifier(Scheme scheme) {
            return scheme.verifier(build());
        }
    }

    static byte[] hmac(String algorithm, byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(message.getBytes(UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmacSha256(String key, String message) {
        return hmac("HmacSHA256", key.getBytes(UTF_8), message);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static void assertAccepted(Verifier verifier, Requests request) {
        assertDoesNotThrow(() -> verifier.verify(request.build()));
    }

    static void assertRejected(SignatureRejected.Reason reason, Verifier verifier, Requests request) {
        SignatureRejected rejected = assertThrows(SignatureRejected.class, () -> verifier.verify(request.build()));
        assertEquals(reason, rejected.reason(), rejected.getMessage());
    }
}
