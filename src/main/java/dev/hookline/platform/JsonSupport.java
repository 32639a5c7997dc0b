package dev.hookline.platform;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonParserFactory;
import java.util.Map;

/**
 * JSON-P factories looked up once: {@code Json.createParser} looks the provider up on every call, which is a
 * service-loader scan on the request path.
 */
public final class JsonSupport {

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    public static final JsonParserFactory PARSERS = PROVIDER.createParserFactory(Map.of());
    public static final JsonGeneratorFactory GENERATORS = PROVIDER.createGeneratorFactory(Map.of());

    private JsonSupport() {
    }

    public static JsonProvider provider() {
        return PROVIDER;
    }
}
