package dev.hookline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookline.api.Webhook;
import dev.hookline.api.WebhookSource;
import dev.hookline.store.Delivery;
import dev.hookline.store.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults inside the server: an observer that hangs must not slow ingest, and its delivery must be taken over once
 * the lease ends; a flood of forged requests must not lock a source out.
 */
@ExtendWith(ArquillianExtension.class)
class FaultsIT {

    static final String SECRET = "faults-test-secret";

    @Deployment
    static WebArchive deployment() {
        return Deployments.hookline("faults", String.join("\n",
                        "hookline.sources=slow",
                        "hookline.source.slow.scheme=github",
                        "hookline.source.slow.secrets=" + SECRET,
                        "hookline.dispatch.lease=PT2S",
                        "hookline.dispatch.poll-interval=PT0.2S",
                        ""),
                Sender.class, Sender.Post.class, StoredDeliveries.class, HangingObserver.class);
    }

    /**
     * Hangs on the first attempt of a delivery of type {@code hang}, until the test lets it go. The latches are the
     * class's own: the dispatcher's and the test's reference may be different contextual instances of this bean.
     */
    @ApplicationScoped
    public static class HangingObserver {
        static final CountDownLatch hanging = new CountDownLatch(1);
        static final CountDownLatch release = new CountDownLatch(1);

        void observe(@Observes @WebhookSource("slow") Webhook hook) throws InterruptedException {
            if (hook.type().equals("hang") && hook.attempt() == 1) {
                hanging.countDown();
                release.await(30, TimeUnit.SECONDS);
            }
        }
    }

    @ArquillianResource
    URL base;

    @Inject
    StoredDeliveries store;

    @Test
    void hangingObserverNeitherSlowsIngestNorKeepsItsDeliveryFromBeingTakenOver() throws Exception {
        // A cold first attempt (the first statements prepared, the JIT cold) can outlast this test's short lease: warm up first.
        awaitAttempts(json(send("push", UUID.randomUUID().toString())), 1, Duration.ofSeconds(20));
        String id = json(send("hang", UUID.randomUUID().toString()));
        assertTrue(HangingObserver.hanging.await(10, TimeUnit.SECONDS), "the observer hangs");

        long slowestMillis = IntStream.range(0, 20).mapToLong(i -> {
            Instant start = Instant.now();
            assertEquals(202, send("quick", UUID.randomUUID().toString()).statusCode());
            return Duration.between(start, Instant.now()).toMillis();
        }).max().orElseThrow();
        assertTrue(slowestMillis < 1000, "ingest waited " + slowestMillis + " ms behind a hanging observer");

        Delivery taken = awaitAttempts(id, 2, Duration.ofSeconds(20));
        HangingObserver.release.countDown();
        assertEquals(DeliveryStatus.PROCESSED, taken.status(), "taken over after the lease ended");
        assertTrue(taken.attempts() >= 2, "attempts " + taken.attempts());
    }

    private Delivery awaitAttempts(String id, int attempts, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        Delivery delivery = store.byId(id);
        while (!(delivery.status() == DeliveryStatus.PROCESSED && delivery.attempts() >= attempts)
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            delivery = store.byId(id);
        }
        return delivery;
    }

    private HttpResponse<String> send(String type, String delivery) {
        return new Sender(base).to("slow").body("{\"n\":1}").header("X-GitHub-Event", type)
                .header("X-GitHub-Delivery", delivery).githubSignature(SECRET).send();
    }

    private static String json(HttpResponse<String> response) {
        assertEquals(202, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject().getString("id");
    }
}
