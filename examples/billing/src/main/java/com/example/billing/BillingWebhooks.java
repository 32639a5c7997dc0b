package com.example.billing;

import dev.hookline.api.Webhook;
import dev.hookline.api.WebhookEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * The application's observers of Hookline's deliveries. They run inside the delivery's transaction: what they
 * persist commits together with the delivery's {@code PROCESSED}, and an exception rolls both back.
 */
@ApplicationScoped
public class BillingWebhooks {

    @PersistenceContext
    EntityManager em;

    void invoicePaid(@Observes @WebhookEvent(source = "stripe", type = "invoice.paid") Webhook hook) {
        JsonObject invoice = hook.json().asJsonObject().getJsonObject("data").getJsonObject("object");
        em.persist(new Invoice(invoice.getString("id"), invoice.getJsonNumber("amount_paid").longValue(),
                invoice.getString("currency"), Instant.ofEpochSecond(invoice.getJsonNumber("created").longValue())));
    }

    void push(@Observes @WebhookEvent(source = "github", type = "push") Webhook hook) {
        JsonObject push = hook.json().asJsonObject();
        em.persist(new Push(hook.deliveryId(), push.getJsonObject("repository").getString("full_name"),
                push.getString("ref")));
    }

    /**
     * Fails on purpose on the first two attempts, after it has written its row: the row rolls back with the attempt,
     * Hookline tries the delivery again, and only the third attempt's row commits.
     */
    void chargeRefunded(@Observes @WebhookEvent(source = "stripe", type = "charge.refunded") Webhook hook) {
        JsonObject charge = hook.json().asJsonObject().getJsonObject("data").getJsonObject("object");
        em.persist(new Refund(charge.getString("id"), charge.getJsonNumber("amount_refunded").longValue(),
                hook.attempt()));
        em.flush();
        if (hook.attempt() < 3) {
            throw new IllegalStateException("The ledger is not reachable yet (attempt " + hook.attempt() + ")");
        }
    }
}
