package dev.hookline.platform.metrics;

import dev.hookline.store.DeliveryStatus;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** How each kind of metric of {@link Metrics} is written in Prometheus text. */
final class Exposition {

    private Exposition() {
    }

    static void counters(PrometheusText text, String name, String help, Labelled<LongAdder> bySource) {
        text.family(name, "counter", help);
        bySource.all().forEach((source, count) -> text.sample(name, count.sum(), "source", source));
    }

    static void rejections(PrometheusText text, Labelled<LongAdder[]> bySource) {
        String name = "hookline_rejected_total";
        text.family(name, "counter", "Webhooks refused, by source (empty when unknown) and reason.");
        bySource.all().forEach((source, counts) -> {
            for (Rejection reason : Rejection.values()) {
                long count = counts[reason.ordinal()].sum();
                if (count > 0) {
                    text.sample(name, count, "source", source, "reason", reason.label());
                }
            }
        });
    }

    static void dispatched(PrometheusText text, Labelled<Labelled<LongAdder[]>> bySourceAndType) {
        String name = "hookline_dispatched_total";
        text.family(name, "counter",
                "Dispatch attempts by source, event type and outcome (processed, unhandled, failed, dead).");
        bySourceAndType.all().forEach((source, byType) -> byType.all().forEach((type, counts) -> {
            for (DeliveryStatus outcome : DeliveryStatus.values()) {
                long count = counts[outcome.ordinal()].sum();
                if (count > 0) {
                    text.sample(name, count, "source", source, "type", type,
                            "outcome", outcome.name().toLowerCase(Locale.ROOT));
                }
            }
        }));
    }

    static void histograms(PrometheusText text, String name, String help, Labelled<Histogram> bySource) {
        text.family(name, "histogram", help);
        for (Map.Entry<String, Histogram> entry : bySource.all().entrySet()) {
            String source = entry.getKey();
            long[] cumulative = entry.getValue().cumulative();
            for (int i = 0; i < Histogram.BOUNDS.length; i++) {
                text.sample(name + "_bucket", cumulative[i], "source", source,
                        "le", PrometheusText.number(Histogram.BOUNDS[i]));
            }
            text.sample(name + "_bucket", cumulative[Histogram.BOUNDS.length], "source", source, "le", "+Inf");
            text.sample(name + "_sum", entry.getValue().sumSeconds(), "source", source);
            text.sample(name + "_count", cumulative[Histogram.BOUNDS.length], "source", source);
        }
    }
}
