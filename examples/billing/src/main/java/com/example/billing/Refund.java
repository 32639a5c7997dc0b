package com.example.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A refunded charge, recorded from Stripe's {@code charge.refunded} by an observer that fails at first. */
@Entity
@Table(name = "billing_refund")
public class Refund {

    @Id
    @Column(length = 64)
    private String chargeId;

    @Column(nullable = false)
    private long amountRefunded;

    /** The attempt of the delivery that recorded it. */
    @Column(nullable = false)
    private int attempt;

    protected Refund() {
    }

    public Refund(String chargeId, long amountRefunded, int attempt) {
        this.chargeId = chargeId;
        this.amountRefunded = amountRefunded;
        this.attempt = attempt;
    }

    public String getChargeId() {
        return chargeId;
    }

    public long getAmountRefunded() {
        return amountRefunded;
    }

    public int getAttempt() {
        return attempt;
    }
}
