package dev.hookline.store;

import dev.hookline.platform.JsonSupport;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A delivery's headers as stored: a JSON object of lower-case name to the array of its values. */
public final class StoredHeaders {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private StoredHeaders() {
    }

    /**
     * Written by hand rather than by a JSON-P generator, which took 3.0 of the 5.1 µs that reading a delivery from
     * its request cost on Payara Micro (docs/benchmarks.md, item 31). What it writes is JSON as a generator writes
     * it: names and values as they are but for the quotation mark, the backslash and control characters, escaped.
     */
    public static String encode(Map<String, List<String>> headers) {
        StringBuilder json = new StringBuilder(512).append('{');
        headers.forEach((name, values) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            string(json, name).append(":[");
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                string(json, values.get(i));
            }
            json.append(']');
        });
        return json.append('}').toString();
    }

    private static StringBuilder string(StringBuilder json, String value) {
        json.append('"');
        int clean = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            json.append(value, clean, i).append('\\');
            switch (c) {
                case '"', '\\' -> json.append(c);
                case '\b' -> json.append('b');
                case '\f' -> json.append('f');
                case '\n' -> json.append('n');
                case '\r' -> json.append('r');
                case '\t' -> json.append('t');
                default -> json.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
            clean = i + 1;
        }
        return json.append(value, clean, value.length()).append('"');
    }

    public static Map<String, List<String>> decode(String stored) {
        JsonObject object;
        try (JsonReader reader = JsonSupport.provider().createReader(new StringReader(stored))) {
            object = reader.readObject();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        object.forEach((name, values) -> headers.put(name,
                ((JsonArray) values).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()));
        return Collections.unmodifiableMap(headers);
    }
}
