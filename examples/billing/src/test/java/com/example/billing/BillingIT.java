package com.example.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The billing application as its build made it, deployed unchanged and driven over HTTP only: Stripe and GitHub
 * deliveries reach its observers and commit its entities exactly once, a failing observer's row rolls back with its
 * attempt, its own REST API and login stay its own, and Hookline's console opens for its users with the role.
 */
@ExtendWith(ArquillianExtension.class)
class BillingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive billing() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/billing.war"));
    }

    @ArquillianResource
    URL base;

    private final Browser browser = new Browser();

    @Test
    void paidInvoiceIsRecordedOnceThoughStripeSendsItTwice() throws Exception {
        String invoice = "in_" + UUID.randomUUID().toString().replace("-", "");
        String event = Senders.stripeEvent("evt_" + invoice, "invoice.paid", "{\"id\":\"" + invoice
                + "\",\"object\":\"invoice\",\"amount_paid\":4200,\"currency\":\"eur\",\"created\":1733390000}");
        long before = count("invoices");

        HttpResponse<String> first = browser.send(Senders.stripe(uri("api/webhooks/stripe"), event));
        assertEquals(202, first.statusCode(), first.body());
        // Answered through the application's own filter, which is not declared asynchronous (RequestIds).
        assertTrue(first.headers().firstValue("X-Request-Id").isPresent(), first.headers().toString());
        JsonObject recorded = await(uri("rest/billing/invoices/" + invoice), json -> true);
        assertEquals(4200, recorded.getInt("amountPaid"));
        assertEquals("eur", recorded.getString("currency"));

        HttpResponse<String> again = browser.send(Senders.stripe(uri("api/webhooks/stripe"), event));
        assertEquals(200, again.statusCode(), again.body());
        assertEquals("duplicate", json(again.body()).getString("status"));
        assertEquals(json(first.body()).getString("id"), json(again.body()).getString("id"));

        JsonObject delivery = delivery(json(first.body()).getString("id"), "PROCESSED");
        assertEquals(1, delivery.getInt("attempts"));
        assertEquals(before + 1, count("invoices"));
    }

    @Test
    void failingObserverRollsBackItsRowAndTheDeliveryIsTriedAgain() throws Exception {
        String charge = "ch_" + UUID.randomUUID().toString().replace("-", "");
        String event = Senders.stripeEvent("evt_" + charge, "charge.refunded",
                "{\"id\":\"" + charge + "\",\"object\":\"charge\",\"amount_refunded\":1500}");
        long before = count("refunds");

        HttpResponse<String> answer = browser.send(Senders.stripe(uri("api/webhooks/stripe"), event));
        assertEquals(202, answer.statusCode(), answer.body());

        JsonObject delivery = delivery(json(answer.body()).getString("id"), "PROCESSED");
        assertEquals(3, delivery.getInt("attempts"), "two failed attempts, then the one that committed");
        JsonObject refund = await(uri("rest/billing/refunds/" + charge), json -> true);
        assertEquals(3, refund.getInt("attempt"), "only the third attempt's row committed");
        assertEquals(1500, refund.getInt("amountRefunded"));
        assertEquals(before + 1, count("refunds"));
    }

    @Test
    void githubPushReachesItsObserver() throws Exception {
        String delivery = UUID.randomUUID().toString();
        long before = count("pushes");
        HttpResponse<String> answer = browser.send(Senders.github(uri("api/webhooks/github"), "push", delivery,
                "{\"ref\":\"refs/heads/main\",\"repository\":{\"full_name\":\"example/billing\"}}"));
        assertEquals(202, answer.statusCode(), answer.body());
        delivery(json(answer.body()).getString("id"), "PROCESSED");
        assertEquals(before + 1, count("pushes"));
    }

    @Test
    void wrongSignatureIsRefusedAndNothingIsRecorded() throws Exception {
        long before = count("pushes");
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(uri("api/webhooks/github"))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", "sha256=" + "0".repeat(64))
                .POST(HttpRequest.BodyPublishers.ofString("{\"ref\":\"x\",\"repository\":{\"full_name\":\"a/b\"}}"))
                .build());
        assertEquals(401, answer.statusCode());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        assertEquals(before, count("pushes"));
    }

    @Test
    void eachApplicationKeepsItsOwnPath() throws Exception {
        assertEquals(200, browser.get(uri("rest/billing/counts")).statusCode(), "the application's own resource");
        assertEquals(404, browser.get(uri("api/billing/counts")).statusCode(), "not under Hookline's path");

        // Hookline's endpoints are not served under the application's path, signed or not.
        String invoice = "in_" + UUID.randomUUID().toString().replace("-", "");
        String event = Senders.stripeEvent("evt_" + invoice, "invoice.paid", "{\"id\":\"" + invoice
                + "\",\"object\":\"invoice\",\"amount_paid\":1,\"currency\":\"eur\",\"created\":1733390000}");
        assertEquals(404, browser.send(Senders.stripe(uri("rest/webhooks/stripe"), event)).statusCode());
        assertEquals(404, browser.send(HttpRequest.newBuilder(uri("rest/metrics")).header("Accept", "text/plain")
                .GET().build()).statusCode(), "as a Prometheus scrape asks");
        Browser ops = new Browser();
        ops.logIn(uri("api/admin/stats"), "ops", System.getProperty("billing.user.ops.password"));
        assertEquals(404, ops.get(uri("rest/admin/deliveries")).statusCode(), "the admin API only at its own path");
        assertEquals(404, ops.get(uri("rest/admin/stats")).statusCode());
        assertEquals(200, ops.get(uri("api/admin/stats")).statusCode());

        HttpResponse<String> stored = ops.get(uri("api/admin/deliveries?source=stripe&limit=200"));
        assertEquals(200, stored.statusCode(), stored.body());
        assertFalse(stored.body().contains(invoice), "the request under the application's path was not stored");
        assertEquals(404, browser.get(uri("rest/billing/invoices/" + invoice)).statusCode());
    }

    @Test
    void consoleOpensForTheApplicationsUsersWithTheRole() throws Exception {
        HttpResponse<String> page = browser.get(uri("admin/"));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Hookline console"), page.body());

        HttpResponse<String> anonymous = new Browser().get(uri("api/admin/deliveries"));
        assertFalse(anonymous.statusCode() == 200 && isJson(anonymous), "the admin API is not open to everyone");

        Browser ops = new Browser();
        HttpResponse<String> loggedIn = ops.logIn(uri("api/admin/deliveries"), "ops",
                System.getProperty("billing.user.ops.password"));
        assertEquals(200, loggedIn.statusCode(), loggedIn.body());
        assertTrue(isJson(loggedIn), loggedIn.body());
        assertTrue(json(loggedIn.body()).containsKey("items"), loggedIn.body());

        Browser clerk = new Browser();
        HttpResponse<String> refused = clerk.logIn(uri("api/admin/deliveries"), "clerk",
                System.getProperty("billing.user.clerk.password"));
        assertEquals(403, refused.statusCode(), "a user of the application without the role");
        assertEquals(200, clerk.get(uri("rest/billing/counts")).statusCode());
    }

    private static boolean isJson(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").contains("json");
    }

    /** The delivery as the admin API shows it to the application's operator, once it has this status. */
    private JsonObject delivery(String id, String status) throws Exception {
        Browser ops = new Browser();
        ops.logIn(uri("api/admin/stats"), "ops", System.getProperty("billing.user.ops.password"));
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonObject delivery;
        do {
            HttpResponse<String> answer = ops.get(uri("api/admin/deliveries/" + id));
            assertEquals(200, answer.statusCode(), answer.body());
            delivery = json(answer.body());
            if (delivery.getString("status").equals(status)) {
                return delivery;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("Delivery " + id + " is still " + delivery.getString("status") + ": " + delivery);
    }

    private JsonObject await(URI uri, Predicate<JsonObject> done) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        HttpResponse<String> answer;
        do {
            answer = browser.get(uri);
            if (answer.statusCode() == 200 && done.test(json(answer.body()))) {
                return json(answer.body());
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(uri + " answered " + answer.statusCode() + " " + answer.body());
    }

    private long count(String table) throws IOException, InterruptedException {
        HttpResponse<String> answer = browser.get(uri("rest/billing/counts"));
        assertEquals(200, answer.statusCode(), answer.body());
        return json(answer.body()).getJsonNumber(table).longValue();
    }

    private URI uri(String path) {
        return URI.create(base.toExternalForm()).resolve(path);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
