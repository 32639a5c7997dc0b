package dev.hookline.bench.observer;

import java.util.concurrent.atomic.AtomicLongArray;

/** Latencies in microseconds, in buckets 2 % wide: enough for p50 and p99, lock-free, and a few KiB of memory. */
final class LatencyHistogram {

    private static final double GROWTH = 1.02;
    private static final int BUCKETS = 1200;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void record(long micros) {
        int bucket = micros <= 1 ? 0 : (int) Math.min(BUCKETS - 1, Math.ceil(Math.log(micros) / Math.log(GROWTH)));
        counts.incrementAndGet(bucket);
    }

    long count() {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += counts.get(i);
        }
        return total;
    }

    /** The upper bound, in microseconds, of the bucket holding the given quantile; 0 when empty. */
    long quantile(double q) {
        long total = count();
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.round(Math.pow(GROWTH, i));
            }
        }
        return Math.round(Math.pow(GROWTH, BUCKETS - 1));
    }

    void reset() {
        for (int i = 0; i < BUCKETS; i++) {
            counts.set(i, 0);
        }
    }
}
