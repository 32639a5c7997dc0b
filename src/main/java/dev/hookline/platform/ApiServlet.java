package dev.hookline.platform;

/**
 * The servlet that serves Hookline's JAX-RS application. The JAX-RS specification names it after the application's
 * class, {@code dev.hookline.web.HooklineApplication}, and an application that moves Hookline's API maps that name in
 * its own web.xml. Named here for the servlet filter and the authentication mechanism that look for it, whose packages
 * the application's package depends on.
 */
public final class ApiServlet {

    public static final String NAME = "dev.hookline.web.HooklineApplication";

    private ApiServlet() {
    }
}
