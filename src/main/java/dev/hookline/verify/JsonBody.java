package dev.hookline.verify;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.Optional;

/**
 * Reads the few fields handshakes and body-signed schemes need. Only for the requests that need it: every other
 * delivery's body is read once, by the ingest path, after it is verified.
 */
final class JsonBody {

    private JsonBody() {
    }

    /** The body as a JSON object; empty when it is not one. */
    static Optional<JsonObject> object(byte[] body) {
        try (var reader = Json.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? Optional.of(object) : Optional.empty();
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** A string, or a number as written, at a path of member names; {@code null} when absent or of another kind. */
    static String text(JsonObject object, String... path) {
        JsonValue value = object;
        for (String name : path) {
            if (!(value instanceof JsonObject current) || !current.containsKey(name)) {
                return null;
            }
            value = current.get(name);
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        return value instanceof JsonNumber number ? number.toString() : null;
    }

    /** Whether {@code marker}'s ASCII bytes occur in the body: a cheap test before parsing it. */
    static boolean contains(byte[] body, String marker) {
        int length = marker.length();
        outer:
        for (int i = 0; i <= body.length - length; i++) {
            for (int j = 0; j < length; j++) {
                if (body[i + j] != marker.charAt(j)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
