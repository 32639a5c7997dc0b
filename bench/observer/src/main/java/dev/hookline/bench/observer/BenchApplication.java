package dev.hookline.bench.observer;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The benchmark's own JAX-RS application at {@code /bench-api}: Hookline's application serves only Hookline's classes,
 * so {@link BenchResource} needs one of its own, listing it alone.
 */
@ApplicationPath("bench-api")
public class BenchApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(BenchResource.class);
    }
}
