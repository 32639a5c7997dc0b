package dev.hookline.bench.observer;

import dev.hookline.store.StoreDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the benchmark reads between runs, never during one: {@code /bench-api/bench/e2e} gives what {@link BenchObserver}
 * measured (DELETE starts afresh); {@code /bench-api/bench/backlog} counts stored deliveries and those still waiting for
 * dispatch. Benchmark only.
 */
@Path("bench")
@ApplicationScoped
public class BenchResource {

    @Inject
    BenchObserver observer;

    @Inject
    StoreDataSource store;

    @GET
    @Path("e2e")
    @Produces(MediaType.APPLICATION_JSON)
    public String endToEnd() {
        LatencyHistogram h = observer.endToEnd();
        return "{\"notified\":" + h.count() + ",\"p50_us\":" + h.quantile(0.50) + ",\"p99_us\":" + h.quantile(0.99)
                + ",\"max_us\":" + h.quantile(1.0) + ",\"received_before\":" + observer.receivedBefore() + "}";
    }

    @DELETE
    @Path("e2e")
    public void reset() {
        observer.reset();
    }

    @GET
    @Path("backlog")
    @Produces(MediaType.APPLICATION_JSON)
    public String backlog() throws SQLException {
        long stored = count("SELECT COUNT(*) FROM hookline_delivery");
        long waiting = count("SELECT COUNT(*) FROM hookline_delivery WHERE status IN ('RECEIVED', 'PROCESSING')");
        return "{\"stored\":" + stored + ",\"waiting\":" + waiting + "}";
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = store.connection();
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
