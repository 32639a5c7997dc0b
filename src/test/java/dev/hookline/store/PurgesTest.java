package dev.hookline.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PurgesTest {

    @Test
    void theFirstIdOfAnInstantSortsBetweenTheIdsBeforeAndAfterIt() {
        Instant at = Instant.parse("2025-06-01T12:00:00Z");
        String first = Purges.firstIdAt(at);
        for (int i = 0; i < 1000; i++) {
            assertTrue(DeliveryIds.next(at.toEpochMilli() - 1).compareTo(first) < 0);
            assertTrue(DeliveryIds.next(at.toEpochMilli()).compareTo(first) >= 0);
        }
    }
}
