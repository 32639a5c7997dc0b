package dev.hookline.bench.jmh;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hookline.verify.Scheme;
import dev.hookline.verify.SchemeSettings;
import dev.hookline.verify.Schemes;
import dev.hookline.verify.Secret;
import dev.hookline.verify.SignatureRejected;
import dev.hookline.verify.SignedRequest;
import dev.hookline.verify.Verifier;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Nanoseconds per verification of a correctly signed 1 KiB JSON delivery, for every scheme, through the same
 * {@link Verifier} a source gets at start-up (keys derived once, the clock fixed at the signing time). The setup
 * verifies once and fails if the request is refused, so a benchmark can never time a rejection.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VerifyBenchmark {

    static final int BODY_SIZE = 1024;
    static final String SECRET = "bench-secret-0123456789";
    static final String WHSEC = "whsec_" + Base64.getEncoder().encodeToString("bench-standard-webhooks-key!".getBytes(UTF_8));
    static final long TIMESTAMP = 1_767_225_600L;
    static final String ID = "msg_2bL0Hq1QxQ7Yk3bench";
    static final String TWILIO_URL = "https://hooks.example.com/api/webhooks/twilio";

    @Param({"github", "hmac", "legacy-sha256", "standard-webhooks-v1", "standard-webhooks-v1a", "svix", "stripe",
            "slack", "shopify", "twilio", "gitlab-token"})
    public String scheme;

    private Verifier verifier;
    private SignedRequest request;

    @Setup
    public void setUp() throws Exception {
        byte[] body = body();
        String ts = Long.toString(TIMESTAMP);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String secret = SECRET;
        String url = null;
        Map<String, String> options = Map.of();
        String schemeName = scheme;
        switch (scheme) {
            case "github" -> headers.put("X-Hub-Signature-256", List.of("sha256=" + hex(hmac("HmacSHA256", SECRET, body))));
            case "hmac" -> headers.put("X-Signature", List.of(hex(hmac("HmacSHA256", SECRET, body))));
            case "legacy-sha256" -> headers.put("X-Signature", List.of(hex(sha256(concat(SECRET.getBytes(UTF_8), body)))));
            case "standard-webhooks-v1", "svix" -> {
                boolean svix = scheme.equals("svix");
                schemeName = svix ? "svix" : "standard-webhooks";
                secret = WHSEC;
                byte[] key = Base64.getDecoder().decode(WHSEC.substring(6));
                byte[] signature = hmacRaw("HmacSHA256", key, concat((ID + "." + ts + ".").getBytes(UTF_8), body));
                String prefix = svix ? "svix-" : "webhook-";
                headers.put(prefix + "id", List.of(ID));
                headers.put(prefix + "timestamp", List.of(ts));
                headers.put(prefix + "signature", List.of("v1," + Base64.getEncoder().encodeToString(signature)));
            }
            case "standard-webhooks-v1a" -> {
                schemeName = "standard-webhooks";
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                byte[] encoded = pair.getPublic().getEncoded();
                secret = "whpk_" + Base64.getEncoder().encodeToString(Arrays.copyOfRange(encoded, encoded.length - 32,
                        encoded.length));
                Signature signer = Signature.getInstance("Ed25519");
                signer.initSign(pair.getPrivate());
                signer.update(concat((ID + "." + ts + ".").getBytes(UTF_8), body));
                headers.put("webhook-id", List.of(ID));
                headers.put("webhook-timestamp", List.of(ts));
                headers.put("webhook-signature", List.of("v1a," + Base64.getEncoder().encodeToString(signer.sign())));
            }
            case "stripe" -> headers.put("Stripe-Signature", List.of("t=" + ts + ",v1="
                    + hex(hmac("HmacSHA256", SECRET, concat((ts + ".").getBytes(UTF_8), body)))));
            case "slack" -> {
                headers.put("X-Slack-Request-Timestamp", List.of(ts));
                headers.put("X-Slack-Signature", List.of("v0="
                        + hex(hmac("HmacSHA256", SECRET, concat(("v0:" + ts + ":").getBytes(UTF_8), body)))));
            }
            case "shopify" -> headers.put("X-Shopify-Hmac-Sha256",
                    List.of(Base64.getEncoder().encodeToString(hmac("HmacSHA256", SECRET, body))));
            case "twilio" -> {
                options = Map.of("public-url", TWILIO_URL);
                url = TWILIO_URL + "?bodySHA256=" + hex(sha256(body));
                headers.put("X-Twilio-Signature",
                        List.of(Base64.getEncoder().encodeToString(hmac("HmacSHA1", SECRET, url.getBytes(UTF_8)))));
            }
            case "gitlab-token" -> headers.put("X-Gitlab-Token", List.of(SECRET));
            default -> throw new IllegalArgumentException(scheme);
        }
        Scheme named = Schemes.named(schemeName).orElseThrow();
        Map<String, String> opts = options;
        Clock clock = Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC);
        verifier = named.verifier(new SchemeSettings("bench", List.of(Secret.of(secret)), Duration.ofMinutes(5), clock,
                key -> Optional.ofNullable(opts.get(key))));
        request = new SignedRequest(name -> headers.getOrDefault(name, List.of()), body, url);
        verify();
    }

    @Benchmark
    public SignedRequest verify() throws SignatureRejected {
        verifier.verify(request);
        return request;
    }

    /** A 1 KiB JSON delivery, like the ones the load benchmark sends. */
    static byte[] body() {
        StringBuilder json = new StringBuilder("{\"id\":\"evt_0001\",\"type\":\"invoice.paid\",\"event_type\":\"push\","
                + "\"data\":{\"pad\":\"");
        while (json.length() < BODY_SIZE - 3) {
            json.append('x');
        }
        json.append("\"}}");
        byte[] body = json.toString().getBytes(UTF_8);
        if (body.length != BODY_SIZE) {
            throw new IllegalStateException("body is " + body.length + " bytes");
        }
        return body;
    }

    private static byte[] hmac(String algorithm, String key, byte[] message) throws GeneralSecurityException {
        return hmacRaw(algorithm, key.getBytes(UTF_8), message);
    }

    private static byte[] hmacRaw(String algorithm, byte[] key, byte[] message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key, algorithm));
        return mac.doFinal(message);
    }

    private static byte[] sha256(byte[] data) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
