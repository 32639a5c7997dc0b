package dev.hookline.platform.metrics;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts per minute over the last hour, for the console's chart: a ring of 60 minutes of one adder per series. A slot
 * is cleared when its minute comes round again; an increment racing that clearing may be lost, which a chart can bear.
 */
final class MinuteSeries {

    static final int MINUTES = 60;

    private final int series;
    private final AtomicLongArray minuteOfSlot = new AtomicLongArray(MINUTES);
    private final LongAdder[][] counts;

    MinuteSeries(int series) {
        this.series = series;
        counts = new LongAdder[MINUTES][series];
        for (LongAdder[] slot : counts) {
            for (int s = 0; s < series; s++) {
                slot[s] = new LongAdder();
            }
        }
        for (int i = 0; i < MINUTES; i++) {
            minuteOfSlot.set(i, -1);
        }
    }

    void add(int seriesIndex, long epochMillis) {
        long minute = Math.floorDiv(epochMillis, 60_000L);
        int slot = (int) Math.floorMod(minute, (long) MINUTES);
        long held = minuteOfSlot.get(slot);
        if (held != minute && held < minute && minuteOfSlot.compareAndSet(slot, held, minute)) {
            for (LongAdder count : counts[slot]) {
                count.reset();
            }
        }
        if (minuteOfSlot.get(slot) == minute) {
            counts[slot][seriesIndex].increment();
        }
    }

    /**
     * The counts of the {@code minutes} minutes up to and including the one of {@code nowMillis}, oldest first:
     * {@code [series][minute]}.
     */
    long[][] last(int minutes, long nowMillis) {
        long current = Math.floorDiv(nowMillis, 60_000L);
        long[][] result = new long[series][minutes];
        for (int i = 0; i < minutes; i++) {
            long minute = current - minutes + 1 + i;
            int slot = (int) Math.floorMod(minute, (long) MINUTES);
            if (minuteOfSlot.get(slot) == minute) {
                for (int s = 0; s < series; s++) {
                    result[s][i] = counts[slot][s].sum();
                }
            }
        }
        return result;
    }
}
