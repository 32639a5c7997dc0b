package dev.hookline.dispatch;

import dev.hookline.api.Webhook;
import dev.hookline.platform.ServerResources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

/**
 * Notifies a delivery's observers that run inside its transaction, each time within a request context of the
 * delivery's own, also when several deliveries share one transaction: a request-scoped bean never carries one
 * delivery's state into the next.
 */
@ApplicationScoped
public class InTransactionObservers {

    @Inject
    ServerResources server;

    /** The {@code IN_PROGRESS} observers, after the after-completion ones are enlisted in the transaction. */
    @ActivateRequestContext
    public void notify(Route route, Webhook hook) {
        route.notifyInTransaction(hook, server.transactions());
    }

    /** The {@code BEFORE_COMPLETION} observers, once every delivery of the transaction has been notified. */
    @ActivateRequestContext
    public void beforeCompletion(Route route, Webhook hook) {
        route.notifyBeforeCompletion(hook);
    }
}
