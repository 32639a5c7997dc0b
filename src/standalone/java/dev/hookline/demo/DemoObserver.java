package dev.hookline.demo;

import dev.hookline.api.Webhook;
import dev.hookline.api.WebhookSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;

/**
 * The observer of the {@code demo} source that the README's run command configures: it logs what it gets. A
 * deployment without a {@code demo} source never calls it.
 */
@ApplicationScoped
public class DemoObserver {

    private static final Logger LOG = Logger.getLogger(DemoObserver.class.getName());

    void received(@Observes @WebhookSource("demo") Webhook hook) {
        LOG.info(() -> "Demo observer got " + hook + ": " + hook.bodyAsString());
    }
}
