package dev.hookline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookline.dispatch.Dispatcher;
import dev.hookline.dispatch.Replays;
import dev.hookline.store.Delivery;
import dev.hookline.store.DeliveryIds;
import dev.hookline.store.DeliveryStatus;
import dev.hookline.store.DeliveryWriter;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The durable dispatch through the deployed WAR and the real database: retries with backoff, dead letters, replay,
 * transactional observers whose writes commit exactly once, and ordered sources.
 */
@ExtendWith(ArquillianExtension.class)
class DispatchIT {

    static final String FLAKY_SECRET = "flaky-test-secret";
    static final String ORDERED_SECRET = "ordered-test-secret";
    static final String CONFIGURATION = String.join("\n",
            "hookline.dispatch.error-detail=message",
            "hookline.sources=flaky,patient,ordered",
            "hookline.source.flaky.scheme=github",
            "hookline.source.flaky.secrets=" + FLAKY_SECRET,
            "hookline.source.flaky.retry.max-attempts=3",
            "hookline.source.flaky.retry.initial-delay=PT0.1S",
            "hookline.source.flaky.retry.max-delay=PT0.2S",
            "hookline.source.patient.scheme=github",
            "hookline.source.patient.secrets=" + FLAKY_SECRET,
            // Long enough that the FAILED delivery is not retried before the test looks, on a slow machine too.
            "hookline.source.patient.retry.initial-delay=PT1M",
            "hookline.source.patient.retry.max-delay=PT1M",
            "hookline.source.ordered.scheme=github",
            "hookline.source.ordered.secrets=" + ORDERED_SECRET,
            "hookline.source.ordered.ordered=true",
            "hookline.source.ordered.ordering-key=json:/account",
            "hookline.source.ordered.retry.initial-delay=PT0.2S",
            "hookline.dispatch.poll-interval=PT0.1S",
            "");

    @Deployment
    static WebArchive deployment() {
        return Deployments.hookline("dispatch", CONFIGURATION, Sender.class, Sender.Post.class, Effects.class,
                FlakyObservers.class, StoredDeliveries.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    Effects effects;

    @Inject
    FlakyObservers observers;

    @Inject
    StoredDeliveries store;

    @Inject
    Replays replays;

    @Inject
    DeliveryWriter writer;

    @Inject
    Dispatcher dispatcher;

    private Sender sender;

    @BeforeEach
    void start() {
        sender = new Sender(base);
        effects.prepare();
    }

    @Test
    void observerThatFailsTwiceSucceedsOnTheThirdAttemptAndItsWritesCommitOnce() throws Exception {
        String delivery = UUID.randomUUID().toString();
        String id = send("flaky", FLAKY_SECRET, delivery, "{\"fail\":2}");

        Delivery done = awaitStatus(id, DeliveryStatus.PROCESSED);
        assertEquals(3, done.attempts());
        assertNull(done.lastError());
        assertNull(done.claimedBy(), "a finished delivery holds no lease");
        assertEquals(List.of(3), effects.committed(delivery),
                "the writes of the two failed attempts were rolled back; the third's committed once");
    }

    @Test
    void failingObserversWritesAreRolledBackAndTheRetryIsScheduledWithBackoff() throws Exception {
        String delivery = UUID.randomUUID().toString();
        Instant sent = Instant.now();
        String id = send("patient", FLAKY_SECRET, delivery, "{\"fail\":1000}");

        Delivery failed = awaitStatus(id, DeliveryStatus.FAILED);
        assertEquals(1, failed.attempts());
        assertTrue(failed.lastError().contains("attempt 1 of " + delivery + " refused"), failed.lastError());
        Duration wait = Duration.between(failed.lastAttemptAt(), failed.nextAttemptAt());
        assertTrue(wait.compareTo(Duration.ofSeconds(30)) >= 0 && wait.compareTo(Duration.ofSeconds(65)) <= 0,
                () -> "the retry comes after half to all of the initial minute, after the attempt: " + wait);
        assertTrue(effects.committed(delivery).isEmpty(), "the failed attempt's write was rolled back");
        assertTrue(failed.lastAttemptAt().isAfter(sent.minusSeconds(1)));
    }

    @Test
    void alwaysFailingDeliveryDiesAfterMaxAttemptsThenReplayAfterAFixProcessesIt() throws Exception {
        String delivery = UUID.randomUUID().toString();
        String id = send("flaky", FLAKY_SECRET, delivery, "{\"fail\":1000}");

        Delivery dead = awaitStatus(id, DeliveryStatus.DEAD);
        assertEquals(3, dead.attempts());
        assertTrue(dead.lastError().contains("attempt 3 of " + delivery + " refused"), dead.lastError());
        assertTrue(effects.committed(delivery).isEmpty());
        Thread.sleep(500);
        assertEquals(DeliveryStatus.DEAD, store.byId(id).status(), "a dead delivery is not tried again by itself");

        observers.fix(delivery);
        assertEquals(1, replays.replay(id));

        Delivery processed = awaitStatus(id, DeliveryStatus.PROCESSED);
        assertEquals(4, processed.attempts(), "a replay goes on counting attempts, with a new series of retries");
        assertEquals(List.of(4), effects.committed(delivery));
        assertEquals(0, replays.replay(UUID.randomUUID().toString()), "no such delivery");
    }

    @Test
    void replayOfAllDeadOfASourceTakesEachOfThemOnce() throws Exception {
        List<String> deliveries = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        List<String> ids = new ArrayList<>();
        for (String delivery : deliveries) {
            ids.add(send("flaky", FLAKY_SECRET, delivery, "{\"fail\":1000}"));
        }
        for (String id : ids) {
            awaitStatus(id, DeliveryStatus.DEAD);
        }
        deliveries.forEach(observers::fix);

        assertTrue(replays.replayDead("flaky") >= 2);
        assertEquals(0, replays.replayDead("ordered"), "another source's dead ones are its own");

        for (int i = 0; i < ids.size(); i++) {
            Delivery processed = awaitStatus(ids.get(i), DeliveryStatus.PROCESSED);
            assertEquals(List.of(processed.attempts()), effects.committed(deliveries.get(i)));
        }
    }

    @Test
    void deliveriesThatShareATransactionWithAFailingOneCommitOnceAndOnlyItFails() throws Exception {
        // Stored in one transaction and hinted to dispatch at once, as ingest does: they are claimed together (or in
        // a few groups, should the poll take some first) and attempted in one transaction per group, in the order
        // received. The last received fails on its first attempt, after the others' observers have written: all of
        // its transaction rolls back, and each delivery of it is attempted again alone.
        int failing = 5;
        List<String> deliveries = new ArrayList<>();
        List<Delivery> stored = new ArrayList<>();
        Instant received = Instant.now();
        for (int i = 0; i <= failing; i++) {
            String delivery = "batch-" + i + "-" + UUID.randomUUID();
            deliveries.add(delivery);
            Instant at = received.plusMillis(i);
            stored.add(waiting(delivery, at, "{\"fail\":" + (i == failing ? 1 : 0) + "}"));
        }
        writer.insertAll(stored);
        dispatcher.dispatch(stored.stream().map(Delivery::id).toList());

        for (int i = 0; i < stored.size(); i++) {
            Delivery done = awaitStatus(stored.get(i).id(), DeliveryStatus.PROCESSED);
            int attempt = i == failing ? 2 : 1;
            assertEquals(attempt, done.attempts(), "only the failing delivery was recorded as failed");
            assertEquals(List.of(attempt), effects.committed(deliveries.get(i)),
                    "each delivery's write committed once, in the attempt that succeeded");
        }
        assertFalse(observers.sharedTransactions(Set.copyOf(deliveries)).isEmpty(),
                "deliveries claimed together were attempted in one transaction");
    }

    @Test
    void concurrentClaimsOfTheSameDeliveriesProcessEachOnce() throws Exception {
        // Stored waiting, not leased, then hinted to dispatch by eight threads at once while the poll runs too: every
        // delivery is claimed by one of them, and processed once, with one committed write.
        List<Delivery> stored = new ArrayList<>();
        Instant received = Instant.now();
        for (int i = 0; i < 400; i++) {
            stored.add(waiting("race-" + i + "-" + UUID.randomUUID(), received, "{}"));
        }
        writer.insertAll(stored);
        List<String> ids = stored.stream().map(Delivery::id).toList();
        ExecutorService hinting = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 8; t++) {
            // Overlapping halves, so that claims of different sizes meet on the same rows.
            List<String> some = t % 2 == 0 ? ids.subList(0, 250) : ids.subList(150, 400);
            hinting.execute(() -> {
                try {
                    start.await();
                    dispatcher.dispatch(some);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        start.countDown();
        hinting.shutdown();

        for (Delivery delivery : stored) {
            Delivery done = awaitStatus(delivery.id(), DeliveryStatus.PROCESSED);
            assertEquals(1, done.attempts(), () -> delivery.deliveryId() + " was claimed more than once");
            assertEquals(List.of(1), effects.committed(delivery.deliveryId()));
        }
        Thread.sleep(500);
        for (Delivery delivery : stored) {
            assertEquals(List.of(1), effects.committed(delivery.deliveryId()), "processed again afterwards");
        }
    }

    @Test
    void orderedSourceProcessesOneKeyInReceiptOrderEvenWhenTheFirstMustBeRetried() throws Exception {
        String account = "acct-" + UUID.randomUUID();
        List<String> deliveries = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String delivery = i + "-" + UUID.randomUUID();
            deliveries.add(delivery);
            int fail = i == 0 ? 2 : 0;
            ids.add(send("ordered", ORDERED_SECRET, delivery, "{\"account\":\"" + account + "\",\"fail\":" + fail + "}"));
            Thread.sleep(2);
        }
        String other = "other-" + UUID.randomUUID();
        String otherId = send("ordered", ORDERED_SECRET, other, "{\"account\":\"another\",\"fail\":0}");

        assertEquals(1, awaitStatus(otherId, DeliveryStatus.PROCESSED).attempts(),
                "another key does not wait for this one's retries");
        for (String id : ids) {
            awaitStatus(id, DeliveryStatus.PROCESSED);
        }
        List<String> order = observers.succeededInOrder().stream().filter(deliveries::contains).toList();
        assertEquals(deliveries, order);
        assertEquals(3, store.byId(ids.get(0)).attempts());
        assertEquals(account, store.byId(ids.get(0)).orderingKey());
    }

    /** A delivery of the flaky source as ingest would store it when it cannot lease it: waiting for a claim. */
    private static Delivery waiting(String deliveryId, Instant received, String body) {
        return new Delivery(DeliveryIds.next(received.toEpochMilli()), "flaky", deliveryId, "test", received, "{}",
                body.getBytes(StandardCharsets.UTF_8));
    }

    private String send(String source, String secret, String delivery, String body) {
        HttpResponse<String> response = sender.to(source).body(body).header("X-GitHub-Delivery", delivery)
                .header("X-GitHub-Event", "test").githubSignature(secret).send();
        assertEquals(202, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject().getString("id");
    }

    private Delivery awaitStatus(String id, DeliveryStatus status) throws InterruptedException {
        Delivery delivery = await(id, d -> d.status() == status);
        assertEquals(status, delivery.status(), () -> "delivery " + id + " with error " + delivery.lastError());
        return delivery;
    }

    private Delivery await(String id, java.util.function.Predicate<Delivery> condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        Delivery delivery = store.byId(id);
        while ((delivery == null || !condition.test(delivery)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            delivery = store.byId(id);
        }
        return delivery;
    }
}
