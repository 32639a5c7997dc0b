package dev.hookline.platform.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void histogramBucketsAreCumulativeWithInfinityLast() {
        Histogram histogram = new Histogram();
        histogram.observe(500_000L);          // 0.5 ms
        histogram.observe(1_000_000L);        // exactly 1 ms: in the 0.001 bucket (le is inclusive)
        histogram.observe(30_000_000L);       // 30 ms
        histogram.observe(60_000_000_000L);   // a minute: +Inf only
        long[] cumulative = histogram.cumulative();
        assertEquals(Histogram.BOUNDS.length + 1, cumulative.length);
        assertEquals(2, cumulative[0]);
        assertEquals(2, cumulative[4]);       // le=0.025
        assertEquals(3, cumulative[5]);       // le=0.05
        assertEquals(3, cumulative[Histogram.BOUNDS.length - 1]);
        assertEquals(4, cumulative[Histogram.BOUNDS.length]);
        assertEquals(60.0315, histogram.sumSeconds(), 1e-9);
    }

    @Test
    void labelValuesAreEscaped() {
        String text = new PrometheusText().family("x_total", "counter", "help")
                .sample("x_total", 3, "type", "a\"b\\c\nd").toString();
        assertTrue(text.contains("x_total{type=\"a\\\"b\\\\c\\nd\"} 3\n"), text);
        assertEquals("0.0025", PrometheusText.number(0.0025));
        assertEquals("10", PrometheusText.number(10));
    }

    @Test
    void labelsBeyondTheLimitShareOneSeries() {
        Labelled<LongAdder> types = new Labelled<>(2, LongAdder::new);
        types.get("a").increment();
        types.get("b").increment();
        types.get("c").increment();
        types.get("d").increment();
        types.get("a").increment();
        assertEquals(3, types.all().size());
        assertEquals(2, types.all().get(Labelled.OTHER).sum());
        assertEquals(2, types.all().get("a").sum());
    }

    @Test
    void minuteSeriesKeepsTheLastHourAndForgetsOlderMinutes() {
        MinuteSeries series = new MinuteSeries(2);
        long t = 1_700_000_000_000L - 1_700_000_000_000L % 60_000L;
        series.add(0, t);
        series.add(0, t + 59_999);
        series.add(1, t + 60_000);
        assertArrayEquals(new long[] {2, 0}, series.last(2, t + 60_000)[0]);
        assertArrayEquals(new long[] {0, 1}, series.last(2, t + 60_000)[1]);
        series.add(0, t + 3_600_000L);     // an hour later, in the same slot as minute t
        long[][] hour = series.last(60, t + 3_600_000L);
        assertEquals(1, hour[0][59]);
        assertEquals(1, hour[1][0], "minute t+1 is still within the hour");
        assertArrayEquals(new long[] {0}, series.last(1, t)[0], "minute t is forgotten");
    }
}
