package dev.hookline.verify;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.net.URLEncoder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** One published case of {@code conformance/vectors.json}, turned into what a verifier takes. */
record VectorCase(String scheme, String name, JsonObject json) {

    /** The file names the blog post's scheme by its variant; the option below selects the variant. */
    private static final Map<String, String> SCHEME_NAMES = Map.of("legacy-sha256-prefix", "legacy-sha256");

    /** The shared conformance set. */
    static List<VectorCase> all() {
        return all("/conformance/vectors.json");
    }

    /** The cases of one vectors file of the test resources. */
    static List<VectorCase> all(String resource) {
        try (InputStream in = VectorCase.class.getResourceAsStream(resource)) {
            JsonObject schemes = Json.createReader(in).readObject().getJsonObject("schemes");
            List<VectorCase> cases = new ArrayList<>();
            schemes.forEach((scheme, definition) -> definition.asJsonObject().getJsonArray("cases")
                    .forEach(c -> cases.add(new VectorCase(schemeOf(scheme, c.asJsonObject()),
                            c.asJsonObject().getString("name"), c.asJsonObject()))));
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The file lists Svix's header names under Standard Webhooks, whose algorithm they share; in Hookline only the
     * svix scheme reads them, so such a case runs against that scheme.
     */
    private static String schemeOf(String scheme, JsonObject json) {
        boolean svixHeaders = json.getJsonObject("headers").keySet().stream()
                .anyMatch(name -> name.regionMatches(true, 0, "svix-", 0, 5));
        return svixHeaders && scheme.equals("standard-webhooks") ? "svix" : SCHEME_NAMES.getOrDefault(scheme, scheme);
    }

    boolean valid() {
        return json.getBoolean("valid");
    }

    SchemeSettings settings() {
        String secret = json.containsKey("public_key") ? json.getString("public_key") : json.getString("secret");
        Duration tolerance = Duration.ofSeconds(json.getInt("tolerance_seconds", 300));
        Instant now = json.containsKey("now") ? Instant.ofEpochSecond(json.getJsonNumber("now").longValue())
                : Instant.EPOCH;
        Map<String, String> options = new TreeMap<>();
        // Opt-in features that the published cases exercise.
        options.put("github.sha1", "true");
        if (json.containsKey("order")) {
            options.put("legacy-sha256.order", json.getString("order"));
        }
        if (json.containsKey("url")) {
            // As configured: the signed URL without the query, which each request brings.
            String url = json.getString("url");
            options.put("public-url", url.indexOf('?') < 0 ? url : url.substring(0, url.indexOf('?')));
        }
        return new SchemeSettings("vectors", List.of(Secret.of(secret)), tolerance, Clock.fixed(now, ZoneOffset.UTC),
                key -> Optional.ofNullable(options.get(key)));
    }

    SignedRequest request() {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        json.getJsonObject("headers").forEach((name, value) -> headers.put(name, List.of(((JsonString) value).getString())));
        if (json.containsKey("content_type")) {
            headers.put("Content-Type", List.of(json.getString("content_type")));
        }
        byte[] body;
        if (json.containsKey("form")) {
            headers.put("Content-Type", List.of("application/x-www-form-urlencoded"));
            body = json.getJsonObject("form").entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), UTF_8) + "="
                            + URLEncoder.encode(((JsonString) e.getValue()).getString(), UTF_8))
                    .collect(Collectors.joining("&")).getBytes(UTF_8);
        } else {
            body = json.getString("body").getBytes(UTF_8);
        }
        String url = json.containsKey("url") ? json.getString("url") : null;
        return new SignedRequest(name -> headers.getOrDefault(name, List.of()), body, url,
                json.getString("method", "POST"));
    }

    /** The signature headers as published, by name. */
    Map<String, String> signedHeaders() {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        json.getJsonObject("headers").forEach((name, value) -> headers.put(name, ((JsonString) value).getString()));
        return headers;
    }

    /** The published request with other header values and another body, for mutation tests. */
    SignedRequest with(Map<String, String> changedHeaders, byte[] body) {
        SignedRequest original = request();
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        changedHeaders.forEach((name, value) -> headers.put(name, List.of(value)));
        json.getJsonObject("headers").keySet().forEach(name -> headers.putIfAbsent(name, List.of()));
        return new SignedRequest(name -> {
            List<String> changed = headers.get(name);
            if (changed != null) {
                return changed;
            }
            try {
                String value = original.header(name);
                return value == null ? List.of() : List.of(value);
            } catch (SignatureRejected e) {
                return List.of();
            }
        }, body, original.url());
    }

    @Override
    public String toString() {
        return scheme + ": " + name;
    }

}
