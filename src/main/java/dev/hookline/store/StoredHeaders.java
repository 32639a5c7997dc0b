package dev.hookline.store;

import dev.hookline.platform.JsonSupport;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A delivery's headers as stored: a JSON object of lower-case name to the array of its values. */
public final class StoredHeaders {

    private StoredHeaders() {
    }

    public static String encode(Map<String, List<String>> headers) {
        StringWriter out = new StringWriter(512);
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
