package dev.hookline.store;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Internal delivery ids: UUID version 7, whose leading bits are the creation time in milliseconds, so that ids sort
 * by arrival (newest-first listing and keyset paging need no second index) and never collide across nodes. Within one
 * millisecond the 12 bits after the version are a counter, started at a random value below half its range (RFC 9562,
 * method 1): ids made one after another in the same millisecond sort in the order they were made, so that listings
 * show one node's deliveries in the order it received them. (Ordered sources do not rely on ids: see
 * {@link LinePositions}.)
 */
public final class DeliveryIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int COUNTER_MAX = 0x0FFF;

    private static long lastMillis = -1;
    private static int counter;

    private DeliveryIds() {
    }

    public static String next(long epochMillis) {
        int sequence;
        synchronized (DeliveryIds.class) {
            if (epochMillis == lastMillis && counter < COUNTER_MAX) {
                counter++;
            } else if (epochMillis != lastMillis) {
                lastMillis = epochMillis;
                counter = RANDOM.nextInt(COUNTER_MAX / 2);
            }
            // Past 4,095 ids in one millisecond the counter stays at its top, and the random bits below decide.
            sequence = counter;
        }
        long msb = (epochMillis << 16) | 0x7000L | sequence;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
