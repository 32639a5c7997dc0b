package dev.hookline.it;

import static dev.hookline.it.TestSources.GITHUB_SECRET;
import static dev.hookline.it.TestSources.INHOUSE_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/** What operators watch: metrics in Prometheus text, MicroProfile Health, the OpenAPI document, the outcome log. */
@ExtendWith(ArquillianExtension.class)
class OperateIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.hookline("operate", TestAdmin.CONFIGURATION, TestSources.class, TestAdmin.class,
                Sender.class, Sender.Post.class, RecordingObservers.class, StoredDeliveries.class, LogCapture.class,
                PrometheusScrape.class);
    }

    private static final HttpClient HTTP = Http.CLIENT;

    @ArquillianResource
    URL base;

    @Inject
    @Readiness
    Instance<HealthCheck> readiness;

    @Inject
    @Liveness
    Instance<HealthCheck> liveness;

    @Inject
    StoredDeliveries store;

    private Sender sender;

    @BeforeEach
    void start() {
        sender = new Sender(base);
    }

    @Test
    void metricsCountWhatIngestAndDispatchDid() throws Exception {
        PrometheusScrape before = scrape();
        String delivery = UUID.randomUUID().toString();
        String id = json(github(delivery).send()).getString("id");
        assertEquals(200, github(delivery).send().statusCode());
        assertEquals(401, github(UUID.randomUUID().toString()).githubSignature("wrong").send().statusCode());
        assertEquals(401, sender.to("github").body("{}").send().statusCode());
        assertEquals(404, sender.to("nobody").body("{}").send().statusCode());
        String failing = json(sender.to("inhouse").body("{\"id\":\"" + delivery + "\",\"event\":{\"type\":\"explode\"}}")
                .inhouseSignature(INHOUSE_SECRET).send()).getString("id");
        StoredDeliveries.awaitFinal(store, id);
        StoredDeliveries.awaitFinal(store, failing);

        // An outcome is counted just after its transaction commits, so after the store shows it: give both counters
        // a moment to catch up. Another test's deliveries may have made either sample before this one began.
        String processedOutcome = "hookline_dispatched_total{source=\"github\",type=\"push\",outcome=\"processed\"}";
        String failedOutcome = "hookline_dispatched_total{source=\"inhouse\",type=\"explode\",outcome=\"failed\"}";
        PrometheusScrape after = scrape();
        for (int i = 0; i < 50 && (after.value(processedOutcome) <= before.value(processedOutcome)
                || after.value(failedOutcome) <= before.value(failedOutcome)); i++) {
            Thread.sleep(100);
            after = scrape();
        }
        assertEquals(1, delta(before, after, "hookline_received_total{source=\"github\"}"));
        assertEquals(1, delta(before, after, "hookline_received_total{source=\"inhouse\"}"));
        assertEquals(1, delta(before, after, "hookline_duplicates_total{source=\"github\"}"));
        assertEquals(1, delta(before, after,
                "hookline_rejected_total{source=\"github\",reason=\"signature-mismatch\"}"));
        assertEquals(1, delta(before, after, "hookline_rejected_total{source=\"github\",reason=\"signature-missing\"}"));
        assertEquals(1, delta(before, after, "hookline_rejected_total{source=\"\",reason=\"unknown-source\"}"));
        assertEquals(1, delta(before, after, processedOutcome));
        assertEquals(1, delta(before, after, failedOutcome));
        assertEquals(2, delta(before, after, "hookline_ingest_duration_seconds_count{source=\"github\"}"));
        assertEquals(2, delta(before, after,
                "hookline_ingest_duration_seconds_bucket{source=\"github\",le=\"+Inf\"}"));
        assertEquals(1, delta(before, after, "hookline_processing_duration_seconds_count{source=\"github\"}"));
        assertTrue(after.value("hookline_ingest_duration_seconds_sum{source=\"github\"}") > 0);
        assertEquals("histogram", after.types.get("hookline_processing_duration_seconds"));
        assertEquals("counter", after.types.get("hookline_received_total"));
        assertEquals("gauge", after.types.get("hookline_backlog"));
        assertTrue(after.samples.containsKey("hookline_backlog{status=\"RECEIVED\"}"));
        assertTrue(after.samples.containsKey("hookline_oldest_due_age_seconds"));
    }

    @Test
    void metricsAreOpenPrometheusText() throws Exception {
        HttpResponse<String> response = get(base + "api/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").contains("version=0.0.4"));
        assertFalse(response.body().contains(GITHUB_SECRET));
    }

    @Test
    void eachOutcomeIsOneStructuredLogLineFailuresAtInfoTheOthersAtFine() throws Exception {
        String delivery = UUID.randomUUID().toString();
        String failing = UUID.randomUUID().toString();
        try (LogCapture logs = new LogCapture()) {
            String id = json(github(delivery).send()).getString("id");
            String failingId = json(sender.to("inhouse").body("{\"id\":\"" + failing
                    + "\",\"event\":{\"type\":\"explode\"}}").inhouseSignature(INHOUSE_SECRET).send())
                    .getString("id");
            StoredDeliveries.awaitFinal(store, id);
            StoredDeliveries.awaitFinal(store, failingId);
            // Each line is logged just after its transaction commits.
            for (int i = 0; i < 50 && logs.messages().stream().noneMatch(l -> l.contains(failing)); i++) {
                Thread.sleep(100);
            }
            List<String> lines = logs.messages().stream().filter(line -> line.contains("delivery_id=" + delivery))
                    .toList();
            assertEquals(1, lines.size(), lines.toString());
            Matcher line = Pattern.compile("^FINE: outcome=processed source=github type=push delivery_id=" + delivery
                    + " id=" + id + " attempt=1 duration_ms=\\d+").matcher(lines.get(0));
            assertTrue(line.find(), lines.get(0));
            assertFalse(lines.get(0).contains(GITHUB_SECRET));
            List<String> failures = logs.messages().stream().filter(l -> l.contains("delivery_id=" + failing))
                    .toList();
            assertFalse(failures.isEmpty(), "no line for the failed attempt");
            assertTrue(Pattern.compile("^INFO: outcome=failed source=inhouse type=explode delivery_id=" + failing
                    + " id=" + failingId + " attempt=1 duration_ms=\\d+ error=").matcher(failures.get(0)).find(),
                    failures.get(0));
        }
    }

    /** The checks themselves, as MicroProfile Health calls them, on every server. */
    @Test
    void healthChecksAreUpWhenStoreSourcesAndWorkersAre() {
        List<String> ready = new java.util.ArrayList<>();
        for (HealthCheck check : readiness) {
            HealthCheckResponse response = check.call();
            assertEquals(HealthCheckResponse.Status.UP, response.getStatus(), response.getName());
            ready.add(response.getName());
        }
        assertTrue(ready.containsAll(List.of("hookline-store", "hookline-sources")), ready.toString());
        List<String> live = new java.util.ArrayList<>();
        for (HealthCheck check : liveness) {
            HealthCheckResponse response = check.call();
            assertEquals(HealthCheckResponse.Status.UP, response.getStatus(), response.getName());
            live.add(response.getName());
        }
        assertTrue(live.contains("hookline-dispatch"), live.toString());
    }

    /**
     * The same checks through the server's endpoint. Embedded Payara serves no {@code /health} for a deployment after
     * its first, so the build runs this only on the servers that serve it ({@code hookline.test.health-served}).
     */
    @Test
    @RunAsClient // the health port is the build's system property, which only the client JVM has
    @EnabledIfSystemProperty(named = "hookline.test.health-served", matches = "true")
    void healthEndpointIsUpWhenStoreSourcesAndWorkersAre() throws Exception {
        HttpResponse<String> ready = get(serverRoot() + "health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject readiness = json(ready);
        assertEquals("UP", readiness.getString("status"));
        assertTrue(checkNames(readiness).containsAll(List.of("hookline-store", "hookline-sources")), ready.body());
        HttpResponse<String> live = get(serverRoot() + "health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertTrue(checkNames(json(live)).contains("hookline-dispatch"), live.body());
    }

    @Test
    @RunAsClient // compares with the source file, which only the build's working directory has
    void theOpenApiDocumentDescribesEveryEndpoint() throws Exception {
        HttpResponse<String> response = get(base + "openapi.yaml");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").contains("yaml"));
        assertEquals(Files.readString(Path.of("src/main/resources/META-INF/resources/openapi.yaml")), response.body());
        for (String path : List.of("/api/webhooks/{source}:", "/api/admin/deliveries:", "/api/admin/deliveries/{id}:",
                "/api/admin/deliveries/{id}/replay:", "/api/admin/deliveries/replay:", "/api/admin/stats:",
                "/api/metrics:")) {
            assertTrue(response.body().contains(path), path);
        }
    }

    private Sender.Post github(String delivery) {
        return sender.to("github").body("{\"ok\":true}").header("X-GitHub-Delivery", delivery)
                .header("X-GitHub-Event", "push").githubSignature(GITHUB_SECRET);
    }

    private PrometheusScrape scrape() throws Exception {
        HttpResponse<String> response = get(base + "api/metrics");
        assertEquals(200, response.statusCode(), response.body());
        return new PrometheusScrape(response.body());
    }

    private static double delta(PrometheusScrape before, PrometheusScrape after, String sample) {
        assertTrue(after.samples.containsKey(sample), () -> sample + " missing from " + after.samples.keySet());
        return after.value(sample) - before.value(sample);
    }

    /** MicroProfile Health answers on the application port on Payara and on the management port on WildFly. */
    private String serverRoot() {
        return System.getProperty("hookline.test.health-root",
                base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/");
    }

    private static List<String> checkNames(JsonObject health) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .map(check -> check.getString("name")).toList();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
