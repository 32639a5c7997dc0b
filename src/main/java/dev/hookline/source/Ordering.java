package dev.hookline.source;

import dev.hookline.platform.JsonSupport;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

/**
 * An ordered source's rule for which deliveries must be processed one at a time in receipt order: those with the same
 * key. Without a selector, the whole source is one line.
 *
 * @param key where the ordering key is, or {@code null} for one line per source
 */
public record Ordering(Selector key) {

    /** The longest key kept; the column holds no more. */
    static final int MAX_KEY = 255;

    /**
     * The ordering key of a delivery; the empty string when the selector finds nothing, so that such deliveries still
     * keep their order among themselves.
     *
     * @param headers the stored headers, by lower-case name
     */
    public String keyOf(Map<String, List<String>> headers, byte[] body) {
        String value = null;
        if (key instanceof Selector.Header header) {
            List<String> values = headers.get(header.name().toLowerCase(java.util.Locale.ROOT));
            value = values == null || values.isEmpty() ? null : values.get(0);
        } else if (key instanceof Selector.Json json) {
            value = jsonValue(json.pointer(), body);
        }
        if (value == null) {
            return "";
        }
        return value.length() <= MAX_KEY ? value : value.substring(0, MAX_KEY);
    }

    private static String jsonValue(String pointer, byte[] body) {
        try (JsonReader reader = JsonSupport.provider().createReader(new ByteArrayInputStream(body))) {
            JsonStructure json = reader.read();
            JsonValue value = JsonSupport.provider().createPointer(pointer).getValue(json);
            if (value instanceof JsonString string) {
                return string.getString();
            }
            return value instanceof JsonNumber number ? number.toString() : null;
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }
}
