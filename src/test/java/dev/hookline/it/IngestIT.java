package dev.hookline.it;

import static dev.hookline.it.RecordingObservers.ALL;
import static dev.hookline.it.RecordingObservers.ANY_SOURCE_TYPE;
import static dev.hookline.it.RecordingObservers.ASYNC;
import static dev.hookline.it.RecordingObservers.EVENT;
import static dev.hookline.it.RecordingObservers.EVENT_ACTION;
import static dev.hookline.it.RecordingObservers.EXACT;
import static dev.hookline.it.RecordingObservers.FAMILY;
import static dev.hookline.it.RecordingObservers.SOURCE;
import static dev.hookline.it.TestSources.GITHUB_SECOND_SECRET;
import static dev.hookline.it.TestSources.GITHUB_SECRET;
import static dev.hookline.it.TestSources.INHOUSE_MAX_BODY;
import static dev.hookline.it.TestSources.INHOUSE_SECRET;
import static dev.hookline.it.TestSources.LEGACY_SECRET;
import static dev.hookline.it.TestSources.WOO_SECRET;
import static dev.hookline.it.TestSources.XERO_SECRET;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookline.api.Webhook;
import dev.hookline.store.Delivery;
import dev.hookline.store.DeliveryStatus;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole path of a delivery through the deployed WAR: real HTTP in, the real filter, the real store, the real
 * dispatch to CDI observers.
 */
@ExtendWith(ArquillianExtension.class)
class IngestIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.hookline("ingest", TestSources.CONFIGURATION, TestSources.class, Sender.class,
                Sender.Post.class, RecordingObservers.class, StoredDeliveries.class, LogCapture.class);
    }

    private static final List<String> SECRETS = List.of(GITHUB_SECRET, GITHUB_SECOND_SECRET, INHOUSE_SECRET,
            LEGACY_SECRET, TestSources.SLACK_SECRET);

    @ArquillianResource
    URL base;

    @Inject
    RecordingObservers observers;

    @Inject
    StoredDeliveries store;

    private Sender sender;
    private LogCapture logs;

    @BeforeEach
    void start() {
        sender = new Sender(base);
        logs = new LogCapture();
    }

    @AfterEach
    void noSecretLeaked() {
        logs.close();
        for (String line : logs.lines()) {
            for (String secret : SECRETS) {
                assertFalse(line.contains(secret), () -> "a log line holds a secret: " + line);
            }
        }
    }

    @Test
    void signedDeliveryIsStoredThenAcknowledgedThenObserved() throws Exception {
        String delivery = UUID.randomUUID().toString();
        String body = "{\"ref\":\"refs/heads/main\",\"size\":1}";
        HttpResponse<String> response = github(delivery, "push", body).githubSignature(GITHUB_SECRET).send();

        assertEquals(202, response.statusCode());
        JsonObject answer = json(response);
        assertEquals("accepted", answer.getString("status"));
        Delivery stored = store.of("github", delivery).get(0);
        assertEquals(answer.getString("id"), stored.id());
        assertArrayEquals(body.getBytes(UTF_8), stored.body());

        Webhook hook = observers.await(SOURCE, delivery, hooks -> !hooks.isEmpty()).get(0);
        assertEquals("github", hook.source());
        assertEquals("push", hook.type());
        assertEquals(delivery, hook.deliveryId());
        assertEquals(stored.id(), hook.id());
        assertEquals(1, hook.attempt());
        assertArrayEquals(body.getBytes(UTF_8), hook.body());
        assertEquals("refs/heads/main", hook.json().asJsonObject().getString("ref"));
        assertEquals("push", hook.header("X-GitHub-Event"));
        assertNull(hook.header("X-Hub-Signature-256"), "signature headers are not shown to observers");
        assertEquals(1, observers.await(ALL, delivery, hooks -> !hooks.isEmpty()).size());
        assertEquals(1, observers.await(ANY_SOURCE_TYPE, delivery, hooks -> !hooks.isEmpty()).size());
        assertEquals(1, observers.await(ASYNC, delivery, hooks -> !hooks.isEmpty()).size());
        assertEquals(DeliveryStatus.PROCESSED, StoredDeliveries.awaitFinal(store, stored.id()).status());
        assertFalse(stored.headers().toLowerCase().contains("x-hub-signature"), "signatures are not stored");
    }

    @Test
    void aGithubEventIsTypedWithItsActionAndReachesObserversOfTheEventAndOfTheAction() throws Exception {
        String opened = UUID.randomUUID().toString();
        String closed = UUID.randomUUID().toString();
        assertEquals(202, github(opened, "issues", "{\"action\":\"opened\",\"issue\":{\"number\":1}}")
                .githubSignature(GITHUB_SECRET).send().statusCode());
        assertEquals(202, github(closed, "issues", "{\"action\":\"closed\",\"issue\":{\"number\":1}}")
                .githubSignature(GITHUB_SECRET).send().statusCode());

        assertEquals("issues.opened", store.of("github", opened).get(0).eventType());
        assertEquals("issues.closed", store.of("github", closed).get(0).eventType());
        assertEquals("issues.opened", observers.await(EVENT, opened, hooks -> !hooks.isEmpty()).get(0).type());
        assertEquals(1, observers.await(EVENT, closed, hooks -> !hooks.isEmpty()).size());
        assertEquals(1, observers.await(EVENT_ACTION, opened, hooks -> !hooks.isEmpty()).size());
        StoredDeliveries.awaitFinal(store, store.of("github", closed).get(0).id());
        Thread.sleep(200);
        assertEquals(0, observers.of(EVENT_ACTION, closed).size(), "issues.opened does not observe issues.closed");
    }

    @Test
    void aSenderThatCountsOnly200GetsItWithoutABody() {
        String body = "{\"events\":[{\"resourceId\":\"" + UUID.randomUUID() + "\"}],\"firstEventSequence\":1}";
        HttpResponse<String> first = sender.to("xero").body(body)
                .signWith(bytes -> java.util.Base64.getEncoder().encodeToString(Sender.hmac("HmacSHA256", XERO_SECRET,
                        bytes)), "x-xero-signature").send();
        HttpResponse<String> again = sender.to("xero").body(body)
                .signWith(bytes -> java.util.Base64.getEncoder().encodeToString(Sender.hmac("HmacSHA256", XERO_SECRET,
                        bytes)), "x-xero-signature").send();
        assertEquals(200, first.statusCode());
        assertEquals("", first.body());
        assertEquals(200, again.statusCode());
        assertEquals("", again.body());
    }

    @Test
    void wooCommercesUnsignedPingIsAnsweredAndNotStoredWhileItsEventsAreVerified() {
        long before = store.count();
        HttpResponse<String> ping = sender.to("woo").body("webhook_id=7")
                .contentType("application/x-www-form-urlencoded").send();
        assertEquals(200, ping.statusCode());
        assertEquals("", ping.body());
        assertEquals(before, store.count(), "the ping is not stored");
        String id = UUID.randomUUID().toString();
        HttpResponse<String> order = sender.to("woo").body("{\"id\":1}").header("X-WC-Webhook-Topic", "order.created")
                .header("X-WC-Webhook-Delivery-ID", id)
                .signWith(bytes -> java.util.Base64.getEncoder().encodeToString(Sender.hmac("HmacSHA256", WOO_SECRET,
                        bytes)), "X-WC-Webhook-Signature").send();
        assertEquals(202, order.statusCode(), order.body());
        assertEquals(401, sender.to("woo").body("{\"id\":1}").header("X-WC-Webhook-Delivery-ID", id).send()
                .statusCode(), "an unsigned JSON post is no ping");
    }

    @Test
    void aGetIsAnsweredOnlyWhereTheSenderMakesAChallenge() throws Exception {
        HttpResponse<String> answer = Http.CLIENT.send(java.net.http.HttpRequest
                .newBuilder(new URL(base, "api/webhooks/github?hub.challenge=1").toURI()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, answer.statusCode());
        assertEquals("POST", answer.headers().firstValue("Allow").orElse(""));
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void repeatedDeliveryIsAnsweredAsDuplicateAndObservedOnce() throws Exception {
        String delivery = UUID.randomUUID().toString();
        String body = "{\"zen\":\"Keep it logically awesome.\"}";
        HttpResponse<String> first = github(delivery, "ping", body).githubSignature(GITHUB_SECRET).send();
        HttpResponse<String> again = github(delivery, "ping", body).githubSignature(GITHUB_SECRET).send();

        assertEquals(202, first.statusCode());
        assertEquals(200, again.statusCode());
        assertEquals("duplicate", json(again).getString("status"));
        assertEquals(json(first).getString("id"), json(again).getString("id"));
        assertEquals(1, store.of("github", delivery).size());
        StoredDeliveries.awaitFinal(store, json(first).getString("id"));
        Thread.sleep(200);
        assertEquals(1, observers.of(SOURCE, delivery).size());
    }

    @Test
    void aSourceWithItsOwnAcknowledgementGetsItForANewDeliveryAndADuplicate() {
        String delivery = UUID.randomUUID().toString();
        String body = "{\"live\":\"false\",\"notificationItems\":[]}";
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> answer = sender.to("acked").body(body).header("X-GitHub-Delivery", delivery)
                    .header("X-GitHub-Event", "AUTHORISATION").githubSignature(GITHUB_SECRET).send();
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("[accepted]", answer.body());
            assertEquals("text/plain;charset=UTF-8", answer.headers().firstValue("Content-Type").orElse("")
                    .replace(" ", ""));
        }
        assertEquals(1, store.of("acked", delivery).size());

        HttpResponse<String> forged = sender.to("acked").body(body).header("X-GitHub-Delivery", delivery)
                .header("X-GitHub-Event", "AUTHORISATION").githubSignature("not-the-secret").send();
        assertEquals(401, forged.statusCode(), "a refusal is still a problem, never the acknowledgement");
    }

    @Test
    void concurrentRepeatsOfOneDeliveryStoreItOnce() throws Exception {
        String delivery = UUID.randomUUID().toString();
        String body = "{\"action\":\"opened\"}";
        List<HttpResponse<String>> answers = java.util.stream.IntStream.range(0, 16).parallel()
                .mapToObj(i -> github(delivery, "issues", body).githubSignature(GITHUB_SECRET).send())
                .toList();

        assertEquals(1, answers.stream().filter(r -> r.statusCode() == 202).count());
        assertEquals(15, answers.stream().filter(r -> r.statusCode() == 200).count());
        assertEquals(1, answers.stream().map(r -> json(r).getString("id")).distinct().count());
        assertEquals(1, store.of("github", delivery).size());
    }

    @Test
    void everySecretOfARotationIsAccepted() {
        HttpResponse<String> response = github(UUID.randomUUID().toString(), "push", "{}")
                .githubSignature(GITHUB_SECOND_SECRET).send();
        assertEquals(202, response.statusCode());
    }

    @Test
    void tamperedBodyIsRefusedAndNotStored() {
        String delivery = UUID.randomUUID().toString();
        Sender.Post post = github(delivery, "push", "{\"amount\":1}").githubSignature(GITHUB_SECRET)
                .body("{\"amount\":1000}");
        assertProblem(post.send(), 401, "urn:hookline:problem:invalid-signature");
        assertTrue(store.of("github", delivery).isEmpty());
    }

    @Test
    void wrongSecretIsRefused() {
        String delivery = UUID.randomUUID().toString();
        assertProblem(github(delivery, "push", "{}").githubSignature("not-the-secret").send(), 401,
                "urn:hookline:problem:invalid-signature");
        assertTrue(store.of("github", delivery).isEmpty());
    }

    @Test
    void missingSignatureIsRefused() {
        String delivery = UUID.randomUUID().toString();
        HttpResponse<String> response = github(delivery, "push", "{}").send();
        assertProblem(response, 401, "urn:hookline:problem:invalid-signature");
        assertTrue(json(response).getString("detail").contains("X-Hub-Signature-256"));
        assertTrue(store.of("github", delivery).isEmpty());
    }

    @Test
    void unknownSourceIsNotFound() {
        long before = store.count();
        assertProblem(sender.to("nobody").body("{}").send(), 404, "urn:hookline:problem:unknown-source");
        assertEquals(before, store.count());
    }

    @Test
    void bodyOverTheLimitIsRefusedWithContentLength() {
        String body = "{\"id\":\"" + "x".repeat(INHOUSE_MAX_BODY) + "\",\"event\":{\"type\":\"big\"}}";
        long before = store.count();
        assertProblem(sender.to("inhouse").body(body).inhouseSignature(INHOUSE_SECRET).send(), 413,
                "urn:hookline:problem:body-too-large");
        assertEquals(before, store.count());
    }

    @Test
    void chunkedBodyOverTheLimitIsRefused() {
        byte[] body = ("{\"id\":\"" + "y".repeat(INHOUSE_MAX_BODY) + "\",\"event\":{\"type\":\"big\"}}").getBytes(UTF_8);
        long before = store.count();
        HttpResponse<String> response = sender.to("inhouse").body(body).inhouseSignature(INHOUSE_SECRET).sendChunked();
        assertProblem(response, 413, "urn:hookline:problem:body-too-large");
        assertEquals(before, store.count());
    }

    @Test
    void contentTypeTheSchemeDoesNotTakeIsRefused() {
        String delivery = UUID.randomUUID().toString();
        HttpResponse<String> response = github(delivery, "push", "hello").contentType("text/plain")
                .githubSignature(GITHUB_SECRET).send();
        assertProblem(response, 415, "urn:hookline:problem:unsupported-media-type");
        assertTrue(store.of("github", delivery).isEmpty());
    }

    @Test
    void signedButMalformedJsonIsABadRequest() {
        long before = store.count();
        HttpResponse<String> response = sender.to("inhouse").body("{\"id\": \"1\", \"event\": {")
                .inhouseSignature(INHOUSE_SECRET).send();
        assertProblem(response, 400, "urn:hookline:problem:unreadable-delivery");
        assertEquals(before, store.count());
    }

    /**
     * A delivery whose id the database could not store (a NUL character, longer than the column) is refused alone,
     * with a 4xx, while the deliveries sent with it, which may share its transaction, are stored.
     */
    @Test
    void deliveryTheDatabaseCannotHoldIsRefusedAloneAndItsBatchMatesAreStored() throws Exception {
        String run = UUID.randomUUID().toString();
        long before = store.count();
        List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String body = "{\"id\":\"" + run + "-" + i + "\",\"event\":{\"type\":\"batch.mate\"}}";
            requests.add(() -> sender.to("inhouse").body(body).inhouseSignature(INHOUSE_SECRET).send());
        }
        String nul = "{\"id\":\"" + run + "-nul\\u0000\",\"event\":{\"type\":\"bad\"}}";
        String tooLong = "{\"id\":\"" + "z".repeat(256) + "\",\"event\":{\"type\":\"bad\"}}";
        requests.add(8, () -> sender.to("inhouse").body(nul).inhouseSignature(INHOUSE_SECRET).send());
        requests.add(12, () -> sender.to("inhouse").body(tooLong).inhouseSignature(INHOUSE_SECRET).send());
        ExecutorService senders = Executors.newFixedThreadPool(requests.size());
        try {
            List<Future<HttpResponse<String>>> answers = senders.invokeAll(requests);
            assertProblem(answers.get(8).get(), 400, "urn:hookline:problem:unreadable-delivery");
            assertProblem(answers.get(12).get(), 400, "urn:hookline:problem:unreadable-delivery");
            for (int i = 0; i < answers.size(); i++) {
                if (i != 8 && i != 12) {
                    assertEquals(202, answers.get(i).get().statusCode(), answers.get(i).get().body());
                }
            }
        } finally {
            senders.shutdownNow();
        }
        for (int i = 0; i < 16; i++) {
            assertEquals(1, store.of("inhouse", run + "-" + i).size(), "batch-mate " + i + " stored");
        }
        // PostgreSQL cannot even be asked for an id with a NUL in it: count instead.
        assertEquals(before + 16, store.count(), "the batch-mates were stored, the two refused ones not");
    }

    @Test
    void deliveryWithoutItsIdIsABadRequest() {
        long before = store.count();
        HttpResponse<String> response = sender.to("inhouse").body("{\"event\":{\"type\":\"invoice.paid\"}}")
                .inhouseSignature(INHOUSE_SECRET).send();
        assertProblem(response, 400, "urn:hookline:problem:unreadable-delivery");
        assertTrue(json(response).getString("detail").contains("json:/id"));
        assertEquals(before, store.count());
    }

    @Test
    void observersSelectByExactTypeAndByFamily() throws Exception {
        String paid = UUID.randomUUID().toString();
        String failed = UUID.randomUUID().toString();
        assertEquals(202, inhouse(paid, "invoice.paid").send().statusCode());
        assertEquals(202, inhouse(failed, "invoice.payment.failed").send().statusCode());

        assertEquals(1, observers.await(EXACT, paid, hooks -> !hooks.isEmpty()).size());
        assertEquals(1, observers.await(FAMILY, paid, hooks -> !hooks.isEmpty()).size());
        assertEquals(1, observers.await(FAMILY, failed, hooks -> !hooks.isEmpty()).size());
        assertEquals("invoice.payment.failed", observers.of(FAMILY, failed).get(0).type());
        assertEquals(1, observers.await(ALL, failed, hooks -> !hooks.isEmpty()).size());
        assertTrue(observers.of(EXACT, failed).isEmpty(), "an exact observer sees its type only");
        assertTrue(observers.of(SOURCE, paid).isEmpty(), "a source observer sees its source only");
    }

    @Test
    void legacySchemeOfTheBlogPostIsAccepted() throws Exception {
        String body = "{\"event_type\":\"order.created\",\"data\":{\"n\":7}}";
        HttpResponse<String> response = sender.to("legacy").body(body).legacySignature(LEGACY_SECRET).send();
        assertEquals(202, response.statusCode());
        Delivery stored = store.byId(json(response).getString("id"));
        assertEquals("order.created", stored.eventType());
        assertTrue(stored.deliveryId().startsWith("sha256:"), "without a delivery id, the body's hash is the key");
        assertEquals(DeliveryStatus.PROCESSED, StoredDeliveries.awaitFinal(store, stored.id()).status());
    }

    @Test
    void formPostTakesTypeAndIdFromItsFields() throws Exception {
        String trigger = "13345224609." + System.nanoTime();
        String body = "token=x&command=%2Fdeploy&text=prod+now&trigger_id=" + trigger;
        HttpResponse<String> response = sender.to("slack").contentType("application/x-www-form-urlencoded")
                .body(body).slackSignature(TestSources.SLACK_SECRET).send();
        assertEquals(202, response.statusCode(), response.body());
        Webhook hook = observers.await(ALL, trigger, hooks -> !hooks.isEmpty()).get(0);
        assertEquals("/deploy", hook.type());
        assertEquals(body, hook.bodyAsString());
    }

    @Test
    void interactivityTakesTypeAndIdFromTheJsonOfItsPayloadField() throws Exception {
        String trigger = "13345224609." + System.nanoTime();
        String payload = "{\"type\":\"block_actions\",\"trigger_id\":\"" + trigger + "\",\"user\":{\"id\":\"U1\"}}";
        String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        HttpResponse<String> response = sender.to("slack-interactive")
                .contentType("application/x-www-form-urlencoded").body(body)
                .slackSignature(TestSources.SLACK_SECRET).send();
        assertEquals(202, response.statusCode(), response.body());
        Webhook hook = observers.await(ALL, trigger, hooks -> !hooks.isEmpty()).get(0);
        assertEquals("block_actions", hook.type());
        assertEquals(body, hook.bodyAsString());

        HttpResponse<String> notJson = sender.to("slack-interactive").contentType("application/x-www-form-urlencoded")
                .body("payload=not+json").slackSignature(TestSources.SLACK_SECRET).send();
        assertEquals(400, notJson.statusCode(), notJson.body());
        assertTrue(notJson.body().contains("The form field payload does not hold JSON."), notJson.body());
    }

    @Test
    void failingObserverLeavesTheDeliveryFailedWithItsError() throws Exception {
        String delivery = UUID.randomUUID().toString();
        HttpResponse<String> response = inhouse(delivery, "explode").send();
        assertEquals(202, response.statusCode());
        Delivery done = StoredDeliveries.awaitFinal(store, json(response).getString("id"));
        assertEquals(DeliveryStatus.FAILED, done.status());
        assertEquals(1, done.attempts());
        // By default only the exception's class: its message may carry a customer's data.
        assertEquals(IllegalStateException.class.getName(), done.lastError());
        assertTrue(observers.of(ALL, delivery).isEmpty());
    }

    @Test
    void noAnswerNamesASecret() {
        List<HttpResponse<String>> answers = List.of(
                github("x", "push", "{}").githubSignature("wrong").send(),
                github("x", "push", "{}").send(),
                sender.to("inhouse").body("{").inhouseSignature(INHOUSE_SECRET).send(),
                sender.to("legacy").body("{}").header("X-Signature", "zz").send());
        for (HttpResponse<String> answer : answers) {
            for (String secret : SECRETS) {
                assertFalse(answer.body().contains(secret), answer.body());
            }
        }
    }

    private Sender.Post github(String delivery, String event, String body) {
        return sender.to("github").body(body).header("X-GitHub-Delivery", delivery).header("X-GitHub-Event", event);
    }

    private Sender.Post inhouse(String delivery, String type) {
        return sender.to("inhouse").body("{\"id\":\"" + delivery + "\",\"event\":{\"type\":\"" + type + "\"}}")
                .inhouseSignature(INHOUSE_SECRET);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("")
                .split(";")[0]);
        JsonObject problem = json(response);
        assertEquals(status, problem.getInt("status"));
        assertEquals(type, problem.getString("type"));
        assertTrue(problem.containsKey("title"));
    }
}
