package dev.hookline.dispatch;

import dev.hookline.platform.JsonSupport;
import dev.hookline.store.StoredHeaders;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One delivery as the application's observers see it: who sent it, what it is, and the body exactly as signed.
 * Signature and credential headers are not among {@link #headers()}.
 */
public final class Webhook {

    private final String id;
    private final String source;
    private final String type;
    private final String deliveryId;
    private final Instant receivedAt;
    private final int attempt;
    /** Decoded from {@link #storedHeaders} when first asked for: most observers never look at them. */
    private volatile Map<String, List<String>> headers;
    private final String storedHeaders;
    private final byte[] body;

    public Webhook(String id, String source, String type, String deliveryId, Instant receivedAt, int attempt,
                   Map<String, List<String>> headers, byte[] body) {
        this(id, source, type, deliveryId, receivedAt, attempt, headers, null, body);
    }

    /** A delivery as stored, its headers still in their stored form (see {@link StoredHeaders}). */
    Webhook(String id, String source, String type, String deliveryId, Instant receivedAt, int attempt,
            String storedHeaders, byte[] body) {
        this(id, source, type, deliveryId, receivedAt, attempt, null, storedHeaders, body);
    }

    private Webhook(String id, String source, String type, String deliveryId, Instant receivedAt, int attempt,
                    Map<String, List<String>> headers, String storedHeaders, byte[] body) {
        this.id = id;
        this.source = source;
        this.type = type;
        this.deliveryId = deliveryId;
        this.receivedAt = receivedAt;
        this.attempt = attempt;
        this.headers = headers;
        this.storedHeaders = storedHeaders;
        this.body = body;
    }

    /** Hookline's own id of the delivery, as answered to the sender and shown by the admin API. */
    public String id() {
        return id;
    }

    public String source() {
        return source;
    }

    /** The event type, such as {@code invoice.paid} or {@code push}; empty when the sender names none. */
    public String type() {
        return type;
    }

    /** The sender's idempotency key: the same on every redelivery of the same event. */
    public String deliveryId() {
        return deliveryId;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    /** 1 on the first attempt, 2 on the first retry, and so on. */
    public int attempt() {
        return attempt;
    }

    /** The request's headers by lower-case name, without signature and credential headers. */
    public Map<String, List<String>> headers() {
        Map<String, List<String>> decoded = headers;
        if (decoded == null) {
            decoded = StoredHeaders.decode(storedHeaders);
            headers = decoded;
        }
        return decoded;
    }

    /** The first value of a header (any case), or {@code null}. */
    public String header(String name) {
        List<String> values = headers().get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The raw body, exactly as it was signed. */
    public byte[] body() {
        return body.clone();
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body parsed as JSON. */
    public JsonStructure json() {
        try (JsonReader reader = JsonSupport.provider().createReader(new ByteArrayInputStream(body))) {
            return reader.read();
        }
    }

    /** The body bound to a class with JSON-B. */
    public <T> T as(Class<T> type) {
        try (InputStream in = new ByteArrayInputStream(body)) {
            return Binding.JSONB.fromJson(in, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Webhook[" + source + " " + type + " " + deliveryId + " attempt " + attempt + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Webhook that && id.equals(that.id) && attempt == that.attempt;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, attempt);
    }

    /** One JSON-B instance for all: creating one is expensive, using one is thread-safe. */
    private static final class Binding {
        static final Jsonb JSONB = JsonbBuilder.create();
    }
}
