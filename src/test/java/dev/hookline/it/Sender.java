package dev.hookline.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Sends webhooks to the deployed Hookline over real HTTP, signed the way each sender signs them. */
final class Sender {

    private static final HttpClient HTTP = Http.CLIENT;

    private final URL base;

    Sender(URL base) {
        this.base = base;
    }

    /** One request being built. */
    final class Post {
        private final String source;
        private String contentType = "application/json";
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body = new byte[0];

        private Post(String source) {
            this.source = source;
        }

        Post body(String text) {
            this.body = text.getBytes(UTF_8);
            return this;
        }

        Post body(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        Post contentType(String type) {
            this.contentType = type;
            return this;
        }

        Post header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        String source() {
            return source;
        }

        String contentType() {
            return contentType;
        }

        Map<String, String> headers() {
            return headers;
        }

        byte[] bodyBytes() {
            return body;
        }

        /** Sets a header to a signature computed over the body as it is now. */
        Post signWith(java.util.function.Function<byte[], String> signature, String header) {
            return header(header, signature.apply(body));
        }

        /** GitHub: X-Hub-Signature-256 over the body as it is now. */
        Post githubSignature(String secret) {
            return header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", secret, body)));
        }

        /** The in-house HMAC source of {@link TestSources}. */
        Post inhouseSignature(String secret) {
            return header("X-Inhouse-Signature", "v1=" + Base64.getEncoder().encodeToString(hmac("HmacSHA512", secret, body)));
        }

        /** Slack: v0 HMAC-SHA256 of "v0:timestamp:body", timestamped now. */
        Post slackSignature(String secret) {
            String timestamp = Long.toString(java.time.Instant.now().getEpochSecond());
            byte[] signed = ("v0:" + timestamp + ":" + new String(body, UTF_8)).getBytes(UTF_8);
            return header("X-Slack-Request-Timestamp", timestamp)
                    .header("X-Slack-Signature", "v0=" + HexFormat.of().formatHex(hmac("HmacSHA256", secret, signed)));
        }

        /** The blog post's scheme. */
        Post legacySignature(String secret) {
            try {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                sha256.update(secret.getBytes(UTF_8));
                return header("X-Signature", HexFormat.of().formatHex(sha256.digest(body)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> send() {
            return send(HttpRequest.BodyPublishers.ofByteArray(body));
        }

        /** Sends the body chunked, without a Content-Length, as a sender that streams does. */
        HttpResponse<String> sendChunked() {
            return send(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        }

        private HttpResponse<String> send(HttpRequest.BodyPublisher publisher) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "api/webhooks/" + source))
                    .POST(publisher);
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            headers.forEach(request::header);
            try {
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    Post to(String source) {
        return new Post(source);
    }

    static byte[] hmac(String algorithm, String secret, byte[] body) {
        return hmac(algorithm, secret.getBytes(UTF_8), body);
    }

    static byte[] hmac(String algorithm, byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
