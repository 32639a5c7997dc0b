package dev.hookline.admin;

import dev.hookline.platform.JsonSupport;
import dev.hookline.platform.metrics.Backlog;
import dev.hookline.platform.metrics.Metrics;
import dev.hookline.store.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code GET /api/admin/stats?window=PT1H}: deliveries by status and source (from the store), the backlog, and the
 * console chart's series, per minute over the window, of deliveries received, rejected and finished by outcome. The
 * series are this server's since its start (they live in memory); the counts are the whole store's.
 */
@Path("admin/stats")
@AdminOnly
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private static final JsonProvider JSON = JsonSupport.provider();

    @Inject
    AdminDeliveries deliveries;

    @Inject
    Backlog backlog;

    @Inject
    Metrics metrics;

    @Inject
    Clock clock;

    @GET
    public JsonObject stats(@QueryParam("window") String window) {
        Duration span = AdminParameters.window(window);
        Map<String, Map<DeliveryStatus, Long>> bySource = deliveries.countsBySource();
        Map<DeliveryStatus, Long> total = new EnumMap<>(DeliveryStatus.class);
        JsonObjectBuilder sources = JSON.createObjectBuilder();
        bySource.forEach((source, counts) -> {
            sources.add(source, statusCounts(counts));
            counts.forEach((status, count) -> total.merge(status, count, Long::sum));
        });
        Backlog.Snapshot waiting = backlog.read();
        return JSON.createObjectBuilder()
                .add("byStatus", statusCounts(total))
                .add("bySource", sources)
                .add("backlog", waiting.total())
                .add("oldestDueAgeSeconds", waiting.oldestDueAge().toSeconds())
                .add("series", series((int) span.toMinutes()))
                .build();
    }

    private static JsonObjectBuilder statusCounts(Map<DeliveryStatus, Long> counts) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        for (DeliveryStatus status : DeliveryStatus.values()) {
            json.add(status.name(), counts.getOrDefault(status, 0L));
        }
        return json;
    }

    /** {@code {"start":…, "step":"PT1M", "minutes":[…], "counts":{"PROCESSED":[…], …}}}, oldest minute first. */
    private JsonObjectBuilder series(int minutes) {
        long[][] perMinute = metrics.perMinute(minutes);
        Instant first = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(minutes - 1L));
        JsonArrayBuilder starts = JSON.createArrayBuilder();
        for (int i = 0; i < minutes; i++) {
            starts.add(first.plus(Duration.ofMinutes(i)).toString());
        }
        JsonObjectBuilder counts = JSON.createObjectBuilder();
        for (int s = 0; s < perMinute.length; s++) {
            if (s == DeliveryStatus.PROCESSING.ordinal()) {
                continue;
            }
            JsonArrayBuilder values = JSON.createArrayBuilder();
            for (long count : perMinute[s]) {
                values.add(count);
            }
            counts.add(Metrics.seriesName(s), values);
        }
        return JSON.createObjectBuilder().add("step", "PT1M").add("minutes", starts).add("counts", counts);
    }
}
