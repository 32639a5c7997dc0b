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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults inside the server: an observer slower than the lease must not slow ingest, and its delivery must not be
 * attempted a second time while the first attempt runs.
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
     * Hangs on a delivery of type {@code hang} until the test lets it go, and counts how often it is notified of one.
     * The latches are the class's own: the dispatcher's and the test's reference may be different contextual
     * instances of this bean.
     */
    @ApplicationScoped
    public static class HangingObserver {
        static final CountDownLatch hanging = new CountDownLatch(1);
        static final CountDownLatch release = new CountDownLatch(1);
        static final AtomicInteger notified = new AtomicInteger();

        void observe(@Observes @WebhookSource("slow") Webhook hook) throws InterruptedException {
            if (hook.type().equals("hang")) {
                notified.incrementAndGet();
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
    void observerSlowerThanTheLeaseNeitherSlowsIngestNorRunsTwice() throws Exception {
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

        // Three leases of 2 s: a lease not renewed would have ended, and a poll every 0.2 s taken the delivery over.
        Thread.sleep(6_000);
        Delivery running = store.byId(id);
        assertEquals(DeliveryStatus.PROCESSING, running.status());
        assertEquals(1, running.attempts(), "not taken over while its first attempt runs");
        assertEquals(1, HangingObserver.notified.get());

        HangingObserver.release.countDown();
        Delivery done = awaitAttempts(id, 1, Duration.ofSeconds(20));
        assertEquals(DeliveryStatus.PROCESSED, done.status());
        assertEquals(1, done.attempts());
        assertEquals(1, HangingObserver.notified.get(), "the observer ran once");
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
