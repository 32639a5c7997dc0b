package dev.hookline.admin;

import dev.hookline.platform.JsonSupport;
import dev.hookline.store.Delivery;
import dev.hookline.store.StoredHeaders;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A delivery as the admin API shows it. The headers are those stored, which never include signatures or credentials;
 * the body is shown as received: as text when it is UTF-8, else in base64. Once the retention purged them, only the
 * time of the purge and the body's SHA-256 are shown in their place.
 */
final class DeliveryJson {

    private static final JsonProvider JSON = JsonSupport.provider();

    private DeliveryJson() {
    }

    static JsonObjectBuilder summary(Delivery delivery) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", delivery.id())
                .add("source", delivery.source())
                .add("type", delivery.eventType())
                .add("deliveryId", delivery.deliveryId())
                .add("status", delivery.status().name())
                .add("attempts", delivery.attempts())
                .add("receivedAt", delivery.receivedAt().toString());
        instant(json, "lastAttemptAt", delivery.lastAttemptAt());
        instant(json, "nextAttemptAt", delivery.nextAttemptAt());
        if (delivery.lastError() != null) {
            json.add("lastError", delivery.lastError());
        }
        if (delivery.purgedPayload() != null) {
            json.add("payloadPurgedAt", delivery.purgedPayload().purgedAt().toString());
        }
        return json;
    }

    static JsonObject detail(Delivery delivery) {
        if (delivery.purgedPayload() != null) {
            return summary(delivery).add("bodySha256", delivery.purgedPayload().bodySha256()).build();
        }
        JsonObjectBuilder headers = JSON.createObjectBuilder();
        String contentType = null;
        for (var header : StoredHeaders.decode(delivery.headers()).entrySet()) {
            JsonArrayBuilder values = JSON.createArrayBuilder();
            header.getValue().forEach(values::add);
            headers.add(header.getKey(), values);
            if (header.getKey().equals("content-type") && !header.getValue().isEmpty()) {
                contentType = header.getValue().get(0);
            }
        }
        JsonObjectBuilder json = summary(delivery).add("headers", headers);
        if (contentType != null) {
            json.add("contentType", contentType);
        }
        byte[] body = delivery.body();
        String text = utf8(body);
        json.add("bodySize", body.length);
        if (text != null) {
            json.add("bodyEncoding", "text").add("body", text);
        } else {
            json.add("bodyEncoding", "base64").add("body", Base64.getEncoder().encodeToString(body));
        }
        return json.build();
    }

    static JsonObject page(AdminDeliveries.Page page) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        page.deliveries().forEach(d -> items.add(summary(d)));
        JsonObjectBuilder json = JSON.createObjectBuilder().add("items", items);
        if (page.next() != null) {
            json.add("next", page.next());
        } else {
            json.addNull("next");
        }
        return json.build();
    }

    static JsonObject counts(String name, long count) {
        return JSON.createObjectBuilder().add(name, count).build();
    }


    private static void instant(JsonObjectBuilder json, String name, Instant instant) {
        if (instant != null) {
            json.add(name, instant.toString());
        }
    }

    /** The body as text when it is well-formed UTF-8, else {@code null}. */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
