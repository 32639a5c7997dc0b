package dev.hookline.platform;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Starts Hookline when the web application starts (declared in the web fragment). Not on CDI's
 * {@code @Initialized(ApplicationScoped.class)}: Payara fires that for the beans of a library jar before it has bound
 * the application's own resources, so a datasource or queue that the application defines in {@code java:app} could
 * not be looked up yet.
 */
public class StartListener implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        CDI.current().getBeanManager().getEvent().select(Started.class).fire(new Started());
    }
}
