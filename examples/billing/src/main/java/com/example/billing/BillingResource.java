package com.example.billing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The application's own REST resource, under its own application path. */
@Path("billing")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BillingResource {

    @PersistenceContext
    EntityManager em;

    @GET
    @Path("invoices/{id}")
    public JsonObject invoice(@PathParam("id") String id) {
        Invoice invoice = em.find(Invoice.class, id);
        if (invoice == null) {
            throw new NotFoundException();
        }
        return Json.createObjectBuilder().add("id", invoice.getId()).add("amountPaid", invoice.getAmountPaid())
                .add("currency", invoice.getCurrency()).add("paidAt", invoice.getPaidAt().toString()).build();
    }

    /** How many rows each table has: what the tests count to see that each delivery committed exactly once. */
    @GET
    @Path("counts")
    public JsonObject counts() {
        return Json.createObjectBuilder()
                .add("invoices", count("Invoice"))
                .add("refunds", count("Refund"))
                .add("pushes", count("Push"))
                .build();
    }

    @GET
    @Path("refunds/{chargeId}")
    public JsonObject refund(@PathParam("chargeId") String chargeId) {
        Refund refund = em.find(Refund.class, chargeId);
        if (refund == null) {
            throw new NotFoundException();
        }
        return Json.createObjectBuilder().add("chargeId", refund.getChargeId())
                .add("amountRefunded", refund.getAmountRefunded()).add("attempt", refund.getAttempt()).build();
    }

    private long count(String entity) {
        return em.createQuery("select count(e) from " + entity + " e", Long.class).getSingleResult();
    }
}
