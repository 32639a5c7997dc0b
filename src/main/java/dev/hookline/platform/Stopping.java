package dev.hookline.platform;

/**
 * Fired once as the web application that contains Hookline stops, while its CDI beans, naming environment and the
 * server's transaction manager still work: the moment Hookline's background work ends. Work left running after it
 * may find the container shut down under it; on WildFly a {@code @Transactional} method then cannot end its
 * transaction (WELD-000229), which keeps its row locks until the server's transaction reaper rolls it back, minutes
 * later, while the next deployment's statements wait on them.
 */
public final class Stopping {
}
