package dev.hookline.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(10));

    @Test
    void backoffDoublesFromTheInitialDelayWithJitterInItsUpperHalf() {
        assertEquals(Duration.ofMillis(500), policy.delayAfter(1, 0.0));
        assertEquals(Duration.ofMillis(999), policy.delayAfter(1, 0.999));
        assertEquals(Duration.ofMillis(1000), policy.delayAfter(2, 0.0));
        assertEquals(Duration.ofMillis(2000), policy.delayAfter(3, 0.0));
        assertEquals(Duration.ofMillis(4000), policy.delayAfter(4, 0.0));
        assertEquals(Duration.ofMillis(7999), policy.delayAfter(4, 0.99999));
    }

    @Test
    void backoffStopsAtTheCapHoweverManyFailures() {
        assertEquals(Duration.ofSeconds(5), policy.delayAfter(5, 0.0));
        assertEquals(Duration.ofSeconds(5), policy.delayAfter(1_000, 0.0));
        assertTrue(policy.delayAfter(Integer.MAX_VALUE, 0.999).compareTo(Duration.ofSeconds(10)) < 0);
    }

    @Test
    void anotherAttemptUntilTheMaximum() {
        assertTrue(policy.allowsAnotherAfter(4));
        assertFalse(policy.allowsAnotherAfter(5));
    }
}
