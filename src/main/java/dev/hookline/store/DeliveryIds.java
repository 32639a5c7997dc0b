package dev.hookline.store;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Internal delivery ids: UUID version 7, whose leading bits are the creation time in milliseconds, so that ids sort
 * by arrival (newest-first listing and keyset paging need no second index) and never collide across nodes.
 */
public final class DeliveryIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DeliveryIds() {
    }

    public static String next(long epochMillis) {
        long random = RANDOM.nextLong();
        long msb = (epochMillis << 16) | 0x7000L | ((random >>> 52) & 0x0FFFL);
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
