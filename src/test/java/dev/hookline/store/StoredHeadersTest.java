package dev.hookline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookline.platform.JsonSupport;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Headers are stored as the JSON-P generator wrote them before they were written by hand: the same text for any
 * names and values (checked against the generator on random ones), and read back as they were given.
 */
class StoredHeadersTest {

    /** Characters that need no escape (DEL and Latin-1 among them), the two JSON escapes, every control character. */
    private static final String ALPHABET = "ab-Z09 \"\\/\u007f\u00e9\u00ff\u2028\u20ac" + controlCharacters();

    @Test
    void writesWhatTheGeneratorWritesForRandomHeaders() {
        Random random = new Random(20261206);
        for (int i = 0; i < 5_000; i++) {
            Map<String, List<String>> headers = randomHeaders(random);
            String stored = StoredHeaders.encode(headers);
            assertEquals(generated(headers), stored);
            assertEquals(headers, StoredHeaders.decode(stored));
        }
    }

    @Test
    void writesAnEmptyObjectForNoHeaders() {
        assertEquals("{}", StoredHeaders.encode(Map.of()));
    }

    private static String controlCharacters() {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        return controls.toString();
    }

    private static Map<String, List<String>> randomHeaders(Random random) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int count = random.nextInt(6);
        for (int h = 0; h < count; h++) {
            List<String> values = new ArrayList<>();
            int valueCount = random.nextInt(4);
            for (int v = 0; v < valueCount; v++) {
                values.add(randomString(random));
            }
            headers.put(h + randomString(random), values);
        }
        return headers;
    }

    private static String randomString(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static String generated(Map<String, List<String>> headers) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JsonSupport.GENERATORS.createGenerator(out)) {
            json.writeStartObject();
            headers.forEach((name, values) -> {
                json.writeStartArray(name);
                values.forEach(json::write);
                json.writeEnd();
            });
            json.writeEnd();
        }
        return out.toString();
    }
}
