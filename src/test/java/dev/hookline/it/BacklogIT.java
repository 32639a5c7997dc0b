package dev.hookline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookline.dispatch.Replays;
import dev.hookline.store.Delivery;
import dev.hookline.store.DeliveryIds;
import dev.hookline.store.DeliveryStatus;
import dev.hookline.store.DeliveryWriter;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A backlog many times larger than a node may hold in flight drains at the speed of its attempts: each attempted
 * batch claims the next, and the poll interval plays no part. Here the interval is an hour, so that only the first
 * poll, as the application starts, comes from it.
 */
@ExtendWith(ArquillianExtension.class)
class BacklogIT {

    static final String SOURCE = "backlog";
    static final String CONFIGURATION = String.join("\n",
            "hookline.sources=" + SOURCE,
            "hookline.source." + SOURCE + ".scheme=github",
            "hookline.source." + SOURCE + ".secrets=backlog-test-secret",
            "hookline.dispatch.poll-interval=PT1H",
            "hookline.dispatch.max-in-flight=64",
            "hookline.dispatch.claim-batch=32",
            "");
    /** Over fifteen times what the node holds in flight. */
    static final int BACKLOG = 1000;

    @Deployment
    static WebArchive deployment() {
        return Deployments.hookline("backlog", CONFIGURATION, StoredDeliveries.class);
    }

    @Inject
    DeliveryWriter writer;

    @Inject
    Replays replays;

    @Inject
    StoredDeliveries store;

    @Test
    void replayOfAThousandDeadDeliveriesIsAttemptedInFullWithoutWaitingForAPoll() throws Exception {
        Instant received = Instant.now();
        List<Delivery> dead = new ArrayList<>(BACKLOG);
        for (int i = 0; i < BACKLOG; i++) {
            Delivery delivery = new Delivery(DeliveryIds.next(received.toEpochMilli()), SOURCE,
                    "backlog-" + i + "-" + UUID.randomUUID(), "push", received, "{}",
                    "{}".getBytes(StandardCharsets.UTF_8));
            delivery.die("dead before the test replays it");
            dead.add(delivery);
        }
        for (int from = 0; from < BACKLOG; from += 100) {
            writer.insertAll(dead.subList(from, from + 100));
        }
        assertEquals(Map.of(DeliveryStatus.DEAD, (long) BACKLOG), store.countByStatus(SOURCE));

        assertEquals(BACKLOG, replays.replayDead(SOURCE));

        // No observer takes the source's events: each attempt ends UNHANDLED, a final status.
        Map<DeliveryStatus, Long> counts = store.countByStatus(SOURCE);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!counts.equals(Map.of(DeliveryStatus.UNHANDLED, (long) BACKLOG)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            counts = store.countByStatus(SOURCE);
        }
        assertEquals(Map.of(DeliveryStatus.UNHANDLED, (long) BACKLOG), counts,
                "the backlog, two minutes after the replay, by status");
    }
}
