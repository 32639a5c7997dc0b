package dev.hookline.bench.ceiling;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Mounted where Hookline is, so the same requests reach both. */
@ApplicationPath("api")
public class NoopApplication extends Application {
}
