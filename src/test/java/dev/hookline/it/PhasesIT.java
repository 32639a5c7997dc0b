package dev.hookline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookline.it.PhaseObservers.Seen;
import dev.hookline.store.DeliveryStatus;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Status;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Observers in each transaction phase are notified as the CDI specification defines it, with the delivery's
 * transaction as the one the event was fired in: once for an attempt that commits, once for one that fails.
 */
@ExtendWith(ArquillianExtension.class)
class PhasesIT {

    private static final String SECRET = "phases-test-secret";
    private static final String CONFIGURATION = String.join("\n",
            "hookline.sources=phases",
            "hookline.source.phases.scheme=github",
            "hookline.source.phases.secrets=" + SECRET,
            "hookline.source.phases.retry.max-attempts=1",
            "");

    @Deployment
    static WebArchive deployment() {
        return Deployments.hookline("phases", CONFIGURATION, Sender.class, Sender.Post.class, PhaseObservers.class,
                PhaseObservers.Seen.class, StoredDeliveries.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    PhaseObservers observers;

    @Inject
    StoredDeliveries store;

    @Test
    void attemptThatCommits() throws Exception {
        String delivery = UUID.randomUUID().toString();
        String id = send("ok", delivery);
        assertEquals(DeliveryStatus.PROCESSED, StoredDeliveries.awaitFinal(store, id).status());
        List<Seen> seen = await(delivery, s -> has(s, "AFTER_COMPLETION") && has(s, "ASYNC"));

        Seen inProgress = one(seen, "IN_PROGRESS");
        assertEquals(Status.STATUS_ACTIVE, inProgress.transactionStatus());
        Seen before = one(seen, "BEFORE_COMPLETION");
        assertEquals(Status.STATUS_ACTIVE, before.transactionStatus(), "before the commit, inside the transaction");
        assertTrue(seen.indexOf(inProgress) < seen.indexOf(before));
        Seen success = one(seen, "AFTER_SUCCESS");
        assertTrue(seen.indexOf(before) < seen.indexOf(success));
        one(seen, "AFTER_COMPLETION");
        assertEquals(0, count(seen, "AFTER_FAILURE"), "no AFTER_FAILURE after a commit");

        Seen async = one(seen, "ASYNC");
        assertNotEquals(inProgress.thread(), async.thread(), "not on the dispatch worker");
        assertEquals(DeliveryStatus.PROCESSED, async.stored(), "after the commit");
        assertEquals(DeliveryStatus.PROCESSED, store.byId(id).status(),
                "a failing asynchronous observer changes nothing");
    }

    @Test
    void attemptThatFails() throws Exception {
        String delivery = UUID.randomUUID().toString();
        String id = send("explode", delivery);
        assertEquals(DeliveryStatus.DEAD, StoredDeliveries.awaitFinal(store, id).status());
        List<Seen> seen = await(delivery, s -> has(s, "AFTER_COMPLETION"));

        assertEquals(Status.STATUS_ACTIVE, one(seen, "IN_PROGRESS").transactionStatus());
        one(seen, "AFTER_FAILURE");
        one(seen, "AFTER_COMPLETION");
        assertEquals(0, count(seen, "AFTER_SUCCESS"), "no AFTER_SUCCESS after a rollback");
        assertEquals(0, count(seen, "BEFORE_COMPLETION"), "a transaction that rolls back does not complete");
        Thread.sleep(500);
        assertEquals(0, count(observers.of(delivery), "ASYNC"), "asynchronous observers only after a commit");
    }

    private String send(String type, String delivery) {
        HttpResponse<String> response = new Sender(base).to("phases").body("{}").header("X-GitHub-Event", type)
                .header("X-GitHub-Delivery", delivery).githubSignature(SECRET).send();
        assertEquals(202, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject().getString("id");
    }

    private List<Seen> await(String delivery, Predicate<List<Seen>> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<Seen> seen = observers.of(delivery);
        while (!done.test(seen) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            seen = observers.of(delivery);
        }
        assertTrue(done.test(seen), seen.toString());
        return seen;
    }

    private static boolean has(List<Seen> seen, String phase) {
        return count(seen, phase) > 0;
    }

    private static long count(List<Seen> seen, String phase) {
        return seen.stream().filter(s -> s.phase().equals(phase)).count();
    }

    private static Seen one(List<Seen> seen, String phase) {
        List<Seen> found = seen.stream().filter(s -> s.phase().equals(phase)).toList();
        assertEquals(1, found.size(), phase + " in " + seen);
        return found.get(0);
    }
}
