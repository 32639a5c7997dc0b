package dev.hookline.verify;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Amazon SNS: each message is signed by AWS with the private key of the certificate at its {@code SigningCertURL}
 * ({@code SignatureVersion} 1: SHA1withRSA, 2: SHA256withRSA), over the fields its type lists. Anyone can sign a
 * message with AWS's keys by creating a topic of their own, so a source names the topics it takes in
 * {@code aws-sns.topic-arns}; it has no {@code secrets}. A {@code SubscriptionConfirmation} of one of those topics is
 * confirmed by fetching its {@code SubscribeURL} when the operator turns {@code aws-sns.confirm-subscriptions} on, and
 * only when that URL is SNS's own.
 */
final class SnsScheme implements Scheme {

    static final String TOPICS = "aws-sns.topic-arns";
    static final String CONFIRM = "aws-sns.confirm-subscriptions";
    private static final Logger LOG = Logger.getLogger(SnsScheme.class.getName());

    private final SnsCertificates certificates;
    private final Predicate<URI> confirm;

    /**
     * @param confirm fetches a {@code SubscribeURL}; whether SNS answered 200
     */
    SnsScheme(SnsCertificates certificates, Predicate<URI> confirm) {
        this.certificates = certificates;
        this.confirm = confirm;
    }

    @Override
    public String name() {
        return "aws-sns";
    }

    @Override
    public boolean usesSecrets() {
        return false;
    }

    @Override
    public Verifier verifier(SchemeSettings settings) {
        if (!settings.secrets().isEmpty()) {
            throw settings.invalid("secrets", "is not used: SNS signs with AWS's certificates; name the topics in "
                    + TOPICS);
        }
        Set<String> topics = topics(settings);
        return request -> {
            SnsMessage message = SnsMessage.parse(request.body());
            if (!topics.contains(message.require("TopicArn"))) {
                throw SignatureRejected.malformed("the TopicArn is not one this source takes");
            }
            String version = message.require("SignatureVersion");
            String algorithm = switch (version) {
                case "1" -> "SHA1withRSA";
                case "2" -> "SHA256withRSA";
                default -> throw SignatureRejected.malformed("SignatureVersion is neither 1 nor 2");
            };
            byte[] signature = Encodings.base64(message.require("Signature"));
            X509Certificate certificate = certificates.certificate(message.require("SigningCertURL"));
            if (!verifies(certificate, algorithm, message.signedString().getBytes(UTF_8), signature)) {
                throw SignatureRejected.mismatch();
            }
        };
    }

    private static boolean verifies(X509Certificate certificate, String algorithm, byte[] signed, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // A signature of the wrong length, or a certificate whose key cannot verify it: no match.
            return false;
        }
    }

    private static Set<String> topics(SchemeSettings settings) {
        String list = settings.option(TOPICS).orElseThrow(() -> settings.invalid(TOPICS,
                "is required: the ARNs of the topics this source takes, comma-separated"));
        Set<String> topics = Set.copyOf(Arrays.stream(list.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .toList());
        for (String topic : topics) {
            if (!topic.startsWith("arn:aws") || topic.split(":", -1).length != 6) {
                throw settings.invalid(TOPICS, "'" + topic + "' is not a topic ARN such as"
                        + " arn:aws:sns:eu-west-1:123456789012:payments");
            }
        }
        return topics;
    }

    @Override
    public Handshake handshake(SchemeSettings settings) {
        boolean confirming = Boolean.parseBoolean(settings.option(CONFIRM, "false"));
        return new Handshake() {
            @Override
            public Optional<Challenge> signed(SignedRequest request) {
                SnsMessage message;
                try {
                    message = SnsMessage.parse(request.body());
                } catch (SignatureRejected e) {
                    return Optional.empty();
                }
                if (SnsMessage.UNSUBSCRIBE_CONFIRMATION.equals(message.type())) {
                    LOG.info(() -> "SNS unsubscribed source " + settings.source() + " from " + message.field("TopicArn"));
                    return Optional.of(Challenge.empty());
                }
                if (!SnsMessage.SUBSCRIPTION_CONFIRMATION.equals(message.type())) {
                    return Optional.empty();
                }
                return Optional.of(subscribe(settings.source(), message, confirming));
            }
        };
    }

    private Challenge subscribe(String source, SnsMessage message, boolean confirming) {
        String topic = message.field("TopicArn");
        URI subscribe;
        try {
            subscribe = URI.create(message.field("SubscribeURL"));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Challenge.refused(400, "The SubscribeURL is not a URL.");
        }
        if (!SnsCertificates.isSnsUrl(subscribe)) {
            return Challenge.refused(400, "The SubscribeURL is not an https://sns.<region>.amazonaws.com/ URL.");
        }
        if (!confirming) {
            // The operator confirms by hand: the URL is what AWS's console asks for.
            LOG.info(() -> "SNS asks source " + source + " to confirm its subscription to " + topic + "; "
                    + CONFIRM + " is off, so confirm it by opening " + subscribe);
            return Challenge.empty();
        }
        if (!confirm.test(subscribe)) {
            return Challenge.refused(502, "SNS did not confirm the subscription; it will be asked again.");
        }
        LOG.info(() -> "Confirmed the SNS subscription of source " + source + " to " + topic);
        return Challenge.empty();
    }

    @Override
    public String eventType() {
        // Confirmations are handshakes, so every stored message is a Notification: its topic tells them apart.
        return "json:/TopicArn";
    }

    @Override
    public String deliveryId() {
        return "json:/MessageId";
    }

    @Override
    public Set<String> contentTypes() {
        // SNS posts its JSON as text/plain.
        return Set.of("text/plain", "application/json");
    }

    @Override
    public Set<String> signatureHeaders(SchemeSettings settings) {
        return Set.of();
    }

    /** Fetches a SubscribeURL, not following redirects. */
    static boolean confirmOverHttps(URI subscribe) {
        try {
            return SnsHttp.client().send(HttpRequest.newBuilder(subscribe).timeout(SnsHttp.TIMEOUT).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
