package dev.hookline.dispatch;

import dev.hookline.platform.metrics.Metrics;
import dev.hookline.store.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where dispatch reports each attempt's outcome: counted in {@link Metrics} and logged as one structured line on
 * the logger {@code dev.hookline.delivery}, in logfmt:
 * <pre>outcome=processed source=github type=push delivery_id=72d3… id=0190… attempt=1 duration_ms=4</pre>
 * A failure adds {@code error=} with the class of its cause only: exception messages may quote the payload. Failures
 * are logged at INFO; deliveries processed or unhandled at FINE, since the store and the metrics already keep them
 * and a line each cost about as much as the attempt itself (see docs/benchmarks.md).
 */
@ApplicationScoped
public class DeliveryOutcomes {

    private static final Logger LOG = Logger.getLogger("dev.hookline.delivery");

    @Inject
    Metrics metrics;

    /**
     * @param outcome {@code PROCESSED}, {@code UNHANDLED}, {@code FAILED} (will retry) or {@code DEAD}
     * @param error   what failed the attempt, or {@code null}
     */
    public void record(String source, String type, String deliveryId, String id, DeliveryStatus outcome, int attempt,
                       long durationNanos, Throwable error) {
        metrics.dispatched(source, type, outcome, durationNanos);
        Level level = error == null ? Level.FINE : Level.INFO;
        if (LOG.isLoggable(level)) {
            StringBuilder line = new StringBuilder(160);
            field(line, "outcome", outcome.name().toLowerCase(Locale.ROOT));
            field(line, "source", source);
            field(line, "type", type);
            field(line, "delivery_id", deliveryId);
            field(line, "id", id);
            field(line, "attempt", Integer.toString(attempt));
            field(line, "duration_ms", Long.toString(durationNanos / 1_000_000L));
            if (error != null) {
                field(line, "error", rootCause(error).getClass().getName());
            }
            LOG.log(level, line.toString());
        }
    }

    /** Appends {@code name=value}, quoting and escaping a value that would otherwise break the line apart. */
    static void field(StringBuilder line, String name, String value) {
        if (line.length() > 0) {
            line.append(' ');
        }
        line.append(name).append('=');
        String text = value == null ? "" : value;
        boolean plain = !text.isEmpty() && text.chars().allMatch(c -> c > ' ' && c != '"' && c != '=' && c < 127);
        if (plain) {
            line.append(text);
            return;
        }
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                line.append('\\').append(c);
            } else if (c < ' ' || c == 127) {
                line.append(String.format("\\u%04x", (int) c));
            } else {
                line.append(c);
            }
        }
        line.append('"');
    }

    private static Throwable rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
