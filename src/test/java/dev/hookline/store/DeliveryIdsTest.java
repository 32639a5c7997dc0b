package dev.hookline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Ids sort in the order they were made, within a millisecond as across milliseconds, and are version 7. Each try
 * takes a millisecond no other has used: a node makes its ids as time goes on, never for a past millisecond again.
 */
class DeliveryIdsTest {

    /** Milliseconds that no other test of this JVM makes ids for. */
    private static final AtomicLong FRESH = new AtomicLong(3_000_000_000_000L);

    @Property(tries = 300)
    void idsOfOneMillisecondSortInTheOrderTheyWereMade(@ForAll @IntRange(min = 2, max = 2048) int count) {
        long millis = FRESH.addAndGet(2);
        List<String> made = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            made.add(DeliveryIds.next(millis));
        }
        List<String> sorted = new ArrayList<>(made);
        sorted.sort(null);
        assertEquals(sorted, made);
        assertEquals(count, new HashSet<>(made).size());
        UUID first = UUID.fromString(made.get(0));
        assertEquals(7, first.version());
        assertEquals(2, first.variant());
        assertEquals(millis, first.getMostSignificantBits() >>> 16);
    }

    @Property(tries = 300)
    void aLaterMillisecondSortsAfter(@ForAll @IntRange(min = 1, max = 2048) int before) {
        long millis = FRESH.addAndGet(2);
        String last = null;
        for (int i = 0; i < before; i++) {
            last = DeliveryIds.next(millis);
        }
        assertTrue(last.compareTo(DeliveryIds.next(millis + 1)) < 0);
    }
}
