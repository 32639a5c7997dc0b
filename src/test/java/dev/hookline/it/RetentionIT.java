package dev.hookline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hookline.store.Delivery;
import dev.hookline.store.DeliveryStatus;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Retention: processed deliveries are purged once they are older than the retention; dead ones are kept. */
@ExtendWith(ArquillianExtension.class)
class RetentionIT {

    static final String SECRET = "retention-test-secret";

    @Deployment
    static WebArchive deployment() {
        return Deployments.hookline("retention", String.join("\n",
                "hookline.sources=flaky",
                "hookline.source.flaky.scheme=github",
                "hookline.source.flaky.secrets=" + SECRET,
                "hookline.source.flaky.retry.max-attempts=1",
                "hookline.retention.processed=PT2S",
                "hookline.retention.interval=PT0.5S",
                "hookline.retention.batch=1",
                ""), Sender.class, Sender.Post.class, Effects.class, FlakyObservers.class, StoredDeliveries.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    Effects effects;

    @Inject
    StoredDeliveries store;

    @BeforeEach
    void prepare() {
        effects.prepare();
    }

    @Test
    void processedDeliveriesArePurgedAfterTheRetentionAndDeadOnesAreKept() throws Exception {
        String processed = send("{\"fail\":0}");
        String secondProcessed = send("{\"fail\":0}");
        String dead = send("{\"fail\":1}");

        assertEquals(DeliveryStatus.PROCESSED, awaitUntil(processed, d -> d != null
                && d.status() == DeliveryStatus.PROCESSED, 10).status());
        assertEquals(DeliveryStatus.DEAD, awaitUntil(dead, d -> d != null && d.status() == DeliveryStatus.DEAD, 10)
                .status());

        assertNull(awaitUntil(processed, d -> d == null, 15), "purged after the retention");
        assertNull(awaitUntil(secondProcessed, d -> d == null, 5), "purged in batches until none is left");
        assertEquals(DeliveryStatus.DEAD, store.byId(dead).status(), "a dead delivery is kept");
    }

    private String send(String body) {
        HttpResponse<String> response = new Sender(base).to("flaky").body(body)
                .header("X-GitHub-Delivery", UUID.randomUUID().toString()).header("X-GitHub-Event", "test")
                .githubSignature(SECRET).send();
        assertEquals(202, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject().getString("id");
    }

    private Delivery awaitUntil(String id, java.util.function.Predicate<Delivery> condition, int seconds)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(seconds);
        Delivery delivery = store.byId(id);
        while (!condition.test(delivery) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            delivery = store.byId(id);
        }
        return delivery;
    }
}
