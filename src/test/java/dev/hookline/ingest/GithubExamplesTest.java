package dev.hookline.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookline.source.Selector;
import dev.hookline.source.Source;
import dev.hookline.store.Delivery;
import dev.hookline.verify.Scheme;
import dev.hookline.verify.Schemes;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example payload GitHub documents, as {@code @octokit/webhooks-examples} publishes them, read with the github
 * scheme's presets: each typed {@code <event>.<action>} when it has an action and {@code <event>} when it has none,
 * as octokit routes them.
 */
class GithubExamplesTest {

    private static final Scheme GITHUB = Schemes.named("github").orElseThrow();
    private static final Source SOURCE = new Source("github", request -> { }, Selector.parse(GITHUB.eventType()),
            Selector.parse(GITHUB.eventAction()), Selector.parse(GITHUB.deliveryId()), 1 << 24, GITHUB.contentTypes(),
            Set.of(), null, null, null, null, null);

    record Example(String event, String action, String body) {
        @Override
        public String toString() {
            return event + (action == null ? "" : "." + action);
        }
    }

    static List<Example> examples() {
        try (InputStream in = new GZIPInputStream(GithubExamplesTest.class.getResourceAsStream(
                "/octokit/webhooks-examples-7.6.1.json.gz"))) {
            JsonArray events = Json.createReader(in).readArray();
            List<Example> examples = new ArrayList<>();
            for (JsonObject event : events.getValuesAs(JsonObject.class)) {
                for (JsonObject example : event.getJsonArray("examples").getValuesAs(JsonObject.class)) {
                    String action = example.get("action") instanceof JsonString text ? text.getString() : null;
                    examples.add(new Example(event.getString("name"), action, example.toString()));
                }
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theFileHoldsEveryEventGithubDocuments() {
        assertEquals(58, examples().stream().map(Example::event).distinct().count());
        assertEquals(329, examples().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void eachExampleIsTypedWithItsAction(Example example) {
        Delivery delivery = DeliveryReader.read(SOURCE, Map.of("X-GitHub-Event", List.of(example.event()),
                "X-GitHub-Delivery", List.of("72d3162e-cc78-11e3-81ab-4c9367dc0958")),
                example.body().getBytes(UTF_8), Instant.EPOCH);
        assertEquals(example.toString(), delivery.eventType());
    }

    @Test
    void aFormEncodedPostIsTypedWithoutItsAction() {
        Delivery delivery = DeliveryReader.read(SOURCE, Map.of("X-GitHub-Event", List.of("issues"),
                "X-GitHub-Delivery", List.of("72d3162e-cc78-11e3-81ab-4c9367dc0959")),
                "payload=%7B%22action%22%3A%22opened%22%7D".getBytes(UTF_8), Instant.EPOCH);
        assertEquals("issues", delivery.eventType());
    }
}
