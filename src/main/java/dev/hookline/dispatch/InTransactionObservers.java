package dev.hookline.dispatch;

import dev.hookline.api.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

/**
 * Notifies a delivery's in-transaction observers within a request context of the delivery's own, also when several
 * deliveries share one transaction: a request-scoped bean never carries one delivery's state into the next.
 */
@ApplicationScoped
public class InTransactionObservers {

    @ActivateRequestContext
    public void notify(Route route, Webhook hook) {
        route.notifyInTransaction(hook);
    }
}
