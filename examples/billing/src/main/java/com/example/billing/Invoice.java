package com.example.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A paid invoice, recorded from Stripe's {@code invoice.paid}. The Stripe invoice id is the key. */
@Entity
@Table(name = "billing_invoice")
public class Invoice {

    @Id
    @Column(length = 64)
    private String id;

    @Column(nullable = false)
    private long amountPaid;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false)
    private Instant paidAt;

    protected Invoice() {
    }

    public Invoice(String id, long amountPaid, String currency, Instant paidAt) {
        this.id = id;
        this.amountPaid = amountPaid;
        this.currency = currency;
        this.paidAt = paidAt;
    }

    public String getId() {
        return id;
    }

    public long getAmountPaid() {
        return amountPaid;
    }

    public String getCurrency() {
        return currency;
    }

    public Instant getPaidAt() {
        return paidAt;
    }
}
