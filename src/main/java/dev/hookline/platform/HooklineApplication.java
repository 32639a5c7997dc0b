package dev.hookline.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Hookline's HTTP API lives under {@code /api}; the web console under {@code /admin}. */
@ApplicationPath("api")
public class HooklineApplication extends Application {
}
