package dev.hookline.it;

import static dev.hookline.it.AdminClient.parse;
import static dev.hookline.it.TestSources.GITHUB_SECRET;
import static dev.hookline.it.TestSources.INHOUSE_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookline.store.DeliveryStatus;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin API of the deployed WAR over real HTTP: who may call it, and what it lists, shows, replays and purges. */
@ExtendWith(ArquillianExtension.class)
class AdminApiIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.hookline("admin", TestAdmin.CONFIGURATION, TestSources.class, TestAdmin.class,
                Sender.class, Sender.Post.class, AdminClient.class, RecordingObservers.class, StoredDeliveries.class,
                DeliveryStates.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    StoredDeliveries store;

    @Inject
    DeliveryStates states;

    private Sender sender;
    private AdminClient admin;

    @BeforeEach
    void start() {
        sender = new Sender(base);
        admin = AdminClient.as(base, TestAdmin.USER, TestAdmin.PASSWORD);
    }

    @Test
    void withoutCredentialsIsUnauthorizedWithABasicChallenge() {
        HttpResponse<String> response = AdminClient.anonymous(base).get("api/admin/deliveries");
        assertProblem(response, 401, "urn:hookline:problem:unauthorized");
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm="),
                response.headers().map().toString());
    }

    @Test
    void wrongPasswordOrUserIsUnauthorized() {
        assertProblem(AdminClient.as(base, TestAdmin.USER, "wrong").get("api/admin/deliveries"), 401,
                "urn:hookline:problem:unauthorized");
        assertProblem(AdminClient.as(base, "intruder", TestAdmin.PASSWORD).get("api/admin/stats"), 401,
                "urn:hookline:problem:unauthorized");
        assertProblem(AdminClient.as(base, TestAdmin.USER, "wrong").post("api/admin/deliveries/replay"), 401,
                "urn:hookline:problem:unauthorized");
    }

    @Test
    void consoleRequestsAreChallengedWithoutTheBrowsersBasicDialog() {
        HttpResponse<String> response = AdminClient.anonymous(base).get("api/admin/deliveries",
                "X-Requested-With", "XMLHttpRequest");
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("HooklineConsole "));
    }

    @Test
    void theAdminIdentityHasTheAdminRole() {
        assertEquals(200, admin.get("api/admin/deliveries").statusCode());
        assertEquals(200, admin.get("api/admin/stats").statusCode());
    }

    @Test
    void webhooksAndTheConsoleNeedNoAdminLogin() {
        HttpResponse<String> response = sender.to("github").body("{}").header("X-GitHub-Event", "ping")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString()).githubSignature(GITHUB_SECRET).send();
        assertEquals(202, response.statusCode());
        assertEquals(200, AdminClient.anonymous(base).get("admin/").statusCode());
    }

    @Test
    void listsNewestFirstByTypeWithKeysetPaging() {
        String type = "paging." + UUID.randomUUID();
        List<String> ids = List.of(inhouse(type), inhouse(type), inhouse(type));

        JsonObject first = admin.json("api/admin/deliveries?type=" + type + "&limit=2");
        assertEquals(List.of(ids.get(2), ids.get(1)), idsOf(first));
        String next = first.getString("next");
        assertEquals(ids.get(1), next);
        JsonObject second = admin.json("api/admin/deliveries?type=" + type + "&limit=2&after=" + next);
        assertEquals(List.of(ids.get(0)), idsOf(second));
        assertTrue(second.isNull("next"));
    }

    @Test
    void filtersBySourceAndStatus() throws Exception {
        String failed = inhouse("explode");
        StoredDeliveries.awaitFinal(store, failed);
        String github = github(UUID.randomUUID().toString(), "{\"n\":1}");

        List<String> failedOnes = idsOf(admin.json("api/admin/deliveries?status=FAILED&limit=500"));
        assertTrue(failedOnes.contains(failed));
        assertFalse(failedOnes.contains(github));
        List<String> githubOnes = idsOf(admin.json("api/admin/deliveries?source=github&limit=500"));
        assertTrue(githubOnes.contains(github));
        assertFalse(githubOnes.contains(failed));
        JsonObject one = admin.json("api/admin/deliveries?status=failed&source=inhouse&type=explode&limit=1")
                .getJsonArray("items").getJsonObject(0);
        assertEquals("FAILED", one.getString("status"));
        assertEquals(IllegalStateException.class.getName(), one.getString("lastError"),
                "only the class unless hookline.dispatch.error-detail=message");
    }

    @Test
    void badParametersAreProblems() {
        assertProblem(admin.get("api/admin/deliveries?status=LOST"), 400, "urn:hookline:problem:invalid-parameter");
        assertProblem(admin.get("api/admin/deliveries?limit=0"), 400, "urn:hookline:problem:invalid-parameter");
        assertProblem(admin.get("api/admin/deliveries?after=x'--"), 400, "urn:hookline:problem:invalid-parameter");
        assertProblem(admin.get("api/admin/deliveries/" + UUID.randomUUID()), 404,
                "urn:hookline:problem:no-such-delivery");
        assertProblem(admin.get("api/admin/stats?window=P1D"), 400, "urn:hookline:problem:invalid-parameter");
    }

    @Test
    void oneDeliveryWithHeadersAndBodyButNoSignature() throws Exception {
        String delivery = UUID.randomUUID().toString();
        String body = "{\"ref\":\"refs/heads/main\",\"note\":\"caf\u00e9\"}";
        String id = github(delivery, body);

        JsonObject shown = admin.json("api/admin/deliveries/" + id);
        assertEquals(id, shown.getString("id"));
        assertEquals("github", shown.getString("source"));
        assertEquals("push", shown.getString("type"));
        assertEquals(delivery, shown.getString("deliveryId"));
        assertEquals("text", shown.getString("bodyEncoding"));
        assertEquals(body, shown.getString("body"));
        assertEquals("application/json", shown.getString("contentType"));
        JsonObject headers = shown.getJsonObject("headers");
        assertEquals("push", headers.getJsonArray("x-github-event").getString(0));
        assertFalse(headers.containsKey("x-hub-signature-256"), headers.toString());
        assertFalse(shown.toString().contains(GITHUB_SECRET));
    }

    @Test
    void aBodyThatIsNotUtf8IsShownInBase64() {
        byte[] body = {'{', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};
        HttpResponse<String> response = sender.to("github").body(body).header("X-GitHub-Event", "binary")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString()).githubSignature(GITHUB_SECRET).send();
        assertEquals(202, response.statusCode());
        JsonObject shown = admin.json("api/admin/deliveries/" + parse(response).getString("id"));
        assertEquals("base64", shown.getString("bodyEncoding"));
        assertEquals(Base64.getEncoder().encodeToString(body), shown.getString("body"));
    }

    @Test
    void replayRunsTheDeliveryAgainWithOneMoreAttempt() throws Exception {
        String id = github(UUID.randomUUID().toString(), "{\"replay\":true}");
        JsonObject done = await(id, d -> d.getString("status").equals("PROCESSED"));
        assertEquals(1, done.getInt("attempts"));

        HttpResponse<String> replayed = admin.post("api/admin/deliveries/" + id + "/replay");
        assertEquals(202, replayed.statusCode(), replayed.body());
        assertEquals(1, parse(replayed).getInt("replayed"));
        JsonObject again = await(id, d -> d.getInt("attempts") == 2 && d.getString("status").equals("PROCESSED"));
        assertEquals(2, again.getInt("attempts"));
    }

    @Test
    void replayOfAnUnknownOrBusyDeliveryIsRefused() throws Exception {
        assertProblem(admin.post("api/admin/deliveries/" + UUID.randomUUID() + "/replay"), 404,
                "urn:hookline:problem:no-such-delivery");
        String id = github(UUID.randomUUID().toString(), "{}");
        StoredDeliveries.awaitFinal(store, id);
        states.set(id, DeliveryStatus.PROCESSING);
        assertProblem(admin.post("api/admin/deliveries/" + id + "/replay"), 409, "urn:hookline:problem:not-replayable");
    }

    @Test
    void replaysTheDeadOfOneSource() throws Exception {
        String deadA = inhouse("dead.one");
        String deadB = inhouse("dead.two");
        String otherSource = github(UUID.randomUUID().toString(), "{}");
        for (String id : List.of(deadA, deadB, otherSource)) {
            StoredDeliveries.awaitFinal(store, id);
            states.set(id, DeliveryStatus.DEAD);
        }
        assertProblem(admin.post("api/admin/deliveries/replay?status=FAILED"), 400,
                "urn:hookline:problem:invalid-parameter");

        HttpResponse<String> response = admin.post("api/admin/deliveries/replay?status=DEAD&source=inhouse");
        assertEquals(202, response.statusCode(), response.body());
        assertEquals(2, parse(response).getInt("replayed"));
        await(deadA, d -> d.getInt("attempts") == 2 && !d.getString("status").equals("RECEIVED"));
        await(deadB, d -> d.getInt("attempts") == 2 && !d.getString("status").equals("RECEIVED"));
        assertEquals("DEAD", admin.json("api/admin/deliveries/" + otherSource).getString("status"));
    }

    @Test
    void purgeDeletesOnlyFinishedDeliveriesOfTheStatusReceivedBefore() throws Exception {
        String processed = github(UUID.randomUUID().toString(), "{\"purge\":1}");
        String failed = inhouse("explode");
        StoredDeliveries.awaitFinal(store, processed);
        StoredDeliveries.awaitFinal(store, failed);
        Instant cut = Instant.now().plusMillis(1);
        Thread.sleep(5);
        String later = github(UUID.randomUUID().toString(), "{\"purge\":2}");
        StoredDeliveries.awaitFinal(store, later);

        assertProblem(admin.delete("api/admin/deliveries?status=FAILED&before=" + cut), 400,
                "urn:hookline:problem:invalid-parameter");
        assertProblem(admin.delete("api/admin/deliveries?status=PROCESSED"), 400,
                "urn:hookline:problem:invalid-parameter");
        HttpResponse<String> response = admin.delete("api/admin/deliveries?status=PROCESSED&before=" + cut);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(parse(response).getInt("deleted") >= 1);
        assertEquals(404, admin.get("api/admin/deliveries/" + processed).statusCode());
        assertEquals(200, admin.get("api/admin/deliveries/" + failed).statusCode());
        assertEquals(200, admin.get("api/admin/deliveries/" + later).statusCode());
    }

    @Test
    void statsCountByStatusAndSourceWithAPerMinuteSeries() throws Exception {
        JsonObject before = admin.json("api/admin/stats");
        String id = github(UUID.randomUUID().toString(), "{\"stats\":1}");
        StoredDeliveries.awaitFinal(store, id);

        JsonObject after = admin.json("api/admin/stats?window=PT10M");
        assertEquals(before.getJsonObject("bySource").getJsonObject("github") == null ? 1
                        : before.getJsonObject("bySource").getJsonObject("github").getInt("PROCESSED") + 1,
                after.getJsonObject("bySource").getJsonObject("github").getInt("PROCESSED"));
        assertTrue(after.getJsonObject("byStatus").getInt("PROCESSED") >= 1);
        assertTrue(after.containsKey("backlog"));
        JsonObject series = after.getJsonObject("series");
        assertEquals(10, series.getJsonArray("minutes").size());
        JsonArray received = series.getJsonObject("counts").getJsonArray("RECEIVED");
        JsonArray processed = series.getJsonObject("counts").getJsonArray("PROCESSED");
        assertEquals(10, received.size());
        assertTrue(received.getJsonNumber(9).longValue() + received.getJsonNumber(8).longValue() >= 1);
        assertTrue(processed.getJsonNumber(9).longValue() + processed.getJsonNumber(8).longValue() >= 1);
    }

    private String github(String delivery, String body) {
        HttpResponse<String> response = sender.to("github").body(body).header("X-GitHub-Delivery", delivery)
                .header("X-GitHub-Event", "push").githubSignature(GITHUB_SECRET).send();
        assertEquals(202, response.statusCode(), response.body());
        return parse(response).getString("id");
    }

    private String inhouse(String type) {
        HttpResponse<String> response = sender.to("inhouse")
                .body("{\"id\":\"" + UUID.randomUUID() + "\",\"event\":{\"type\":\"" + type + "\"}}")
                .inhouseSignature(INHOUSE_SECRET).send();
        assertEquals(202, response.statusCode(), response.body());
        return parse(response).getString("id");
    }

    /** Polls the admin API until the delivery satisfies the condition, for ten seconds at most. */
    private JsonObject await(String id, Predicate<JsonObject> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        JsonObject delivery = admin.json("api/admin/deliveries/" + id);
        while (!condition.test(delivery) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            delivery = admin.json("api/admin/deliveries/" + id);
        }
        assertTrue(condition.test(delivery), delivery.toString());
        return delivery;
    }

    private static List<String> idsOf(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(d -> d.getString("id")).toList();
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("")
                .split(";")[0]);
        JsonObject problem = parse(response);
        assertEquals(status, problem.getInt("status"));
        assertEquals(type, problem.getString("type"));
        assertNotNull(problem.getString("title"));
        assertFalse(response.body().contains("Exception"), response.body());
        assertFalse(response.body().contains("\tat "), response.body());
    }
}
