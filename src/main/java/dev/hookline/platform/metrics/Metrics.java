package dev.hookline.platform.metrics;

import dev.hookline.store.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.atomic.LongAdder;

/**
 * Hookline's own metrics registry, the same on every server: what ingest and dispatch count, kept in adders so that
 * the request path neither locks nor allocates. Rendered by {@link MetricsResource} in Prometheus text format.
 *
 * <p>Labels are bounded: sources are the configured ones (an unknown source is counted under an empty source), and
 * past {@value #MAX_TYPES} event types per source further types are counted as {@code _other}.
 */
@ApplicationScoped
public class Metrics {

    static final int MAX_SOURCES = 1_000;
    static final int MAX_TYPES = 200;
    /** The minute series of the chart: one per delivery status (by ordinal), then rejections. */
    static final int REJECTED_SERIES = DeliveryStatus.values().length;

    @Inject
    Clock clock;

    private final Labelled<LongAdder> received = new Labelled<>(MAX_SOURCES, LongAdder::new);
    private final Labelled<LongAdder> duplicates = new Labelled<>(MAX_SOURCES, LongAdder::new);
    private final Labelled<LongAdder> handshakes = new Labelled<>(MAX_SOURCES, LongAdder::new);
    private final Labelled<LongAdder[]> rejected = new Labelled<>(MAX_SOURCES, () -> adders(Rejection.values().length));
    private final Labelled<Labelled<LongAdder[]>> dispatched = new Labelled<>(MAX_SOURCES,
            () -> new Labelled<>(MAX_TYPES, () -> adders(DeliveryStatus.values().length)));
    private final LongAdder[] adminLogins = adders(LoginOutcome.values().length);
    private final Labelled<Histogram> ingestLatency = new Labelled<>(MAX_SOURCES, Histogram::new);
    private final Labelled<Histogram> processingLatency = new Labelled<>(MAX_SOURCES, Histogram::new);
    private final MinuteSeries minutes = new MinuteSeries(REJECTED_SERIES + 1);

    /** A delivery stored and answered 202; {@code nanos} is the time the request spent in Hookline. */
    public void accepted(String source, long nanos) {
        received.get(source).increment();
        ingestLatency.get(source).observe(nanos);
        minutes.add(DeliveryStatus.RECEIVED.ordinal(), clock.millis());
    }

    /** A delivery recognised as seen before and answered 200. */
    public void duplicate(String source, long nanos) {
        duplicates.get(source).increment();
        ingestLatency.get(source).observe(nanos);
    }

    /** A sender's handshake answered (or refused), never stored. */
    public void handshake(String source) {
        handshakes.get(source).increment();
    }

    /** A webhook refused; {@code source} is {@code null} when no source of that name is configured. */
    public void rejected(String source, Rejection reason) {
        rejected.get(source == null ? "" : source)[reason.ordinal()].increment();
        minutes.add(REJECTED_SERIES, clock.millis());
    }

    /**
     * An attempt's outcome: {@code PROCESSED}, {@code UNHANDLED}, {@code FAILED} (will retry) or {@code DEAD};
     * {@code nanos} is the attempt's duration.
     */
    public void dispatched(String source, String type, DeliveryStatus outcome, long nanos) {
        dispatched.get(source).get(type)[outcome.ordinal()].increment();
        processingLatency.get(source).observe(nanos);
        minutes.add(outcome.ordinal(), clock.millis());
    }

    /** What became of a login to the admin API with Hookline's built-in identity. */
    public enum LoginOutcome {
        SUCCESS, FAILURE, THROTTLED
    }

    public void adminLogin(LoginOutcome outcome) {
        adminLogins[outcome.ordinal()].increment();
    }

    /** Per-minute counts of the last {@code minutes} minutes, oldest first, as {@code [series][minute]}. */
    public long[][] perMinute(int minutes) {
        return this.minutes.last(minutes, clock.millis());
    }

    /** Writes every counter and histogram (not the backlog, which the store knows). */
    public void expose(PrometheusText text) {
        Exposition.counters(text, "hookline_received_total", "Deliveries stored and answered 202, by source.",
                received);
        Exposition.counters(text, "hookline_duplicates_total", "Deliveries seen before and answered 200, by source.",
                duplicates);
        Exposition.counters(text, "hookline_handshakes_total",
                "Handshakes (challenges and verification requests) answered and never stored, by source.", handshakes);
        Exposition.rejections(text, rejected);
        text.family("hookline_admin_logins_total", "counter", "Logins to the admin API with the built-in identity, by"
                + " outcome: success, failure (a wrong user or password), throttled (refused 429 before any check).");
        for (LoginOutcome outcome : LoginOutcome.values()) {
            text.sample("hookline_admin_logins_total", adminLogins[outcome.ordinal()].sum(), "outcome",
                    outcome.name().toLowerCase(java.util.Locale.ROOT));
        }
        Exposition.dispatched(text, dispatched);
        Exposition.histograms(text, "hookline_ingest_duration_seconds",
                "Time a webhook request spends in Hookline from verified to committed, by source.", ingestLatency);
        Exposition.histograms(text, "hookline_processing_duration_seconds",
                "Duration of one dispatch attempt, observers included, by source.", processingLatency);
    }

    /** The name of a series of {@link #perMinute}: a delivery status, or {@code REJECTED}. */
    public static String seriesName(int series) {
        return series == REJECTED_SERIES ? "REJECTED" : DeliveryStatus.values()[series].name();
    }

    private static LongAdder[] adders(int count) {
        LongAdder[] adders = new LongAdder[count];
        for (int i = 0; i < count; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }
}
