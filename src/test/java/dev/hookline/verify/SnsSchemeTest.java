package dev.hookline.verify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Amazon SNS messages signed as SNS signs them (the string of fields AWS documents, RSA with SHA-1 or SHA-256), with
 * test certificates served in place of SNS's hosts: only certificates from an SNS host, issued to
 * {@code sns.amazonaws.com}, of the configured topics, are accepted, and subscriptions are confirmed only when the
 * operator says so and only at SNS's own URL.
 */
class SnsSchemeTest {

    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:payments";
    private static final String CERT_URL = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-test.pem";
    private static final String OTHER_CERT_URL = "https://sns.eu-west-1.amazonaws.com/other.pem";
    private static final String SUBSCRIBE_URL = "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription"
            + "&TopicArn=" + TOPIC + "&Token=2336412f37";

    private final List<URI> fetched = new ArrayList<>();
    private final List<URI> confirmed = new ArrayList<>();
    private final AtomicInteger confirmAnswer = new AtomicInteger(200);
    private final SnsScheme scheme = new SnsScheme(new SnsCertificates(uri -> {
        fetched.add(uri);
        return uri.toString().equals(CERT_URL) ? resource("sns-test-cert.pem")
                : uri.toString().equals(OTHER_CERT_URL) ? resource("other-test-cert.pem") : null;
    }), uri -> {
        confirmed.add(uri);
        return confirmAnswer.get() == 200;
    });

    private Requests.Settings settings() {
        return Requests.Settings.secrets().option("aws-sns.topic-arns", TOPIC);
    }

    private static byte[] resource(String name) {
        try (InputStream in = SnsSchemeTest.class.getResourceAsStream("/sns/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sign(String key, String algorithm, String text) {
        try {
            String pem = new String(resource(key), UTF_8).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey privateKey = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(privateKey);
            signature.update(text.getBytes(UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message with its signature over the fields AWS lists for its type, in that order. */
    private static Requests message(Map<String, String> fields, String version, String key, String certUrl) {
        List<String> signedNames = fields.get("Type").equals("Notification")
                ? List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type")
                : List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");
        StringBuilder signed = new StringBuilder();
        for (String name : signedNames) {
            if (fields.containsKey(name)) {
                signed.append(name).append('\n').append(fields.get(name)).append('\n');
            }
        }
        JsonObjectBuilder json = Json.createObjectBuilder();
        fields.forEach(json::add);
        json.add("SignatureVersion", version)
                .add("Signature", sign(key, version.equals("1") ? "SHA1withRSA" : "SHA256withRSA", signed.toString()))
                .add("SigningCertURL", certUrl);
        return Requests.body(json.build().toString()).header("Content-Type", "text/plain; charset=UTF-8");
    }

    private static Map<String, String> notification(String topic) {
        return Map.of("Type", "Notification", "MessageId", "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
                "TopicArn", topic, "Subject", "My First Message", "Message", "Hello world! ✓",
                "Timestamp", "2026-12-05T10:00:00.000Z");
    }

    private static Map<String, String> confirmation(String subscribeUrl) {
        return Map.of("Type", "SubscriptionConfirmation", "MessageId", "165545c9-2a5c-472c-8df2-7ff2be2b3b1b",
                "Token", "2336412f37", "TopicArn", TOPIC,
                "Message", "You have chosen to subscribe to the topic " + TOPIC + ".", "SubscribeURL", subscribeUrl,
                "Timestamp", "2026-12-05T10:00:00.000Z");
    }

    @Test
    void notificationsOfBothSignatureVersionsAreAccepted() {
        Verifier verifier = settings().verifier(scheme);
        Requests.assertAccepted(verifier, message(notification(TOPIC), "1", "sns-test-key.pk8.pem", CERT_URL));
        Requests.assertAccepted(verifier, message(notification(TOPIC), "2", "sns-test-key.pk8.pem", CERT_URL));
        assertEquals(1, fetched.size(), "the certificate is fetched once");
    }

    @Test
    void aNotificationWithoutSubjectIsSignedWithoutIt() {
        Map<String, String> fields = new java.util.HashMap<>(notification(TOPIC));
        fields.remove("Subject");
        Requests.assertAccepted(settings().verifier(scheme), message(fields, "2", "sns-test-key.pk8.pem", CERT_URL));
    }

    @Test
    void aChangedMessageDoesNotMatch() {
        Requests signed = message(notification(TOPIC), "2", "sns-test-key.pk8.pem", CERT_URL);
        String body = new String(signed.build().body(), UTF_8).replace("Hello world!", "Hello world?");
        Requests.assertRejected(SignatureRejected.Reason.MISMATCH, settings().verifier(scheme), signed.tamper(body));
    }

    @Test
    void anotherTopicIsRefusedThoughAwsSignedIt() {
        Requests.assertRejected(SignatureRejected.Reason.MALFORMED, settings().verifier(scheme),
                message(notification("arn:aws:sns:eu-west-1:999999999999:attacker"), "2", "sns-test-key.pk8.pem",
                        CERT_URL));
    }

    @Test
    void certificatesOffSnsHostsAreNeverFetched() {
        Verifier verifier = settings().verifier(scheme);
        for (String url : List.of("http://sns.eu-west-1.amazonaws.com/cert.pem",
                "https://sns.eu-west-1.amazonaws.com.evil.example/cert.pem",
                "https://evil.example/sns.eu-west-1.amazonaws.com/cert.pem",
                "https://sns.eu-west-1.amazonaws.com:8443/cert.pem",
                "https://user@sns.eu-west-1.amazonaws.com/cert.pem",
                "https://s3.amazonaws.com/cert.pem",
                "https://sns.eu-west-1.amazonaws.com/cert.txt",
                "not a url")) {
            Requests.assertRejected(SignatureRejected.Reason.MALFORMED, verifier,
                    message(notification(TOPIC), "2", "sns-test-key.pk8.pem", url));
        }
        assertEquals(List.of(), fetched);
    }

    @Test
    void aCertificateNotIssuedToSnsIsRefused() {
        Requests.assertRejected(SignatureRejected.Reason.MALFORMED, settings().verifier(scheme),
                message(notification(TOPIC), "2", "other-test-key.pk8.pem", OTHER_CERT_URL));
    }

    @Test
    void aSignatureByAnotherKeyOrOfTheWrongLengthDoesNotMatch() {
        Verifier verifier = settings().verifier(scheme);
        Requests.assertRejected(SignatureRejected.Reason.MISMATCH, verifier,
                message(notification(TOPIC), "2", "other-test-key.pk8.pem", CERT_URL));
        String body = new String(message(notification(TOPIC), "2", "sns-test-key.pk8.pem", CERT_URL).build().body(),
                UTF_8).replaceAll("\"Signature\":\"[^\"]+\"", "\"Signature\":\"AAAA\"");
        Requests.assertRejected(SignatureRejected.Reason.MISMATCH, verifier, Requests.body(body));
    }

    @Test
    void unknownSignatureVersionsAndTypesAreRefused() {
        Verifier verifier = settings().verifier(scheme);
        Requests.assertRejected(SignatureRejected.Reason.MALFORMED, verifier,
                message(notification(TOPIC), "3", "sns-test-key.pk8.pem", CERT_URL));
        Requests.assertRejected(SignatureRejected.Reason.MALFORMED, verifier, Requests.body("{\"Type\":\"Other\"}"));
        Requests.assertRejected(SignatureRejected.Reason.MALFORMED, verifier, Requests.body("[]"));
    }

    @Test
    void topicsAreRequiredAndSecretsRefused() {
        IllegalArgumentException noTopics = assertThrows(IllegalArgumentException.class,
                () -> Requests.Settings.secrets().verifier(scheme));
        assertTrue(noTopics.getMessage().startsWith("hookline.source.test.aws-sns.topic-arns"), noTopics.getMessage());
        IllegalArgumentException secrets = assertThrows(IllegalArgumentException.class,
                () -> Requests.Settings.secrets("x").option("aws-sns.topic-arns", TOPIC).verifier(scheme));
        assertTrue(secrets.getMessage().startsWith("hookline.source.test.secrets"), secrets.getMessage());
        IllegalArgumentException notArn = assertThrows(IllegalArgumentException.class,
                () -> Requests.Settings.secrets().option("aws-sns.topic-arns", "payments").verifier(scheme));
        assertTrue(notArn.getMessage().contains("not a topic ARN"), notArn.getMessage());
    }

    @Test
    void aConfirmationIsConfirmedAtSnsOnlyWhenTurnedOn() throws SignatureRejected {
        SignedRequest request = message(confirmation(SUBSCRIBE_URL), "2", "sns-test-key.pk8.pem", CERT_URL).build();
        settings().verifier(scheme).verify(request);

        Challenge off = scheme.handshake(settings().build()).signed(request).orElseThrow();
        assertEquals(200, off.status());
        assertEquals(List.of(), confirmed);

        Requests.Settings on = settings().option("aws-sns.confirm-subscriptions", "true");
        Challenge answer = scheme.handshake(on.build()).signed(request).orElseThrow();
        assertEquals(200, answer.status());
        assertEquals(List.of(URI.create(SUBSCRIBE_URL)), confirmed);

        confirmAnswer.set(500);
        assertEquals(502, scheme.handshake(on.build()).signed(request).orElseThrow().status());
    }

    @Test
    void aSubscribeUrlOffSnsIsNeverFetched() {
        Requests.Settings on = settings().option("aws-sns.confirm-subscriptions", "true");
        for (String url : List.of("https://evil.example/?Action=ConfirmSubscription",
                "http://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription",
                "https://sns.eu-west-1.amazonaws.com.evil.example/")) {
            SignedRequest request = message(confirmation(url), "2", "sns-test-key.pk8.pem", CERT_URL).build();
            assertDoesNotThrow(() -> settings().verifier(scheme).verify(request));
            assertEquals(400, scheme.handshake(on.build()).signed(request).orElseThrow().status(), url);
        }
        assertEquals(List.of(), confirmed);
    }

    @Test
    void notificationsAreNotHandshakes() {
        SignedRequest request = message(notification(TOPIC), "2", "sns-test-key.pk8.pem", CERT_URL).build();
        assertTrue(scheme.handshake(settings().build()).signed(request).isEmpty());
    }
}
