package dev.hookline.api;

import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

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
    /** Given as a supplier: a stored delivery's headers are decoded only when an observer asks for them. */
    private final Supplier<Map<String, List<String>>> headerSource;
    private volatile Map<String, List<String>> headers;
    private final byte[] body;

    /**
     * A delivery with these headers (names in lower case). Hookline makes these itself; an application constructs
     * one to unit-test its observers.
     */
    public Webhook(String id, String source, String type, String deliveryId, Instant receivedAt, int attempt,
                   Map<String, List<String>> headers, byte[] body) {
        this(id, source, type, deliveryId, receivedAt, attempt, () -> Map.copyOf(headers), body);
    }

    /** As above, with the headers read only when first asked for. */
    public Webhook(String id, String source, String type, String deliveryId, Instant receivedAt, int attempt,
                   Supplier<Map<String, List<String>>> headers, byte[] body) {
        this.id = Objects.requireNonNull(id, "id");
        this.source = Objects.requireNonNull(source, "source");
        this.type = Objects.requireNonNull(type, "type");
        this.deliveryId = Objects.requireNonNull(deliveryId, "deliveryId");
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        this.attempt = attempt;
        this.headerSource = Objects.requireNonNull(headers, "headers");
        this.body = Objects.requireNonNull(body, "body");
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
            decoded = headerSource.get();
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
        try (JsonReader reader = Json.PROVIDER.createReader(new ByteArrayInputStream(body))) {
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

    /** The JSON-P provider looked up once: a lookup is a service-loader scan. */
    private static final class Json {
        static final JsonProvider PROVIDER = JsonProvider.provider();
    }

    /** One JSON-B instance for all: creating one is expensive, using one is thread-safe. */
    private static final class Binding {
        static final Jsonb JSONB = JsonbBuilder.create();
    }
}
