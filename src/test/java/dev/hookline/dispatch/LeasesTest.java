package dev.hookline.dispatch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An attempt starts only on a lease with at least half its length left; never on one that has ended. */
class LeasesTest {

    private static final Instant NOW = Instant.parse("2026-12-05T06:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Test
    void aFreshLeaseIsLongEnough() {
        assertTrue(Leases.longEnough(NOW.plus(LEASE), NOW, LEASE));
        assertTrue(Leases.longEnough(NOW.plusSeconds(15), NOW, LEASE));
    }

    @Test
    void aLeaseWithLessThanHalfLeftIsNot() {
        assertFalse(Leases.longEnough(NOW.plusSeconds(14), NOW, LEASE));
    }

    @Test
    void anEndedLeaseIsNot() {
        assertFalse(Leases.longEnough(NOW, NOW, LEASE));
        assertFalse(Leases.longEnough(NOW.minusSeconds(1), NOW, LEASE));
        assertFalse(Leases.longEnough(null, NOW, LEASE));
    }
}
