package dev.hookline.platform;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Starts Hookline when the web application starts and stops it when the application stops (declared in the web
 * fragment).
 * <ul>
 * <li>Not on CDI's {@code @Initialized(ApplicationScoped.class)}: Payara fires that for the beans of a library jar
 * before it has bound the application's own resources, so a datasource or queue that the application defines in
 * {@code java:app} could not be looked up yet.</li>
 * <li>Not on {@code @PreDestroy}: a server destroys application-scoped beans while it shuts CDI down, and work still
 * running then cannot end its transaction (see {@link Stopping}). The servlet context ends before that.</li>
 * </ul>
 */
public class LifecycleListener implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        CDI.current().getBeanManager().getEvent().select(Started.class).fire(new Started());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        CDI.current().getBeanManager().getEvent().select(Stopping.class).fire(new Stopping());
    }
}
