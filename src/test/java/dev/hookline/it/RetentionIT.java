package dev.hookline.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookline.store.Delivery;
import dev.hookline.store.DeliveryStatus;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retention: processed deliveries lose their headers and body once older than {@code hookline.retention.processed}
 * and keep their row, so the same delivery sent again is a duplicate, until {@code hookline.retention.seen-ids};
 * dead ones are kept whole.
 */
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
                "hookline.retention.seen-ids=PT10S",
                "hookline.retention.interval=PT0.5S",
                "hookline.retention.batch=1",
                "hookline.admin.user=" + TestAdmin.USER,
                "hookline.admin.password=" + TestAdmin.pbkdf2(TestAdmin.PASSWORD),
                ""), Sender.class, Sender.Post.class, Effects.class, FlakyObservers.class, StoredDeliveries.class,
                TestSources.class, TestAdmin.class, AdminClient.class);
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
    void payloadsArePurgedAfterTheRetentionIdsAfterTheSeenIdsWindowAndDeadDeliveriesAreKept() throws Exception {
        String processedId = UUID.randomUUID().toString();
        String processed = id(send(processedId, PROCESSED_BODY), 202);
        String secondProcessed = id(send(UUID.randomUUID().toString(), PROCESSED_BODY), 202);
        String dead = id(send(UUID.randomUUID().toString(), "{\"fail\":1}"), 202);

        assertEquals(DeliveryStatus.PROCESSED, awaitUntil(processed, d -> d != null
                && d.status() == DeliveryStatus.PROCESSED, 10).status());
        assertEquals(DeliveryStatus.DEAD, awaitUntil(dead, d -> d != null && d.status() == DeliveryStatus.DEAD, 10)
                .status());

        Delivery purged = awaitUntil(processed, d -> d.purgedPayload() != null, 15);
        assertNotNull(purged.purgedPayload(), "payload purged after the retention");
        assertEquals(0, purged.body().length);
        assertEquals("{}", purged.headers());
        assertEquals(sha256(PROCESSED_BODY), purged.purgedPayload().bodySha256());
        assertEquals(DeliveryStatus.PROCESSED, purged.status());
        assertNotNull(awaitUntil(secondProcessed, d -> d.purgedPayload() != null, 5).purgedPayload(),
                "purged in batches until none is left");

        HttpResponse<String> again = send(processedId, PROCESSED_BODY);
        assertEquals(200, again.statusCode(), "the same delivery sent again within the seen-ids window: " + again.body());
        assertEquals(processed, id(again, 200));
        assertEquals(List.of(1), effects.committed(processedId), "processed once; a duplicate is not processed");

        AdminClient admin = AdminClient.as(base, TestAdmin.USER, TestAdmin.PASSWORD);
        JsonObject shown = admin.json("api/admin/deliveries/" + processed);
        assertEquals(sha256(PROCESSED_BODY), shown.getString("bodySha256"));
        assertEquals(purged.purgedPayload().purgedAt(), Instant.parse(shown.getString("payloadPurgedAt")));
        assertFalse(shown.containsKey("body"), shown.toString());
        HttpResponse<String> replay = admin.post("api/admin/deliveries/" + processed + "/replay");
        assertEquals(409, replay.statusCode(), replay.body());
        assertTrue(replay.body().contains("hookline.retention.processed"), replay.body());

        Delivery kept = store.byId(dead);
        assertEquals(DeliveryStatus.DEAD, kept.status(), "a dead delivery is kept");
        assertNull(kept.purgedPayload(), "a dead delivery is kept whole");
        assertArrayEquals("{\"fail\":1}".getBytes(StandardCharsets.UTF_8), kept.body());

        assertNull(awaitUntil(processed, d -> d == null, 20), "deleted after the seen-ids window");
        assertEquals(202, send(processedId, PROCESSED_BODY).statusCode(),
                "past the seen-ids window the delivery id is forgotten");
    }

    private static final String PROCESSED_BODY = "{\"fail\":0}";

    private HttpResponse<String> send(String deliveryId, String body) {
        return new Sender(base).to("flaky").body(body)
                .header("X-GitHub-Delivery", deliveryId).header("X-GitHub-Event", "test")
                .githubSignature(SECRET).send();
    }

    private static String id(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject().getString("id");
    }

    private static String sha256(String body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(body.getBytes(StandardCharsets.UTF_8)));
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
