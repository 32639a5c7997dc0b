package dev.hookline.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final LoginThrottle throttle = new LoginThrottle(now::get);

    private void pass(Duration time) {
        now.addAndGet(time.toNanos());
    }

    @Test
    void theFirstFailuresCostNothingThenEachWaitDoublesUpToFiveMinutes() {
        for (int i = 1; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("user operator");
            assertEquals(Duration.ZERO, throttle.wait("user operator"), "after " + i + " failures");
        }
        throttle.failed("user operator");
        assertEquals(Duration.ofSeconds(1), throttle.wait("user operator"));
        pass(Duration.ofSeconds(1));
        assertEquals(Duration.ZERO, throttle.wait("user operator"));
        throttle.failed("user operator");
        assertEquals(Duration.ofSeconds(2), throttle.wait("user operator"));
        for (int i = 0; i < 30; i++) {
            throttle.failed("user operator");
        }
        assertEquals(LoginThrottle.LONGEST_WAIT, throttle.wait("user operator"));
    }

    @Test
    void theLongestWaitOfTheKeysCounts() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("address 192.0.2.7");
        }
        assertEquals(Duration.ofSeconds(1), throttle.wait("user someone", "address 192.0.2.7"));
        assertEquals(Duration.ZERO, throttle.wait("user someone", "address 192.0.2.8"));
    }

    @Test
    void aSuccessOrAQuietQuarterOfAnHourForgetsTheFailures() {
        for (int i = 0; i < 7; i++) {
            throttle.failed("user a", "user b");
        }
        throttle.succeeded("user a");
        assertEquals(Duration.ZERO, throttle.wait("user a"));
        pass(Duration.ofMinutes(16));
        throttle.failed("user b");
        assertEquals(Duration.ZERO, throttle.wait("user b"), "counted afresh: one failure");
    }

    @Test
    void aFloodOfNewNamesNeitherGrowsTheMapWithoutBoundNorFreesAGuesser() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("address 192.0.2.7");
        }
        for (int i = 0; i < 3 * LoginThrottle.MAX_KEYS; i++) {
            throttle.failed(LoginThrottle.keys("user-" + i, "198.51.100." + (i % 200))[0]);
        }
        assertEquals(Duration.ofSeconds(1), throttle.wait("address 192.0.2.7"), "the guesser still waits");
    }

    @Test
    void aLongUserNameIsCut() {
        String[] keys = LoginThrottle.keys("x".repeat(100_000), "192.0.2.7");
        assertEquals("user ".length() + 128, keys[0].length());
        assertEquals("address 192.0.2.7", keys[1]);
    }
}
